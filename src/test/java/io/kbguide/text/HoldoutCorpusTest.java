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
        Scores scores = new Scores(understanding.article().facts().stream().map(f -> f.id()).toList());
        List<String> critical = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Case c : corpus.cases()) {
            Extraction x = understanding.extract(c.text(), c.currentFact());
            Map<String, String> expected = c.expect() == null ? Map.of() : c.expect();
            Map<String, String> read = new LinkedHashMap<>();
            x.understood().forEach(u -> read.put(u.factId(), u.value()));
            for (var e : expected.entrySet()) {
                if (e.getValue().equals(read.get(e.getKey()))) {
                    scores.truePositive(e.getKey());
                } else {
                    scores.falseNegative(e.getKey());
                    misses.add(c.id() + ": " + e.getKey() + " expected " + e.getValue() + ", read "
                            + read.get(e.getKey()));
                }
            }
            for (var r : read.entrySet()) {
                if (!r.getValue().equals(expected.get(r.getKey()))) {
                    scores.falsePositive(r.getKey());
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
        double precision = scores.precision();
        System.out.print(scores.table("held-out corpus, " + corpus.cases().size() + " messages"));
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(critical.isEmpty(), "servicePack/useNewApi misread: " + critical);
        assertTrue(precision >= 0.9, "precision " + precision + "\n" + String.join("\n", misses));
    }
}
