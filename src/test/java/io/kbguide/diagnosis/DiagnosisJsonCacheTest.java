package io.kbguide.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.engine.FactType;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.kb.ArticleRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Diagnoses from facts alone are served as bytes made once (complete fact sets from the answer table in every format,
 * partial ones as JSON from a cache): whatever spelling of the facts made an entry, every request that means the same
 * gets exactly the bytes its own diagnosis would have written.
 */
@QuarkusTest
class DiagnosisJsonCacheTest {

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ArticleRegistry registry;

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldServeEveryCombinationExactlyAsItsOwnDiagnosisWritesIt() throws Exception {
        CompiledArticle article = registry.require("heartbeat-registry-driver");
        Random random = new Random(14);
        int served = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            Map<String, String> facts = randomFacts(article, random);
            byte[] uncached;
            try {
                uncached = mapper.writeValueAsBytes(diagnoses.diagnose(article, facts, null));
            } catch (InvalidFactsException contradiction) {
                assertThrows(InvalidFactsException.class, () -> diagnoses.diagnose(diagnoses.json(), article, facts, null),
                        "refused with or without the cache: " + facts);
                refused++;
                continue;
            }
            assertArrayEquals(uncached, diagnoses.diagnose(diagnoses.json(), article, facts, null), "facts " + facts);
            served++;
        }
        assertTrue(served > 1000 && refused > 0, served + " served, " + refused + " refused");
    }

    @Inject
    io.kbguide.render.TextRenderer renderer;

    @Test
    void shouldServeSettledFactSetsInEveryFormatExactlyAsTheWholeDiagnosisIsWritten() {
        CompiledArticle article = registry.require("heartbeat-registry-driver");
        Map<DiagnosisFormat, java.util.function.Function<DiagnosisView, byte[]>> formats = Map.of(
                diagnoses.json(), v -> json(v),
                renderer.markdownDiagnosis(), v -> renderer.markdown(v).getBytes(StandardCharsets.UTF_8),
                renderer.textDiagnosis(), v -> renderer.text(v).getBytes(StandardCharsets.UTF_8));
        List<int[]> settled = new ArrayList<>(AnswerTableTest.settledSets(article));
        java.util.Collections.shuffle(settled, new Random(27));
        for (int[] codes : settled.subList(0, 3000)) {
            Map<String, String> facts = new LinkedHashMap<>();
            for (int i = 0; i < codes.length; i++) {
                Fact fact = article.article().facts().get(i);
                if (codes[i] < article.unknownCode(i)) {
                    facts.put(fact.id(), fact.representative(fact.domain().get(codes[i])));
                } else if (i % 2 == 0) {
                    facts.put(fact.id(), Fact.UNKNOWN);
                }
            }
            DiagnosisView view = diagnoses.diagnose(article, facts, null);
            formats.forEach((format, whole) -> {
                byte[] expected = whole.apply(view);
                assertArrayEquals(expected, diagnoses.diagnose(format, article, facts, null), "facts " + facts);
                assertArrayEquals(expected, diagnoses.diagnose(format, article, facts, null), "again " + facts);
            });
        }
    }

    private byte[] json(DiagnosisView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAnswerTheApiWithTheSameBytesForTheSameFactsWrittenDifferently() throws Exception {
        Map<String, String> plain = Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "sp1",
                "heartbeatVersion", "5.0.3", "useNewApi", "zero", "leakPatch", "not-installed");
        Map<String, String> written = new LinkedHashMap<>(plain);
        written.put("heartbeatVersion", "V5.0.3 build 221");
        byte[] first = body(plain);
        byte[] second = body(written);
        assertArrayEquals(first, second);
        CompiledArticle article = registry.require("heartbeat-registry-driver");
        assertArrayEquals(mapper.writeValueAsBytes(diagnoses.diagnose(article, written, null)), second);
    }

    private static byte[] body(Map<String, String> facts) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("facts", facts))
                .when().post(DiagnosisResourceTest.URL).then().statusCode(200).contentType(ContentType.JSON)
                .extract().asByteArray();
    }

    /** Each fact left out, unknown, or one of its values in one of the ways a client may write it. */
    private static Map<String, String> randomFacts(CompiledArticle article, Random random) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (Fact fact : article.article().facts()) {
            int pick = random.nextInt(fact.domain().size() + 2);
            if (pick == fact.domain().size()) {
                continue;
            }
            if (pick == fact.domain().size() + 1) {
                facts.put(fact.id(), Fact.UNKNOWN);
                continue;
            }
            String value = fact.domain().get(pick);
            List<String> spellings = new ArrayList<>(List.of(fact.representative(value)));
            if (fact.type() instanceof FactType.Versions) {
                spellings.add(value);
                spellings.add("V" + fact.representative(value) + " build 221");
            }
            facts.put(fact.id(), spellings.get(random.nextInt(spellings.size())));
        }
        return facts;
    }
}
