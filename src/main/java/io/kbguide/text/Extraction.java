package io.kbguide.text;

import java.util.List;
import java.util.Optional;

/**
 * What one message says about the article's facts. A fact appears in at most one of the four lists.
 *
 * @param understood facts read with a single value, in the order they were first found
 * @param conflicts  facts given two or more different values
 * @param rejections facts mentioned in a way that cannot be used, with the reason
 * @param unclear    facts mentioned without the reader being sure of the value (hedged, not attributed to what
 *                   the fact is about, changed, several servers): asked, never picked
 * @param ignored    parts of the message not used, and why (a heading, quoted older mail, the article's own
 *                   words, a sentence in a language without a pack...), so that nothing is dropped silently
 */
public record Extraction(List<Understood> understood, List<Conflict> conflicts, List<Rejection> rejections,
        List<Unclear> unclear, List<Ignored> ignored) {

    /** Nothing understood. */
    public static final Extraction EMPTY = new Extraction(List.of(), List.of(), List.of(), List.of());

    public Extraction {
        understood = List.copyOf(understood);
        conflicts = List.copyOf(conflicts);
        rejections = List.copyOf(rejections);
        unclear = List.copyOf(unclear);
        ignored = List.copyOf(ignored);
    }

    public Extraction(List<Understood> understood, List<Conflict> conflicts, List<Rejection> rejections,
            List<Unclear> unclear) {
        this(understood, conflicts, rejections, unclear, List.of());
    }

    /** The value read for a fact, if exactly one was. */
    public Optional<String> valueOf(String factId) {
        return understood.stream().filter(u -> u.factId().equals(factId)).map(Understood::value).findFirst();
    }

    /** True when the message says nothing usable or unusable about any fact. */
    public boolean isEmpty() {
        return understood.isEmpty() && conflicts.isEmpty() && rejections.isEmpty() && unclear.isEmpty();
    }

    /** Whether the message mentions the fact at all (read, in conflict, rejected or unclear). */
    public boolean mentions(String factId) {
        return understood.stream().anyMatch(u -> u.factId().equals(factId))
                || conflicts.stream().anyMatch(c -> c.factId().equals(factId))
                || rejections.stream().anyMatch(r -> r.factId().equals(factId))
                || unclear.stream().anyMatch(u -> u.factId().equals(factId));
    }
}
