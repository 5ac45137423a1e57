package io.kbguide.engine;

import java.util.List;

/**
 * A statement about the advice that the verifier proves over every combination of answers, each fact known or
 * unknown, before the article is used. Read from flow.yaml's {@code proofs}.
 *
 * @param when         a condition on facts and findings (an unknown fact matches no value; a finding may be
 *                     {@code undetermined})
 * @param complete     whether the proof holds only where nothing is left to find out
 * @param step         for a proof about one step: wherever it is advised, {@code when} holds or one of
 *                     {@code orWithSteps} is advised with it; null for a proof about a situation
 * @param orWithSteps  steps whose presence also justifies {@code step}
 * @param requireOneOf for a proof about a situation: wherever {@code when} holds, one of these steps is advised
 * @param line         the line of the proof's id in flow.yaml, for messages
 */
public record Proof(String id, Condition when, boolean complete, String step, List<String> orWithSteps,
        List<String> requireOneOf, int line) {

    public Proof {
        orWithSteps = List.copyOf(orWithSteps);
        requireOneOf = List.copyOf(requireOneOf);
    }
}
