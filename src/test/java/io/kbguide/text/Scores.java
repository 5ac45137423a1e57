package io.kbguide.text;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-fact true positives, false positives and false negatives of a corpus run, with precision and recall. */
final class Scores {

    private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn

    /** Lists the facts in this order in the table (facts first counted later follow). */
    Scores(Iterable<String> factIds) {
        factIds.forEach(f -> counts.put(f, new int[3]));
    }

    void truePositive(String factId) {
        count(factId)[0]++;
    }

    void falsePositive(String factId) {
        count(factId)[1]++;
    }

    void falseNegative(String factId) {
        count(factId)[2]++;
    }

    double precision() {
        int[] t = total();
        return ratio(t[0], t[0] + t[1]);
    }

    double recall() {
        int[] t = total();
        return ratio(t[0], t[0] + t[2]);
    }

    /** The table: a line per fact and an overall line. */
    String table(String title) {
        StringBuilder table = new StringBuilder(String.format("%n%s%n%-18s %5s %5s %5s %9s %9s%n", title, "fact",
                "tp", "fp", "fn", "precision", "recall"));
        counts.forEach((fact, n) -> row(table, fact, n));
        row(table, "overall", total());
        return table.toString();
    }

    private static void row(StringBuilder table, String name, int[] n) {
        table.append(String.format("%-18s %5d %5d %5d %9.3f %9.3f%n", name, n[0], n[1], n[2],
                ratio(n[0], n[0] + n[1]), ratio(n[0], n[0] + n[2])));
    }

    private int[] count(String factId) {
        return counts.computeIfAbsent(factId, k -> new int[3]);
    }

    private int[] total() {
        int[] t = new int[3];
        counts.values().forEach(n -> {
            t[0] += n[0];
            t[1] += n[1];
            t[2] += n[2];
        });
        return t;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
