package io.kbguide.text;

import java.util.Objects;

/**
 * One fact read from a message.
 *
 * @param factId   the fact's id in flow.yaml
 * @param value    the answer exactly as the API takes it: a choice value, or for a version fact the normalised
 *                 version string (such as {@code 5.0.3})
 * @param evidence the words that decided the value, with any negation or attribution in them ("didn't remove
 *                 /3GB"), or the line of pasted output it was read from
 * @param source   typed words or recognised command output
 */
public record Understood(String factId, String value, String evidence, Origin source) {

    public Understood {
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(source, "source");
    }
}
