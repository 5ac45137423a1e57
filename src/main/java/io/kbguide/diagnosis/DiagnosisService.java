package io.kbguide.diagnosis;

import io.kbguide.engine.CompiledArticle;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.text.Conflict;
import io.kbguide.text.Extraction;
import io.kbguide.text.Rejection;
import io.kbguide.text.Understood;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stateless diagnosis, from facts and optionally from typed or pasted text. */
@ApplicationScoped
public class DiagnosisService {

    private final ArticleRegistry registry;

    public DiagnosisService(ArticleRegistry registry) {
        this.registry = registry;
    }

    /**
     * Diagnoses from explicit facts and, when given, facts read from text; explicit facts win. A fact the text
     * gives two values for, or in an unusable form, is left unknown and reported as unclear: nothing is guessed.
     */
    public DiagnosisView diagnose(CompiledArticle article, Map<String, String> facts, String text) {
        if (text == null || text.isBlank()) {
            return DiagnosisView.of(article.article(), article.diagnose(facts));
        }
        Extraction extraction = registry.requireUnderstanding(article.id()).extract(text);
        Map<String, String> merged = new LinkedHashMap<>();
        List<DiagnosisView.UnderstoodView> understood = new ArrayList<>();
        for (Understood u : extraction.understood()) {
            merged.put(u.factId(), u.value());
            understood.add(DiagnosisView.UnderstoodView.of(article.article(), u.factId(), u.value(), u.evidence()));
        }
        merged.putAll(facts);
        List<DiagnosisView.UnclearView> unclear = new ArrayList<>();
        for (Conflict c : extraction.conflicts()) {
            unclear.add(new DiagnosisView.UnclearView(c.factId(), "The text gives more than one value: "
                    + String.join(", ", c.candidates().stream().map(u -> u.value() + " (from \"" + u.evidence()
                    + "\")").toList()) + "; it is left unknown.", c.candidates().stream().map(Understood::value)
                    .distinct().toList()));
        }
        for (Rejection r : extraction.rejections()) {
            unclear.add(new DiagnosisView.UnclearView(r.factId(), r.reason() + " (from \"" + r.evidence() + "\")",
                    List.of()));
        }
        return DiagnosisView.of(article.article(), article.diagnose(merged)).withText(understood,
                unclear.isEmpty() ? null : unclear);
    }
}
