package io.kbguide.kb;

import java.util.List;

/** A request named an article the kb does not have (a 404 at the HTTP edge). */
public class UnknownArticleException extends RuntimeException {

    private final String articleId;
    private final List<String> known;

    public UnknownArticleException(String articleId, List<String> known) {
        super("There is no article '" + articleId + "'. Articles: " + String.join(", ", known) + ".");
        this.articleId = articleId;
        this.known = List.copyOf(known);
    }

    public String articleId() {
        return articleId;
    }

    /** The ids of the articles there are. */
    public List<String> known() {
        return known;
    }
}
