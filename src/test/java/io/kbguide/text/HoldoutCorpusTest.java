package io.kbguide.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the text understanding on held-out messages written apart from the extractor and its development
 * corpus. A misread of servicePack or useNewApi (a wrong value, or a value where none was said) fails the suite;
 * for the other facts the numbers are reported, and precision must stay at or above 0.9 because a wrong reading
 * is worse than none.
 */
class HoldoutCorpusTest {

    record Case(String id, String text, String currentFact, Map<String, String> expect, List<String> conflicts,
            List<String> rejections) {
    }

    record Corpus(List<Case> cases) {
    }

    static final Set<String> CRITICAL = Set.of("servicePack", "useNewApi");

    @Test
    void shouldReadHeldOutMessagesWithoutMisreadingServicePackOrUseNewApi() throws IOException {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Corpus corpus;
        try (InputStream in = getClass().getResourceAsStream("/corpus/heartbeat-registry-driver-holdout.yaml")) {
            corpus = yaml.readValue(in, Corpus.class);
        }
        TextUnderstanding understanding = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        List<String> critical = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Case c : corpus.cases()) {
            Extraction x = understanding.extract(c.text(), c.currentFact());
            Map<String, String> expected = c.expect() == null ? Map.of() : c.expect();
            Map<String, String> read = new LinkedHashMap<>();
            x.understood().forEach(u -> read.put(u.factId(), u.value()));
            for (var e : expected.entrySet()) {
                int[] n = counts.computeIfAbsent(e.getKey(), k -> new int[3]);
                if (e.getValue().equals(read.get(e.getKey()))) {
                    n[0]++;
                } else {
                    n[2]++;
                    misses.add(c.id() + ": " + e.getKey() + " expected " + e.getValue() + ", read "
                            + read.get(e.getKey()));
                }
            }
            for (var r : read.entrySet()) {
                if (!r.getValue().equals(expected.get(r.getKey()))) {
                    counts.computeIfAbsent(r.getKey(), k -> new int[3])[1]++;
                    String misread = c.id() + ": read " + r.getKey() + "=" + r.getValue() + " (evidence \""
                            + x.understood().stream().filter(u -> u.factId().equals(r.getKey())).findFirst()
                                    .map(Understood::evidence).orElse("") + "\")";
                    misses.add(misread);
                    if (CRITICAL.contains(r.getKey())) {
                        critical.add(misread);
                    }
                }
            }
            for (String f : c.conflicts() == null ? List.<String>of() : c.conflicts()) {
                if (x.conflicts().stream().noneMatch(k -> k.factId().equals(f))) {
                    misses.add(c.id() + ": conflict on " + f + " not reported");
                }
            }
            for (String f : c.rejections() == null ? List.<String>of() : c.rejections()) {
                if (x.rejections().stream().noneMatch(k -> k.factId().equals(f))) {
                    misses.add(c.id() + ": rejection of " + f + " not reported");
                    if (CRITICAL.contains(f)) {
                        critical.add(c.id() + ": " + f + " not rejected");
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format("held-out corpus, %d messages%n%-18s %4s %4s %4s %9s %7s%n",
                corpus.cases().size(), "fact", "tp", "fp", "fn", "precision", "recall"));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var e : counts.entrySet()) {
            int[] n = e.getValue();
            tp += n[0];
            fp += n[1];
            fn += n[2];
            table.append(String.format("%-18s %4d %4d %4d %9.3f %7.3f%n", e.getKey(), n[0], n[1], n[2],
                    ratio(n[0], n[0] + n[1]), ratio(n[0], n[0] + n[2])));
        }
        double precision = ratio(tp, tp + fp);
        table.append(String.format("%-18s %4d %4d %4d %9.3f %7.3f%n", "overall", tp, fp, fn, precision,
                ratio(tp, tp + fn)));
        System.out.print(table);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(critical.isEmpty(), "servicePack/useNewApi misread: " + critical);
        assertTrue(precision >= 0.9, "precision " + precision + "\n" + String.join("\n", misses));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
