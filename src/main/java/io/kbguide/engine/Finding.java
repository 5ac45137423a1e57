package io.kbguide.engine;

/**
 * One finding of a diagnosis: its value and why, with the article text it rests on.
 *
 * @param value one of the decision's values, or {@link Decision#UNDETERMINED}
 * @param sentence the sentence that states the value, for people
 */
public record Finding(String value, String sentence, Explanation because) {
}
