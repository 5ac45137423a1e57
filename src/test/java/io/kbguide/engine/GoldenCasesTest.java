package io.kbguide.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every article's golden cases and checks that they cover every distinct outcome of the article, with
 * {@link GoldenCheck}, which {@code kb check} runs too.
 */
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

    /** Fails naming what the article gives for the case that differs from it (the check kb check runs too). */
    static void check(CompiledArticle article, GoldenCase golden) {
        assertEquals(List.of(), GoldenCheck.mismatches(article, golden), golden.name());
    }

    @Test
    void shouldCoverEveryDistinctOutcomeOfEveryArticleWithAGoldenCase() throws IOException {
        KbReader reader = new KbReader();
        for (Path folder : articleFolders().toList()) {
            CompiledArticle article = new ArticleCompiler().compile(reader.read(folder));
            List<GoldenCase> cases = reader.readGolden(folder);
            List<String> uncovered = GoldenCheck.uncovered(article, cases);
            Set<String> outcomes = new LinkedHashSet<>();
            GoldenCheck.forEachCompleteAnswer(article.article(), answers -> {
                try {
                    outcomes.add(GoldenCheck.outcome(article.diagnose(answers)));
                } catch (InvalidFactsException contradiction) {
                    // a combination the article's constraints rule out
                }
            });
            assertFalse(outcomes.isEmpty());
            assertTrue(uncovered.isEmpty(), folder.getFileName() + ": " + uncovered.size()
                    + " outcome(s) have no golden case:\n" + String.join("\n", uncovered));
        }
    }
}
