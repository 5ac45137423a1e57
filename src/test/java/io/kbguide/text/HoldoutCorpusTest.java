package io.kbguide.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * corpus: the first held-out set, and the adversarial set (negation, attribution, tense, possession, hedges, two
 * servers, answers to another question, pasted output of the wrong key), written by someone who never saw the
 * reader. Per fact: a value read as expected is a true positive; a value read where another value, a question
 * ({@code ask}) or nothing was expected is a false positive (a misread); an expected value not read is a false
 * negative. A fact in {@code ask} is right when no value is read for it (a conflict, a doubt or nothing: the
 * service asks). A misread of any fact that decides a step fails the suite: a misread may cost a question, never a
 * wrong step.
 */
class HoldoutCorpusTest {

    record Case(String id, String text, String currentFact, Map<String, String> expect, List<String> ask,
            List<String> conflicts, List<String> rejections, String why) {
    }

    record Corpus(List<Case> cases) {
    }

    /** Facts whose misreading can change the steps advised. */
    static final Set<String> CRITICAL = Set.of("architecture", "os", "servicePack", "useNewApi", "threeGb",
            "heartbeatVersion", "leakPatch");

    static TextUnderstanding understanding;

    @BeforeAll
    static void read() {
        understanding = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
    }

    static Corpus corpus(String name) throws IOException {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = HoldoutCorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            return yaml.readValue(in, Corpus.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heartbeat-registry-driver-holdout.yaml", "heartbeat-registry-driver-adversarial.yaml"})
    void shouldNeverMisreadAHeldOutMessage(String name) throws IOException {
        Corpus corpus = corpus(name);
        Scores scores = new Scores(understanding.article().facts().stream().map(f -> f.id()).toList());
        List<String> misreads = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Case c : corpus.cases()) {
            Extraction x = understanding.extract(c.text(), c.currentFact());
            Map<String, String> expected = c.expect() == null ? Map.of() : c.expect();
            List<String> ask = c.ask() == null ? List.of() : c.ask();
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
            for (String f : ask) {
                if (!read.containsKey(f)) {
                    scores.truePositive(f);
                }
            }
            for (var r : read.entrySet()) {
                if (!r.getValue().equals(expected.get(r.getKey()))) {
                    scores.falsePositive(r.getKey());
                    String misread = c.id() + ": read " + r.getKey() + "=" + r.getValue() + " (evidence \""
                            + x.understood().stream().filter(u -> u.factId().equals(r.getKey())).findFirst()
                                    .map(Understood::evidence).orElse("") + "\"), expected "
                            + (ask.contains(r.getKey()) ? "a question" : expected.get(r.getKey()))
                            + (c.why() == null ? "" : " [" + c.why() + "]");
                    if (CRITICAL.contains(r.getKey())) {
                        misreads.add(misread);
                    }
                }
            }
            for (String f : c.conflicts() == null ? List.<String>of() : c.conflicts()) {
                if (x.conflicts().stream().noneMatch(k -> k.factId().equals(f))) {
                    misses.add(c.id() + ": conflict on " + f + " not reported");
                }
            }
            for (String f : c.rejections() == null ? List.<String>of() : c.rejections()) {
                if (x.rejections().stream().anyMatch(k -> k.factId().equals(f))) {
                    scores.truePositive(f);
                } else if (!read.containsKey(f)) {
                    scores.falseNegative(f);
                    misses.add(c.id() + ": rejection of " + f + " not reported");
                }
            }
        }
        System.out.print(scores.table(name + ", " + corpus.cases().size() + " messages"));
        misses.forEach(m -> System.out.println("  miss: " + m));
        misreads.forEach(m -> System.out.println("  MISREAD: " + m));
        assertTrue(misreads.isEmpty(), misreads.size() + " misreads:\n" + String.join("\n", misreads));
    }
}
