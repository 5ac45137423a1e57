package io.kbguide.engine;

import java.util.Map;
import java.util.function.Function;

/**
 * One thing to do on the server to find out a fact or carry out a step: a command to run ({@code run}) or, where
 * no command ships with that Windows, what to click ({@code gui}); what its output should look like
 * ({@code expect}, or null); and on which servers it applies ({@code when}, a condition on facts; empty: all).
 */
public record Command(String run, String gui, String expect, Condition when) {

    /**
     * Whether the command may apply to a server of which these facts are known (fact id to its value, as the
     * rules see it; a fact not in the map is unknown): no known fact rules it out.
     */
    public boolean mayApply(Map<String, String> known) {
        for (Map.Entry<String, java.util.Set<String>> e : when.accepts().entrySet()) {
            String value = known.get(e.getKey());
            if (value != null && !e.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the known facts leave it open where the command applies (its condition names an unknown fact). */
    public boolean conditional(Map<String, String> known) {
        return when.accepts().keySet().stream().anyMatch(f -> !known.containsKey(f));
    }

    /** "On Windows Server 2003 or Windows Server 2003 R2", from the labels of the values it applies to. */
    public String onlyOn(Function<String, Fact> facts) {
        StringBuilder text = new StringBuilder();
        when.accepts().forEach((factId, values) -> {
            Fact fact = facts.apply(factId);
            text.append(text.length() == 0 ? "On " : "; with ").append(String.join(" or ", values.stream()
                    .map(v -> fact == null ? v : fact.labelOf(v)).toList()));
        });
        return text.toString();
    }
}
