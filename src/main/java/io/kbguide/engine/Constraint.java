package io.kbguide.engine;

/** A combination of answers that cannot be true at once. */
public record Constraint(String id, Condition when, String message) {
}
