package io.kbguide.dialogue;

/** What a person does at a step of a conversation, on any channel (a button, a typed message, a command). */
public sealed interface Input {

    /**
     * An answer to the current question, a corrected earlier answer, or an early answer to a later question.
     *
     * @param value one of the fact's values, a version for a version question, or {@code unknown}
     */
    record Answer(String factId, String value) implements Input {
    }

    /** "I don't know" to a fact's question. */
    record DontKnow(String factId) implements Input {
    }

    /** A typed or pasted message, read against every fact of the article. */
    record Text(String text) implements Input {
    }

    /** Go back one question, forgetting its answer; or leave a pending confirmation. */
    record Back() implements Input {
    }

    /** Forget every answer and start from the first question, on the same article. */
    record Restart() implements Input {
    }

    /** The facts a read-back shows are right: give the diagnosis. */
    record Confirm() implements Input {
    }
}
