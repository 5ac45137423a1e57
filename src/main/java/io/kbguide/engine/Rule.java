package io.kbguide.engine;

import java.util.List;

/**
 * One row of a decision table.
 *
 * @param value the finding value or the note text (findings and notes)
 * @param plan the steps (plans)
 * @param line where the rule stands in its file, for messages (0 when not known)
 */
public record Rule(String id, Condition when, String value, List<PlanItem> plan, Explanation explanation,
        int line) {

    public Rule {
        plan = List.copyOf(plan);
    }
}
