package io.kbguide.dialogue;

/** Why an input was refused. The conversation is unchanged: the person continues from the step they saw. */
public enum Refusal {
    /** The article asked for does not exist. */
    UNKNOWN_ARTICLE,
    /** The article has no language file, so it cannot read typed or pasted text. */
    TEXT_NOT_SUPPORTED,
    /** The conversation id is forged, truncated or corrupted. */
    INVALID_ID,
    /** The conversation was about an article the service no longer has. */
    ARTICLE_GONE,
    /** The answer names a fact the article does not have. */
    UNKNOWN_FACT,
    /** The value is not one of the fact's answers. */
    INVALID_VALUE,
    /** The answer cannot be true together with the other answers. */
    CONTRADICTORY_ANSWER,
    /** Back at the first question: there is nothing to go back to. */
    NOTHING_TO_UNDO
}
