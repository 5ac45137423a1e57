package io.kbguide.engine;

import java.util.List;

/**
 * A remediation step.
 *
 * @param restart whether this is the restart step the engine adds after steps that need it
 * @param requiresRestart whether the step takes effect only after a server restart
 * @param changesOs whether the step changes the operating system itself, after which the diagnosis must be
 *        run again (such steps come last)
 * @param allowedWhen safety guard: the step may only ever be advised where one of these holds
 */
public record Step(String id, String title, String detail, List<Command> commands, boolean restart,
        boolean requiresRestart, boolean changesOs, List<Condition> allowedWhen, Explanation source) {

    public Step {
        commands = List.copyOf(commands);
        allowedWhen = List.copyOf(allowedWhen);
    }

    /**
     * Whether carrying out the step changes the server (registry, boot options, patch, service pack, restart);
     * a step that only asks someone for help, such as contacting support, does not.
     */
    public boolean changesServer() {
        return restart || requiresRestart || changesOs;
    }
}
