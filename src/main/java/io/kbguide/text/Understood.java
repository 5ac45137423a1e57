package io.kbguide.text;

import java.util.Objects;

/**
 * One fact read from a message.
 *
 * @param factId   the fact's id in flow.yaml
 * @param value    the answer exactly as the API takes it: a choice value, or for a version fact the normalised
 *                 version string (such as {@code 5.0.3})
 * @param evidence the words, or the line of pasted output, the value was read from
 */
public record Understood(String factId, String value, String evidence) {

    public Understood {
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(evidence, "evidence");
    }
}
