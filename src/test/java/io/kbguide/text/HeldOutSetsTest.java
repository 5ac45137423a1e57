package io.kbguide.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kbguide.engine.Fact;
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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The held-out sets of issue 23, each written blind by someone who saw neither the reader nor its corpora, kept
 * apart from the development corpus ({@code src/test/resources/heldout/}).
 *
 * <p>Set 2: 189 messages written blind by someone who saw neither the reader nor its
 * corpora, over structured answers, German, French and Spanish, tool output with the fact in another field, time
 * and scope, several servers, article quotes, and plain controls. Set 3: 100 messages in German, French and
 * Spanish only, written after the language packs were built, to measure them on words they were not written
 * from (the packs' everyday words were then widened with it). Set 4: 75 more, written blind while set 3 was in
 * use, run once at the end as the final measurement of the packs. Do not tune the reader to its wording: fix the classes it fails by general
 * mechanisms.
 *
 * <p>It reports per fact and per class (true and false positives, misses), asserts that the set itself is sound
 * (every expected value is a value of its fact, every class is there) and that no value is misread with confidence.
 * Recall (at least 0.9 per fact is issue 23's target) is reported, not yet asserted. {@code -Dheldout.show=true}
 * lists each misread and miss (after a first run only: the set is not for tuning).
 */
class HeldOutSetsTest {

    record Case(String id, String cls, String text, String currentFact, Map<String, String> expect,
            List<String> ask, String why) {
    }

    record Corpus(List<Map<String, Object>> cases) {
    }

    /**
     * Confident misreads allowed: none (issue 23). First run 31 (16 of them /3GB); 0 after structure before prose,
     * sentences in languages without a pack, quoted e-mail history, article quotes, the 32-bit registry view,
     * facts in another field of tool output and nodes named in different sentences.
     */
    static final int MISREADS_ALLOWED = 0;

    static TextUnderstanding understanding;

    @BeforeAll
    static void read() {
        understanding = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
    }

    static List<Case> cases(int set) throws IOException {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = HeldOutSetsTest.class.getResourceAsStream(
                "/heldout/heartbeat-registry-driver-heldout-" + set + ".yaml")) {
            Corpus corpus = yaml.readValue(in, Corpus.class);
            List<Case> out = new ArrayList<>();
            for (Map<String, Object> c : corpus.cases()) {
                assertTrue(Set.of("id", "class", "text", "currentFact", "expect", "ask", "why")
                        .containsAll(c.keySet()), "unknown keys in " + c.keySet());
                @SuppressWarnings("unchecked")
                Map<String, Object> expect = (Map<String, Object>) c.getOrDefault("expect", Map.of());
                Map<String, String> expected = new LinkedHashMap<>();
                if (expect != null) {
                    expect.forEach((k, v) -> expected.put(k, String.valueOf(v)));
                }
                @SuppressWarnings("unchecked")
                List<String> ask = (List<String>) c.getOrDefault("ask", List.of());
                out.add(new Case((String) c.get("id"), (String) c.get("class"), (String) c.get("text"),
                        (String) c.get("currentFact"), expected, ask == null ? List.of() : ask,
                        (String) c.get("why")));
            }
            return out;
        }
    }

    @ParameterizedTest(name = "held-out set {0}")
    @ValueSource(ints = {2, 3, 4})
    void shouldBeASoundHeldOutSetAndReportTheReadersScore(int set) throws IOException {
        List<Case> cases = cases(set);
        assertTrue(cases.size() >= (set == 2 ? 150 : set == 3 ? 90 : 75), cases.size() + " messages");
        Map<String, Fact> facts = new LinkedHashMap<>();
        understanding.article().facts().forEach(f -> facts.put(f.id(), f));
        Map<String, int[]> perClass = new TreeMap<>(); // cases, cases fully right, misreads
        Scores scores = new Scores(facts.keySet());
        int misreads = 0;
        for (Case c : cases) {
            for (var e : c.expect().entrySet()) {
                Fact f = facts.get(e.getKey());
                assertTrue(f != null && f.resolve(e.getValue()).isPresent(), c.id() + ": " + e + " is no value");
            }
            c.ask().forEach(f -> assertTrue(facts.containsKey(f), c.id() + ": ask " + f + " is no fact"));
            Extraction x = understanding.extract(c.text(), c.currentFact());
            Map<String, String> read = new LinkedHashMap<>();
            x.understood().forEach(u -> read.put(u.factId(), u.value()));
            boolean right = true;
            int wrong = 0;
            for (var e : c.expect().entrySet()) {
                Fact f = facts.get(e.getKey());
                String got = read.get(e.getKey());
                if (got != null && f.sameAnswer(got, e.getValue())) {
                    scores.truePositive(e.getKey());
                } else {
                    if (Boolean.getBoolean("heldout.show")) {
                        System.out.println("  MISS " + set + " " + c.id() + ": " + e + ", read " + got);
                    }
                    scores.falseNegative(e.getKey());
                    right = false;
                }
            }
            for (var r : read.entrySet()) {
                String want = c.expect().get(r.getKey());
                if (want == null || !facts.get(r.getKey()).sameAnswer(r.getValue(), want)) {
                    if (Boolean.getBoolean("heldout.show")) {
                        System.out.println("  MISREAD " + set + " " + c.id() + ": " + r + " from \"" + x.understood().stream()
                                .filter(u -> u.factId().equals(r.getKey())).findFirst().map(Understood::evidence)
                                .orElse("") + "\", expected " + (want == null ? (c.ask().contains(r.getKey())
                                ? "a question" : "nothing") : want));
                    }
                    scores.falsePositive(r.getKey());
                    wrong++;
                    right = false;
                }
            }
            misreads += wrong;
            int[] n = perClass.computeIfAbsent(c.cls(), k -> new int[3]);
            n[0]++;
            n[1] += right ? 1 : 0;
            n[2] += wrong;
        }
        System.out.print(scores.table("held-out set " + set + ", " + cases.size() + " messages"));
        System.out.printf("%-18s %5s %5s %8s%n", "class", "cases", "right", "misreads");
        perClass.forEach((k, n) -> System.out.printf("%-18s %5d %5d %8d%n", k, n[0], n[1], n[2]));
        assertEquals(set == 2 ? Set.of("structured", "german", "french", "spanish", "tool-output", "time-scope",
                "several-servers", "article-quote", "control") : Set.of("german", "french", "spanish"),
                perClass.keySet());
        assertTrue(misreads <= MISREADS_ALLOWED, misreads + " confident misreads; at most "
                + MISREADS_ALLOWED + " allowed");
    }
}
