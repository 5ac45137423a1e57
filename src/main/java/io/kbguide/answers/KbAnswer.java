package io.kbguide.answers;

import io.kbguide.engine.Explanation;

import java.util.List;

/** What the article says to a question a person asked, in its own words: never generated, never paraphrased. */
public sealed interface KbAnswer {

    /** The question, as the person wrote it. */
    String question();

    /**
     * Passages of one section that answer the question, quoted word for word, in article order.
     *
     * @param anchor       the section's anchor, for the link
     * @param sectionTitle the section's heading as the kb writes it
     */
    record Quoted(String question, String anchor, String sectionTitle, List<String> quotes) implements KbAnswer {

        public Quoted {
            quotes = List.copyOf(quotes);
        }
    }

    /**
     * Why a question of the guided check is asked: the purpose the kb writes for it, with its citations.
     *
     * @param factId   the fact the question is about
     * @param asked    the question itself
     */
    record Purpose(String question, String factId, String asked, Explanation purpose) implements KbAnswer {
    }

    /** No passage answers the question well enough: the article does not say. */
    record NotSaid(String question) implements KbAnswer {
    }
}
