package io.kbguide.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A conjunction: each named input (a fact or an earlier decision) must take one of the listed values.
 * An input not named accepts anything.
 */
public record Condition(Map<String, Set<String>> accepts) {

    public Condition {
        accepts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accepts));
    }

    /** Whether the values given by {@code valueOf} satisfy this condition. */
    public boolean matches(Function<String, String> valueOf) {
        for (Map.Entry<String, Set<String>> e : accepts.entrySet()) {
            if (!e.getValue().contains(valueOf.apply(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
