package io.kbguide.text;

import java.util.List;

/**
 * Why part of a message was not used: said back to the person, so that nothing is dropped silently. The words are
 * the article's language file's ({@code ignored}).
 */
public enum Skip {
    /** A heading names facts, it does not answer them. */
    HEADING("heading"),
    /** An unticked checkbox. */
    UNTICKED("unticked"),
    /** A table with a column per server or node. */
    SERVER_TABLE("server-table"),
    /** A form field with no answer: empty, "n/a", "?", a placeholder. */
    EMPTY_FIELD("empty-field"),
    /** The quoted older text of an e-mail reply. */
    QUOTED_HISTORY("quoted-history"),
    /** The article's own words. */
    ARTICLE_QUOTE("article-quote"),
    /** A sentence in a language the reader has no pack for. */
    FOREIGN("foreign"),
    /** Words of a language pack's sentence that the pack does not know: the clauses they are in are not read. */
    UNKNOWN_WORDS("unknown-words"),
    /** A statement the message corrects later ("SP1, sorry, I meant SP2"). */
    CORRECTED("corrected"),
    /**
     * A first message's description of the problem, where the article takes answers from its buttons only (it has
     * no language file): it found the article, and its questions are answered, but it is not read for answers.
     */
    NOT_READ("not-read");

    private final String id;

    Skip(String id) {
        this.id = id;
    }

    /** The reasons a language file words: all but {@link #NOT_READ}, which is for articles that have none. */
    public static List<Skip> worded() {
        return java.util.Arrays.stream(values()).filter(s -> s != NOT_READ).toList();
    }

    public String id() {
        return id;
    }
}
