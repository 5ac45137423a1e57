package io.kbguide.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.engine.ArticleCompiler;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.KbReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every settled fact set served from a few distinct answers with the facts spliced in, byte for byte what writing
 * the whole diagnosis gives; an answer that cannot be spliced is written whole rather than wrong.
 */
class AnswerTableTest {

    static CompiledArticle article;
    static final JsonFormat JSON = new JsonFormat(new ObjectMapper());

    @BeforeAll
    static void compile() {
        article = new ArticleCompiler().compile(new KbReader().read(Path.of("kb/heartbeat-registry-driver")));
    }

    /** Every combination of codes (each fact known or unknown) that does not contradict and settles everything. */
    static List<int[]> settledSets(CompiledArticle article) {
        List<int[]> out = new ArrayList<>();
        for (int combination = 0; combination < article.combinations(); combination++) {
            int[] codes = new int[article.article().facts().size()];
            article.codesOf(combination, codes);
            if (!article.contradicts(codes) && article.diagnose(codes).complete()) {
                out.add(codes);
            }
        }
        return out;
    }

    @Test
    void shouldServeEverySettledSetExactlyAsTheWholeDiagnosisFromAFewDistinctAnswers() {
        AnswerTable table = new AnswerTable(article, JSON);
        List<int[]> sets = settledSets(article);
        assertTrue(sets.size() > 30000, sets.size() + " settled sets");
        assertTrue(sets.stream().anyMatch(c -> java.util.stream.IntStream.range(0, c.length)
                .anyMatch(i -> c[i] == article.unknownCode(i))), "with facts unknown too");
        for (int[] codes : sets) {
            byte[] whole = JSON.write(DiagnosisService.view(article, codes));
            assertArrayEquals(whole, table.answer(codes), "made: " + article.known(codes));
            assertArrayEquals(whole, table.answer(codes), "looked up: " + article.known(codes));
        }
        long[] size = table.size();
        assertTrue(size[0] > 1 && size[0] < 200, size[0] + " distinct answers for " + sets.size() + " sets");
        assertEquals(2L * sets.size(), table.lookups());
        assertEquals(sets.size(), table.made());
    }

    @Test
    void shouldFillEverySetSoThatNoneIsMadeWhenAskedFor() {
        AnswerTable table = new AnswerTable(article, JSON);
        table.fill();
        for (int[] codes : settledSets(article)) {
            table.answer(codes);
        }
        assertEquals(0, table.made());
        assertTrue(table.lookups() > 30000);
    }

    @Test
    void shouldWriteTheWholeAnswerWhenTheSplicedOneWouldDiffer() {
        // a format whose cut loses a byte: the check made with the entry catches it
        DiagnosisFormat lossy = new DiagnosisFormat() {
            @Override
            public String name() {
                return "lossy JSON";
            }

            @Override
            public byte[] write(DiagnosisView diagnosis) {
                return JSON.write(diagnosis);
            }

            @Override
            public Optional<Around> around(DiagnosisView diagnosis) {
                return JSON.around(diagnosis).map(a -> new Around(java.util.Arrays.copyOf(a.before(),
                        a.before().length - 1), a.after()));
            }

            @Override
            public byte[] fact(DiagnosisView.FactUsed fact) {
                return JSON.fact(fact);
            }

            @Override
            public byte[] between() {
                return JSON.between();
            }
        };
        AnswerTable table = new AnswerTable(article, lossy);
        int[] codes = settledSets(article).get(0);
        byte[] whole = JSON.write(DiagnosisService.view(article, codes));
        assertArrayEquals(whole, table.answer(codes));
        assertArrayEquals(whole, table.answer(codes));
        assertEquals(0, table.size()[0], "nothing kept that would be wrong");
    }

    @Test
    void shouldAnswerOnlySetsThatSettleEverything() {
        AnswerTable table = new AnswerTable(article, JSON);
        int[] codes = settledSets(article).get(0);
        assertTrue(table.settles(codes));
        java.util.Arrays.fill(codes, 0);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = article.unknownCode(i);
        }
        assertFalse(table.settles(codes), "nothing known");
    }
}
