package io.kbguide.render;

import io.kbguide.conversation.ConversationView;
import io.kbguide.diagnosis.DiagnosisView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders steps and diagnoses as Markdown and as plain text, for tickets and chat. Templates live in
 * {@code templates/TextRenderer/}.
 */
@ApplicationScoped
public class TextRenderer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stepMarkdown(ConversationView view, List<FindingLine> findings);

        static native TemplateInstance stepText(ConversationView view, List<FindingLine> findings);

        static native TemplateInstance diagnosisMarkdown(DiagnosisView diagnosis, List<FindingLine> findings);

        static native TemplateInstance diagnosisText(DiagnosisView diagnosis, List<FindingLine> findings);
    }

    /** One finding, flattened for the templates. */
    public record FindingLine(String name, String label, String value, String statement, String explanation,
            String source,
            List<DiagnosisView.CitationView> citations) {
    }

    public String markdown(ConversationView view) {
        return Templates.stepMarkdown(view, lines(view.step().diagnosis())).render();
    }

    public String text(ConversationView view) {
        return Templates.stepText(view, lines(view.step().diagnosis())).render();
    }

    public String markdown(DiagnosisView diagnosis) {
        return Templates.diagnosisMarkdown(diagnosis, lines(diagnosis)).render();
    }

    public String text(DiagnosisView diagnosis) {
        return Templates.diagnosisText(diagnosis, lines(diagnosis)).render();
    }

    static List<FindingLine> lines(DiagnosisView d) {
        List<FindingLine> lines = new ArrayList<>();
        if (d != null) {
            d.findingDetails().forEach((name, f) -> lines.add(new FindingLine(name, f.label(), f.value(),
                    f.statement(), f.explanation(), f.source(), onePerSection(f.citations()))));
        }
        return lines;
    }

    /** Each section once: a finding line names the sections it rests on, not every quote. */
    private static List<DiagnosisView.CitationView> onePerSection(List<DiagnosisView.CitationView> citations) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return citations.stream().filter(c -> seen.add(c.section())).toList();
    }
}
