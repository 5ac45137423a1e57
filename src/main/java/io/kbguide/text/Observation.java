package io.kbguide.text;

/**
 * One observation of a fact in a message, before merging: a value for a fact, a rejection ({@code reason} set, no
 * value), or a doubt ({@code doubt} set, with or without the value the words would give). (Named apart from the
 * engine's {@code Finding}, which is a conclusion of the article.)
 */
record Observation(String factId, String value, String evidence, String reason, Origin source, Doubt doubt) {

    /** A value read from typed words. */
    static Observation value(String factId, String value, String evidence) {
        return new Observation(factId, value, evidence, null, Origin.TYPED, null);
    }

    /** A value read from a line of recognised command output. */
    static Observation pasted(String factId, String value, String evidence) {
        return new Observation(factId, value, evidence, null, Origin.PASTED, null);
    }

    /** The same observation, from the evidence collector's output. */
    Observation collected() {
        return isValue() ? new Observation(factId, value, evidence, null, Origin.COLLECTED, null) : this;
    }

    static Observation rejection(String factId, String evidence, String reason) {
        return new Observation(factId, null, evidence, reason, Origin.TYPED, null);
    }

    static Observation doubt(String factId, String value, String evidence, Doubt doubt) {
        return new Observation(factId, value, evidence, null, Origin.TYPED, doubt);
    }

    boolean isRejection() {
        return reason != null;
    }

    boolean isDoubt() {
        return doubt != null;
    }

    boolean isValue() {
        return reason == null && doubt == null;
    }
}
