package io.kbguide.engine;

import java.util.List;
import java.util.Map;

/**
 * A decision table. Findings and plans have exactly one matching rule for every combination of facts; notes
 * collect every matching rule.
 *
 * @param values for findings: each value and the sentence that states it
 */
public record Decision(String id, Kind kind, String label, Map<String, String> values, List<Rule> rules) {

    /** The value of a finding that depends on facts not known. */
    public static final String UNDETERMINED = "undetermined";

    /** The kinds of table. */
    public enum Kind {
        FINDING, PLAN, NOTES
    }

    public Decision {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        rules = List.copyOf(rules);
    }
}
