package io.kbguide.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every article's golden cases and checks that they cover every distinct outcome of the article. */
class GoldenCasesTest {

    static final Path KB = Path.of("kb");

    static Stream<Path> articleFolders() throws IOException {
        return Files.list(KB).filter(Files::isDirectory).sorted();
    }

    @TestFactory
    Stream<DynamicTest> shouldGiveTheHandCheckedOutcomeForEveryGoldenCase() throws IOException {
        KbReader reader = new KbReader();
        return articleFolders().flatMap(folder -> {
            CompiledArticle article = new ArticleCompiler().compile(reader.read(folder));
            return reader.readGolden(folder).stream().map(golden -> DynamicTest.dynamicTest(
                    folder.getFileName() + ": " + golden.name(), () -> check(article, golden)));
        });
    }

    static void check(CompiledArticle article, GoldenCase golden) {
        Diagnosis d = article.diagnose(golden.facts());
        Map<String, String> values = new LinkedHashMap<>();
        d.findings().forEach((k, v) -> values.put(k, v.value()));
        assertEquals(golden.findings(), values, "findings");
        assertEquals(golden.steps(), d.remediation().stream().map(RemediationStep::id).toList(), "steps");
        if (golden.missingFacts() != null) {
            assertEquals(golden.missingFacts(), d.missingFacts().stream().map(Fact::id).toList(), "missingFacts");
        }
    }

    @Test
    void shouldCoverEveryDistinctOutcomeOfEveryArticleWithAGoldenCase() throws IOException {
        KbReader reader = new KbReader();
        for (Path folder : articleFolders().toList()) {
            CompiledArticle article = new ArticleCompiler().compile(reader.read(folder));
            Set<String> covered = new LinkedHashSet<>();
            for (GoldenCase g : reader.readGolden(folder)) {
                covered.add(outcome(article.diagnose(g.facts())));
            }
            Map<String, Map<String, String>> all = new HashMap<>();
            forEachCompleteAnswer(article.article(), answers -> {
                try {
                    all.putIfAbsent(outcome(article.diagnose(answers)), answers);
                } catch (InvalidFactsException contradiction) {
                    // a combination the article's constraints rule out
                }
            });
            List<String> uncovered = new ArrayList<>();
            all.forEach((outcome, answers) -> {
                if (!covered.contains(outcome)) {
                    uncovered.add(outcome + " e.g. " + answers);
                }
            });
            assertFalse(all.isEmpty());
            assertTrue(uncovered.isEmpty(), folder.getFileName() + ": " + uncovered.size()
                    + " outcome(s) have no golden case:\n" + String.join("\n", uncovered));
        }
    }

    /** Finding values and step ids: what a golden case pins down. */
    static String outcome(Diagnosis d) {
        Map<String, String> values = new LinkedHashMap<>();
        d.findings().forEach((k, v) -> values.put(k, v.value()));
        return values + " " + d.remediation().stream().map(RemediationStep::id).toList();
    }

    /** Calls back with every combination of known answers, one representative answer per value. */
    static void forEachCompleteAnswer(Article article, java.util.function.Consumer<Map<String, String>> action) {
        complete(article.facts(), 0, new LinkedHashMap<>(), action);
    }

    private static void complete(List<Fact> facts, int i, Map<String, String> answers,
            java.util.function.Consumer<Map<String, String>> action) {
        if (i == facts.size()) {
            action.accept(new LinkedHashMap<>(answers));
            return;
        }
        Fact fact = facts.get(i);
        for (String value : fact.domain()) {
            answers.put(fact.id(), fact.representative(value));
            complete(facts, i + 1, answers, action);
        }
        answers.remove(fact.id());
    }
}
