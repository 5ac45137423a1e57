package io.kbguide.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus message, mutated (cut, doubled, shouted, with stray punctuation, quotes, Unicode and line breaks
 * inserted), at every question: the reader never throws, every evidence occurs in the message, and a fact is in
 * at most one of understood, conflicts, rejections and unclear. Seeded, so a failure can be replayed.
 */
class RobustnessTest {

    static final String[] NOISE = {"\n", " ", ",", ".", "?", "!", "'", "\"", "(", ")", "-", "/", "\\", "\u00e9",
            "\u2019", "\u201c", "\t", "0", "no ", "not ", "SP", "/3GB", "UseNewApi", "\u0000", "\uD83D\uDE00"};

    @Test
    void shouldReadMutatedMessagesWithoutFailingOrContradictingItself() throws Exception {
        TextUnderstanding tu = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
        List<String> texts = new ArrayList<>();
        for (String name : List.of("heartbeat-registry-driver.yaml", "heartbeat-registry-driver-holdout.yaml",
                "heartbeat-registry-driver-adversarial.yaml")) {
            try (InputStream in = getClass().getResourceAsStream("/corpus/" + name)) {
                JsonNode root = JsonMapper.builder(new YAMLFactory()).build().readTree(in);
                root.get("cases").forEach(c -> texts.add(c.get("text").asText()));
            }
        }
        List<String> questions = new ArrayList<>();
        questions.add(null);
        tu.article().facts().forEach(f -> questions.add(f.id()));
        Random random = new Random(20261203);
        int readings = 0;
        for (String text : texts) {
            for (int k = 0; k < 4; k++) {
                String mutated = mutate(text, random);
                String q = questions.get(random.nextInt(questions.size()));
                Extraction e = tu.extract(mutated, q);
                readings++;
                String flat = mutated.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
                        .replace('\u201d', '"').replace('\u00a0', ' ');
                List<String> facts = new ArrayList<>();
                e.understood().forEach(u -> {
                    facts.add(u.factId());
                    assertTrue(fold(flat).contains(fold(u.evidence())),
                            "evidence '" + u.evidence() + "' not in: " + mutated);
                });
                e.conflicts().forEach(c -> facts.add(c.factId()));
                e.rejections().stream().map(Rejection::factId).distinct().forEach(facts::add);
                e.unclear().forEach(u -> facts.add(u.factId()));
                assertEquals(facts.size(), facts.stream().distinct().count(), "a fact twice in " + e);
            }
        }
        System.out.println("robustness: " + readings + " mutated readings");
    }

    /** Whitespace folded: pasted output's evidence may join a field name to its value with one space. */
    static String fold(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        switch (random.nextInt(4)) {
            case 0 -> s.setLength(random.nextInt(s.length() + 1));
            case 1 -> s.append(' ').append(text);
            case 2 -> {
                String upper = s.toString().toUpperCase(java.util.Locale.ROOT);
                s.setLength(0);
                s.append(upper);
            }
            default -> { }
        }
        for (int i = random.nextInt(6); i > 0; i--) {
            s.insert(random.nextInt(s.length() + 1), NOISE[random.nextInt(NOISE.length)]);
        }
        return s.toString();
    }
}
