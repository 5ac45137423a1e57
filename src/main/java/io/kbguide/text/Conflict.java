package io.kbguide.text;

import java.util.List;
import java.util.Objects;

/**
 * A fact the message gives two or more different values for (for example "SP1 ... SP2"). Nothing is guessed:
 * the fact does not appear among the {@link Extraction#understood() understood} facts.
 *
 * @param factId     the fact's id
 * @param candidates one entry per distinct value, in the order they occur in the message
 */
public record Conflict(String factId, List<Understood> candidates) {

    public Conflict {
        Objects.requireNonNull(factId, "factId");
        candidates = List.copyOf(candidates);
    }
}
