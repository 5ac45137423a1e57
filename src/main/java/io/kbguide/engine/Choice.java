package io.kbguide.engine;

/**
 * One possible value of a fact.
 *
 * @param value the value's id, as clients send it
 * @param label what a person reads
 */
public record Choice(String value, String label) {
}
