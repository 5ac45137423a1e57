package io.kbguide.dialogue;

import io.kbguide.engine.Answer;
import io.kbguide.engine.Article;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.engine.GuidedFlow;

import java.util.List;

/** Where a conversation stands after an input: a step to show, or why the input was refused. */
public sealed interface Outcome {

    /**
     * What every step has.
     *
     * @param conversationId the signed id to continue with (it changes at every step)
     * @param state          the state the id carries
     * @param position       the answers on the question path, and the diagnosis they give so far
     * @param early          answers given before their question came (or, on a diagnosis, not needed by it)
     * @param notice         what to tell about the conversation itself (carried over to a new article version), or
     *                       null
     * @param reading        what a text input gave ({@link Reading#NONE} otherwise)
     */
    record Turn(KnowledgeBaseEntry entry, String conversationId, ConversationCodec.State state,
            GuidedFlow.Position position, List<Answer> early, Notice notice, Reading reading) {

        public Turn {
            early = List.copyOf(early);
        }

        public CompiledArticle article() {
            return entry.article();
        }

        /** The answers that apply, in the order they were asked. */
        public List<Answer> answers() {
            return position.path();
        }
    }

    /** What to show the person next: a question, a read-back or the diagnosis. */
    sealed interface Reply extends Outcome {
        Turn turn();
    }

    /**
     * A question: the next one on the path, or a fact to confirm (typed text gave it two values, contradicted an
     * earlier answer, or gave a value that does not fit the others).
     *
     * @param confirming      the values to choose between when confirming; null for a plain question
     * @param hints           why the question is asked again, for the channel to put in words
     * @param remainingAtMost the most questions that can still come, this one included
     */
    record Ask(Turn turn, Fact fact, List<String> confirming, List<Reading.Hint> hints, int remainingAtMost)
            implements Reply {

        public Ask {
            confirming = confirming == null ? null : List.copyOf(confirming);
            hints = List.copyOf(hints);
        }

        public boolean isConfirmation() {
            return confirming != null;
        }
    }

    /**
     * The diagnosis is ready, but facts it rests on were read from typed words: confirm them, or change them.
     *
     * @param facts the facts to read back, in path order; the words each came from are in the state's typed map
     */
    record ReadBack(Turn turn, List<String> facts) implements Reply {

        public ReadBack {
            facts = List.copyOf(facts);
        }
    }

    /** The diagnosis (complete, or with what to find out when an answer was "I don't know"). */
    record Diagnose(Turn turn) implements Reply {
    }

    /**
     * A first message that named no article matches several about as well: which one is it about? The person
     * starts again with the article chosen (and the same message).
     *
     * @param articles the articles, best first
     * @param text     the first message, to start the chosen article's conversation with
     */
    record ChooseArticle(List<Article> articles, String text) implements Outcome {

        public ChooseArticle {
            articles = List.copyOf(articles);
        }
    }

    /** A first message that named no article matches none: the kb has no article about it. */
    record NoArticle(String text) implements Outcome {
    }

    /**
     * The input was refused; the conversation is unchanged.
     *
     * @param articleId the article concerned, when known
     * @param factId    the fact concerned, when there is one
     * @param value     the value or id refused, when there is one
     * @param detail    the engine's or codec's own account (of a contradiction, of an id's defect), or null
     * @param cause     for a contradiction: the engine's account of the first contradicting answer; else null
     * @param allowed   what would have been accepted (fact ids, values, article ids), comma-separated, or null
     */
    record Refused(Refusal reason, String articleId, String factId, String value, String detail, String cause,
            String allowed) implements Outcome {

        static Refused of(Refusal reason, String articleId) {
            return new Refused(reason, articleId, null, null, null, null, null);
        }
    }
}
