package io.kbguide.text;

/**
 * Why the reader is not sure of a fact a message talks about. A doubt is never resolved by picking: the fact is
 * reported as {@link Unclear} and asked. The words for people live in the article's language.yaml
 * ({@code doubts}), keyed by {@link #id()}.
 */
public enum Doubt {
    /** Hedged: "probably SP2", "I think it's x86". */
    HEDGED(false),
    /** Not attributed to what the fact is about: "SP2" with no Windows named, a bare version at another question. */
    UNATTRIBUTED(false),
    /** Having is not installing: "support sent us the patch". */
    POSSESSION(false),
    /** The output is of another registry key or value than the one the fact is about. */
    OTHER_KEY(false),
    /** The value was changed: "was 0 but I changed it to 1". */
    CHANGED(true),
    /** Changed, but the server has not restarted since: the running driver still uses the old value. */
    PENDING_RESTART(true),
    /** Several servers or nodes are described, not one. */
    SEVERAL_SERVERS(true);

    private final boolean strong;

    Doubt(boolean strong) {
        this.strong = strong;
    }

    /**
     * Whether this doubt outweighs a plain reading of the same fact elsewhere in the message (a strong doubt
     * makes the whole fact unclear; a weak one only stands when nothing plain was read).
     */
    public boolean strong() {
        return strong;
    }

    /** The key in language.yaml and in the API: {@code hedged}, {@code pending-restart}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
