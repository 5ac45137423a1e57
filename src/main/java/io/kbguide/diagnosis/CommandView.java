package io.kbguide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kbguide.engine.Article;
import io.kbguide.engine.Command;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** Something to run or click on the server, with the output to expect, for the Windows it applies to. */
@Schema(description = "A command to run (command) or, where Windows has no such command, what to click (gui)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandView(
        @Schema(description = "The command line to run") String command,
        @Schema(description = "What to do in the Windows user interface instead") String gui,
        @Schema(description = "What the output should look like") String expect,
        @Schema(description = "Where the facts known do not settle it: the servers it applies to, such as \"On"
                + " Windows Server 2003\"") String onlyOn) {

    /** The commands that may apply to a server of which these facts are known, in the kb's order. */
    public static List<CommandView> of(Article article, List<Command> commands, Map<String, String> known) {
        return commands.stream().filter(c -> c.mayApply(known)).map(c -> new CommandView(c.run(), c.gui(),
                c.expect(), c.conditional(known) ? c.onlyOn(id -> article.fact(id).orElse(null)) : null)).toList();
    }

    /** Just the command lines of {@link #of}, for the {@code commands} fields clients already read. */
    public static List<String> lines(List<CommandView> views) {
        return views.stream().map(CommandView::command).filter(java.util.Objects::nonNull).toList();
    }
}
