package io.kbguide.text;

/**
 * One reading before merging: a value for a fact, a rejection ({@code reason} set, no value), or a doubt
 * ({@code doubt} set, with or without the value the words would give).
 */
record Finding(String factId, String value, String evidence, String reason, Source source, Doubt doubt) {

    /** A value read from typed words. */
    static Finding value(String factId, String value, String evidence) {
        return new Finding(factId, value, evidence, null, Source.TYPED, null);
    }

    /** A value read from a line of recognised command output. */
    static Finding pasted(String factId, String value, String evidence) {
        return new Finding(factId, value, evidence, null, Source.PASTED, null);
    }

    static Finding rejection(String factId, String evidence, String reason) {
        return new Finding(factId, null, evidence, reason, Source.TYPED, null);
    }

    static Finding doubt(String factId, String value, String evidence, Doubt doubt) {
        return new Finding(factId, value, evidence, null, Source.TYPED, doubt);
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
