package io.kbguide.answers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How rare each word is among a set of documents (an article's sentences and titles, or a kb's), and from that how
 * much of a question a passage or an article holds: the question's words it has, each weighed by its rarity, over
 * all of them. One measure for answering from an article and for finding an article.
 */
final class Rarity {

    /**
     * The weight of a word the documents never use: a number or version they do not name weighs as the rarest word
     * (the question is about something else); any other, such as a word of everyday English they happen not to use,
     * weighs as a word of middling rarity.
     */
    static final double UNKNOWN_WORD = 1.5;

    private final Map<String, Integer> frequency = new HashMap<>();
    private int documents;

    /** Counts one document with these terms. */
    void add(Set<String> terms) {
        documents++;
        terms.forEach(t -> frequency.merge(t, 1, Integer::sum));
    }

    /** Whether some document uses the word. */
    boolean known(String term) {
        return frequency.containsKey(term);
    }

    /** A number, a version or a year: a word that names one thing exactly ("6", "6.2", "2008", "x64"). */
    static boolean specific(String term) {
        return term.chars().anyMatch(Character::isDigit);
    }

    /** The word's inverse document frequency, as BM25 has it. */
    double idf(String term) {
        int df = frequency.getOrDefault(term, 0);
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /** What the word weighs in a question: its rarity, or {@link #UNKNOWN_WORD} for an unused everyday word. */
    double weight(String term) {
        return !known(term) && !specific(term) ? UNKNOWN_WORD : idf(term);
    }

    /** The share of the question's words, each by its weight, that {@code held} says a passage has. */
    double coverage(Set<String> terms, Predicate<String> held) {
        double all = 0;
        double had = 0;
        for (String t : terms) {
            double w = weight(t);
            all += w;
            if (held.test(t)) {
                had += w;
            }
        }
        return all == 0 ? 0 : had / all;
    }
}
