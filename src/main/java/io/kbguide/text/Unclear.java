package io.kbguide.text;

import java.util.Objects;

/**
 * A fact the message talks about without the reader being sure of its value. It is not understood: it is asked.
 *
 * @param factId   the fact's id
 * @param value    the value the words would give if they were sure, or null
 * @param evidence the words that decided the doubt, including the hedge, change or attribution
 * @param doubt    why the reader is not sure
 * @param message  the doubt in words for the user, from the article's language.yaml
 */
public record Unclear(String factId, String value, String evidence, Doubt doubt, String message) {

    public Unclear {
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(doubt, "doubt");
        Objects.requireNonNull(message, "message");
    }
}
