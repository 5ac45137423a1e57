package io.kbguide.answers;

import io.kbguide.engine.Explanation;

import java.util.List;

/** What the article says to a question a person asked, in its own words: never generated, never paraphrased. */
public sealed interface KbAnswer {

    /** The kinds of answer, as the API and the metrics name them. */
    List<String> KINDS = List.of(Quoted.KIND, Purpose.KIND, NotSaid.KIND);

    /** The question, as the person wrote it. */
    String question();

    /** What kind of answer it is: {@code quoted}, {@code purpose} or {@code not-said}. */
    String kind();

    /**
     * Passages of one section that answer the question, quoted word for word, in article order.
     *
     * @param anchor       the section's anchor, for the link
     * @param sectionTitle the section's heading as the kb writes it
     */
    record Quoted(String question, String anchor, String sectionTitle, List<String> quotes) implements KbAnswer {

        static final String KIND = "quoted";

        public Quoted {
            quotes = List.copyOf(quotes);
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /**
     * Why a question of the guided check is asked: the purpose the kb writes for it, with its citations.
     *
     * @param factId   the fact the question is about
     * @param asked    the question itself
     */
    record Purpose(String question, String factId, String asked, Explanation purpose) implements KbAnswer {

        static final String KIND = "purpose";

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** No passage answers the question well enough: the article does not say. */
    record NotSaid(String question) implements KbAnswer {

        static final String KIND = "not-said";

        @Override
        public String kind() {
            return KIND;
        }
    }
}
