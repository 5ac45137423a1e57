package io.kbguide.engine;

import java.util.List;
import java.util.Map;

/**
 * An unknown fact whose answer could still change a finding or a step.
 *
 * @param fact   the fact
 * @param onlyIf where it matters only for some answers of other unknown facts: fact id to those values (a choice,
 *               or a version band id), in asking order; each holds wherever the fact matters ("the leak patch, only
 *               if the version is 5.0.3"). Empty when it matters whatever the other unknown facts are.
 */
public record MissingFact(Fact fact, Map<String, List<String>> onlyIf) {

    public MissingFact {
        onlyIf = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(onlyIf));
    }
}
