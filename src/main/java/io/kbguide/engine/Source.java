package io.kbguide.engine;

/** Where a statement comes from: the article itself, or an inference beyond it. */
public enum Source {
    ARTICLE, INFERENCE;

    /** The name used in kb files and in the API. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
