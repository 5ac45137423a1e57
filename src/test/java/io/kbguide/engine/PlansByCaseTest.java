package io.kbguide.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What plansByCase says each answer leads to is what the diagnosis gives once that answer is known, and the steps
 * that change the server are withheld exactly when the cases disagree on them. Checked on fact sets drawn with a
 * fixed seed from every combination the seed article allows.
 */
class PlansByCaseTest {

    static CompiledArticle article;

    @BeforeAll
    static void compile() {
        article = new ArticleCompiler().compile(new KbReader().read(Path.of("kb/heartbeat-registry-driver")));
    }

    @Test
    void shouldLeadEachCaseToTheDiagnosisOfThatAnswer() {
        List<Fact> facts = article.article().facts();
        Random random = new Random(42);
        int withCases = 0;
        int checked = 0;
        for (int n = 0; n < 3000; n++) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (Fact f : facts) {
                if (random.nextInt(3) > 0) {
                    answers.put(f.id(), f.representative(f.domain().get(random.nextInt(f.domain().size()))));
                }
            }
            int[] codes;
            try {
                codes = article.codes(answers);
            } catch (InvalidFactsException contradiction) {
                continue;
            }
            checked++;
            Diagnosis d = article.diagnose(codes);
            List<PlanCase> cases = article.plansByCase(codes);
            if (cases.isEmpty()) {
                continue;
            }
            withCases++;
            assertFalse(d.missingFacts().isEmpty(), "cases for a complete diagnosis: " + answers);
            assertTrue(CompiledArticle.serverChanges(d).isEmpty(),
                    "steps that change the server advised while the cases disagree: " + answers);
            for (PlanCase c : cases) {
                Map<String, String> more = new HashMap<>(answers);
                c.when().forEach((factId, value) -> more.put(factId,
                        article.article().fact(factId).orElseThrow().representative(value)));
                Diagnosis then = article.diagnose(more);
                assertEquals(c.remediation(), then.remediation().stream().map(RemediationStep::id).toList(),
                        "case " + c.when() + " of " + answers);
            }
        }
        System.out.printf("plansByCase: %d fact sets checked, %d with cases%n", checked, withCases);
        assertTrue(withCases > 50, "only " + withCases + " fact sets had cases");
    }
}
