package io.kbguide.diagnosis;

import java.util.Arrays;
import java.util.Optional;

/**
 * A way of writing a diagnosis as the body of a response (JSON here, Markdown and plain text in the renderer), able to
 * leave out the facts the diagnosis is for, so that {@link AnswerTable} can keep each distinct answer once and splice
 * the facts of each request in.
 */
public interface DiagnosisFormat {

    /** What it is called in a log line: "JSON", "Markdown". */
    String name();

    /** The whole answer. */
    byte[] write(DiagnosisView diagnosis);

    /**
     * The answer cut where its list of facts goes, the list left out: empty when this diagnosis cannot be cut so (it
     * has no facts, or text was sent).
     */
    Optional<Around> around(DiagnosisView diagnosis);

    /** One fact as the list of facts shows it. */
    byte[] fact(DiagnosisView.FactUsed fact);

    /** What goes between two facts of the list. */
    byte[] between();

    /** What comes before the list of facts and after it; equal when the bytes are. */
    record Around(byte[] before, byte[] after) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Around a && Arrays.equals(before, a.before) && Arrays.equals(after, a.after);
        }

        /**
         * From the lengths and the last bytes before the facts only: hashing every byte of each answer made filling a
         * table spend a quarter of its time here, and equal answers still have equal hashes.
         */
        @Override
        public int hashCode() {
            int hash = 31 * before.length + after.length;
            for (int i = Math.max(0, before.length - 64); i < before.length; i++) {
                hash = 31 * hash + before[i];
            }
            return hash;
        }

        @Override
        public String toString() {
            return "Around[" + before.length + " + " + after.length + " bytes]";
        }
    }
}
