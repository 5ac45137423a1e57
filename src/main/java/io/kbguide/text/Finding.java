package io.kbguide.text;

/**
 * One reading before merging: a value for a fact ({@code reason == null}) or a rejection ({@code value == null}).
 */
record Finding(String factId, String value, String evidence, String reason) {

    static Finding value(String factId, String value, String evidence) {
        return new Finding(factId, value, evidence, null);
    }

    static Finding rejection(String factId, String evidence, String reason) {
        return new Finding(factId, null, evidence, reason);
    }

    boolean isRejection() {
        return reason != null;
    }
}
