package io.kbguide.engine;

/** A user's answer to one fact: a value as the API takes it, or {@link Fact#UNKNOWN}. */
public record Answer(String factId, String value) {
}
