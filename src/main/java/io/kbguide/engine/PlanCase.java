package io.kbguide.engine;

import java.util.List;
import java.util.Map;

/**
 * What one answer (or combination of answers) to the facts still missing would lead to.
 *
 * @param when        fact id to value (a choice value, or a version band id), in asking order
 * @param remediation the step ids advised in that case, in order
 */
public record PlanCase(Map<String, String> when, List<String> remediation) {

    public PlanCase {
        when = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(when));
        remediation = List.copyOf(remediation);
    }
}
