package io.kbguide.text;

import java.util.List;
import java.util.Optional;

/**
 * What one message says about the article's facts. A fact appears in at most one of the three lists.
 *
 * @param understood facts read with a single value, in the order they were first found
 * @param conflicts  facts given two or more different values
 * @param rejections facts mentioned in a way that cannot be used, with the reason
 */
public record Extraction(List<Understood> understood, List<Conflict> conflicts, List<Rejection> rejections) {

    /** Nothing understood. */
    public static final Extraction EMPTY = new Extraction(List.of(), List.of(), List.of());

    public Extraction {
        understood = List.copyOf(understood);
        conflicts = List.copyOf(conflicts);
        rejections = List.copyOf(rejections);
    }

    /** The value read for a fact, if exactly one was. */
    public Optional<String> valueOf(String factId) {
        return understood.stream().filter(u -> u.factId().equals(factId)).map(Understood::value).findFirst();
    }

    /** True when the message says nothing usable or unusable about any fact. */
    public boolean isEmpty() {
        return understood.isEmpty() && conflicts.isEmpty() && rejections.isEmpty();
    }
}
