package io.kbguide.text;

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
    CORRECTED("corrected");

    private final String id;

    Skip(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
