package io.kbguide.engine;

/**
 * What names the situation in the one-line verdict that opens every answer ("Exposed to the leak"), read from
 * flow.yaml's {@code headlines}: the first whose {@code when} holds for a diagnosis's findings and known facts.
 *
 * @param id   the headline's id in flow.yaml
 * @param when a condition on facts and findings (an unknown fact matches no value; a finding may be
 *             {@code undetermined})
 * @param text the words, short, without a full stop
 * @param line the line of its text in flow.yaml, for messages
 */
public record Headline(String id, Condition when, String text, int line) {
}
