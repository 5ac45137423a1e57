package io.kbguide.kb;

/** Text was sent for an article that has no language.yaml, so it cannot read typed or pasted text (a 400). */
public class TextNotSupportedException extends RuntimeException {

    private final String articleId;

    public TextNotSupportedException(String articleId) {
        super("Article '" + articleId + "' has no language file, so it cannot read typed or pasted text; send the"
                + " facts (factId and value) instead.");
        this.articleId = articleId;
    }

    public String articleId() {
        return articleId;
    }
}
