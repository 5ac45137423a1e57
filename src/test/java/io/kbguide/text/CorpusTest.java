package io.kbguide.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the seed article's corpus of realistic messages and pasted outputs through {@link TextUnderstanding} and
 * scores it per fact. Each fact of each message has one expected outcome: a value, "conflict", "rejected",
 * "unclear" (asked: hedged, not attributed to Windows, changed without a restart, several servers), or nothing. An outcome read that differs from the expected one is a false positive; an expected outcome not read
 * is a false negative (a wrong value is both).
 */
class CorpusTest {

    static final String CONFLICT = "<conflict>";
    static final String REJECTED = "<rejected>";
    static final String UNCLEAR = "<unclear>";
    /** Facts whose misreading leads to a harmful step: any wrong value fails the test. */
    static final Set<String> STRICT_FACTS = Set.of("servicePack", "useNewApi");
    static final double MIN_PRECISION = 0.98;
    static final double MIN_RECALL = 0.95;

    static TextUnderstanding understanding;
    static List<Case> cases;

    record Case(String id, String text, String currentFact, Map<String, String> expected) {
    }

    @BeforeAll
    static void load() throws IOException {
        understanding = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory()).build();
        JsonNode root;
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/heartbeat-registry-driver.yaml")) {
            root = yaml.readTree(in);
        }
        cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode c : root.get("cases")) {
            String id = c.get("id").asText();
            assertTrue(ids.add(id), "duplicate corpus id " + id);
            Map<String, String> expected = new LinkedHashMap<>();
            if (c.has("expect")) {
                c.get("expect").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            }
            if (c.has("conflicts")) {
                c.get("conflicts").forEach(f -> expected.put(f.asText(), CONFLICT));
            }
            if (c.has("rejections")) {
                c.get("rejections").forEach(f -> expected.put(f.asText(), REJECTED));
            }
            if (c.has("unclear")) {
                c.get("unclear").forEach(f -> expected.put(f.asText(), UNCLEAR));
            }
            for (String factId : expected.keySet()) {
                assertTrue(understanding.article().fact(factId).isPresent(), id + ": unknown fact " + factId);
            }
            cases.add(new Case(id, c.get("text").asText(),
                    c.has("currentFact") ? c.get("currentFact").asText() : null, expected));
        }
    }

    static Map<String, String> outcomes(Extraction e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.understood().forEach(u -> out.put(u.factId(), u.value()));
        e.conflicts().forEach(c -> out.put(c.factId(), CONFLICT));
        e.rejections().forEach(r -> out.put(r.factId(), REJECTED));
        e.unclear().forEach(u -> out.put(u.factId(), UNCLEAR));
        return out;
    }

    @Test
    void shouldHoldEnoughRealisticMessages() {
        assertTrue(cases.size() >= 170, "the corpus holds " + cases.size() + " messages, expected at least 170");
        long pastes = cases.stream().filter(c -> c.text().lines().count() >= 5).count();
        long empty = cases.stream().filter(c -> c.expected().isEmpty()).count();
        assertTrue(pastes >= 25, "only " + pastes + " multi-line pastes");
        assertTrue(empty >= 15, "only " + empty + " messages that should yield nothing");
    }

    @Test
    void shouldReadTheCorpusWithHighPrecisionAndRecall() {
        List<String> factIds = understanding.article().facts().stream().map(f -> f.id()).toList();
        Scores scores = new Scores(factIds);
        List<String> misreads = new ArrayList<>();
        List<String> strictMisreads = new ArrayList<>();
        for (Case c : cases) {
            Extraction e = understanding.extract(c.text(), c.currentFact());
            Map<String, String> actual = outcomes(e);
            Set<String> facts = new TreeSet<>(c.expected().keySet());
            facts.addAll(actual.keySet());
            for (String f : facts) {
                String want = c.expected().get(f);
                String got = actual.get(f);
                if (want != null && want.equals(got)) {
                    scores.truePositive(f);
                    continue;
                }
                if (got != null) {
                    scores.falsePositive(f);
                }
                if (want != null) {
                    scores.falseNegative(f);
                }
                String line = c.id() + " " + f + ": expected " + want + ", read " + got;
                misreads.add(line);
                if (STRICT_FACTS.contains(f) && got != null && !got.equals(CONFLICT) && !got.equals(REJECTED)
                        && !got.equals(UNCLEAR)) {
                    strictMisreads.add(line);
                }
            }
        }
        double precision = scores.precision();
        double recall = scores.recall();
        StringBuilder table = new StringBuilder(scores.table("corpus, " + cases.size() + " messages"));
        misreads.forEach(m -> table.append("  misread ").append(m).append('\n'));
        System.out.println(table);
        if (!strictMisreads.isEmpty()) {
            fail("servicePack and useNewApi must never be misread:\n  " + String.join("\n  ", strictMisreads));
        }
        assertTrue(precision >= MIN_PRECISION, "precision " + precision + " < " + MIN_PRECISION + table);
        assertTrue(recall >= MIN_RECALL, "recall " + recall + " < " + MIN_RECALL + table);
    }

    @Test
    void shouldGiveEvidenceThatOccursInTheMessage() {
        for (Case c : cases) {
            Extraction e = understanding.extract(c.text(), c.currentFact());
            List<String> evidence = new ArrayList<>();
            e.understood().forEach(u -> evidence.add(u.evidence()));
            e.conflicts().forEach(k -> k.candidates().forEach(u -> evidence.add(u.evidence())));
            e.rejections().forEach(r -> evidence.add(r.evidence()));
            e.unclear().stream().filter(u -> u.doubt() != Doubt.OTHER_KEY).forEach(u -> evidence.add(u.evidence()));
            String flat = c.text().replace('\u2019', '\'');
            for (String ev : evidence) {
                assertTrue(!ev.isBlank() && flat.contains(ev), c.id() + ": evidence '" + ev + "' is not in the text");
            }
            assertEquals(e.understood().size(), e.understood().stream().map(Understood::factId).distinct().count(),
                    c.id() + ": a fact understood twice");
        }
    }
}
