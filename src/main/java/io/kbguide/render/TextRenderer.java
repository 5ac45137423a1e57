package io.kbguide.render;

import io.kbguide.conversation.ConversationView;
import io.kbguide.diagnosis.CommandView;
import io.kbguide.diagnosis.DiagnosisFormat;
import io.kbguide.diagnosis.DiagnosisView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders steps and diagnoses as Markdown and as plain text, for tickets and chat: the verdict first, then the
 * steps, the findings and the sources, each quote once. Every word comes from the diagnosis's presentation (the
 * same words the JSON, the widget and Slack show) and the kb; the templates in {@code templates/TextRenderer/}
 * only lay them out.
 */
@ApplicationScoped
public class TextRenderer {

    private static final String BETWEEN_FACTS = "; ";

    private final Optional<String> publicBaseUrl;
    private final DiagnosisFormat markdown = new TicketFormat(true);
    private final DiagnosisFormat text = new TicketFormat(false);

    public TextRenderer(LinkConfig links) {
        this.publicBaseUrl = links.base();
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stepMarkdown(ConversationView view, Ticket ticket);

        static native TemplateInstance stepText(ConversationView view, Ticket ticket);

        static native TemplateInstance diagnosisMarkdown(DiagnosisView diagnosis, Ticket ticket);

        static native TemplateInstance diagnosisText(DiagnosisView diagnosis, Ticket ticket);
    }

    /**
     * A diagnosis laid out for a ticket.
     *
     * @param verdict   the one line that opens it
     * @param check     the warning that its steps rest on typed words, or null
     * @param facts     the facts it is for, with where each came from, in one line; null when none is known
     * @param steps     what to do, numbered
     * @param nothing   what to say where there is no step: nothing to do, or nothing safe yet
     * @param cases     what each answer still missing would lead to
     * @param toFindOut the questions still open
     * @param findings  the settled findings (the open ones are the stillNeeded line)
     * @param sources   every quote once, numbered; steps, findings and notes refer to them by number
     */
    public record Ticket(String verdict, String check, String articleTitle, String articleVersion, String articleLink,
            String facts, List<StepLine> steps, String nothing, List<String> cases,
            List<FindOutLine> toFindOut, List<FindingLine> findings, String stillNeeded, List<NoteLine> notes,
            List<SourceLine> sources) {

        /** The same ticket with another facts line. */
        Ticket withFacts(String line) {
            return new Ticket(verdict, check, articleTitle, articleVersion, articleLink, line, steps, nothing, cases,
                    toFindOut, findings, stillNeeded, notes, sources);
        }
    }

    public record StepLine(String title, String detail, boolean inference, List<CommandView> instructions,
            String refs) {
    }

    public record FindOutLine(String question, String onlyIf, String help, List<CommandView> instructions) {
    }

    public record FindingLine(String label, String statement, boolean inference, String refs) {
    }

    public record NoteLine(String text, boolean inference, String refs) {
    }

    public record SourceLine(int number, String section, String link, String quote) {
    }

    public String markdown(ConversationView view) {
        return Templates.stepMarkdown(view, ticket(view.step().diagnosis())).render();
    }

    public String text(ConversationView view) {
        return Templates.stepText(view, ticket(view.step().diagnosis())).render();
    }

    public String markdown(DiagnosisView diagnosis) {
        return Templates.diagnosisMarkdown(diagnosis, ticket(diagnosis)).render();
    }

    public String text(DiagnosisView diagnosis) {
        return Templates.diagnosisText(diagnosis, ticket(diagnosis)).render();
    }

    /** Diagnoses as {@link #markdown(DiagnosisView)} writes them, for the diagnosis service's answer table. */
    public DiagnosisFormat markdownDiagnosis() {
        return markdown;
    }

    /** Diagnoses as {@link #text(DiagnosisView)} writes them. */
    public DiagnosisFormat textDiagnosis() {
        return text;
    }

    /**
     * A diagnosis laid out for a ticket, as bytes, cut around its facts line by laying it out with a mark in place of
     * the line (a character of Unicode's private use area) and cutting where the mark is. Should a kb text ever hold
     * the mark, the cut is refused, or the answer table's check finds the difference and writes that answer whole.
     */
    private final class TicketFormat implements DiagnosisFormat {

        private static final String MARK = "\uE000";
        private static final byte[] BETWEEN = BETWEEN_FACTS.getBytes(StandardCharsets.UTF_8);
        private final boolean asMarkdown;

        TicketFormat(boolean asMarkdown) {
            this.asMarkdown = asMarkdown;
        }

        @Override
        public String name() {
            return asMarkdown ? "Markdown" : "plain text";
        }

        @Override
        public byte[] write(DiagnosisView diagnosis) {
            return render(diagnosis, ticket(diagnosis)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Optional<Around> around(DiagnosisView diagnosis) {
            Ticket ticket = ticket(diagnosis);
            if (ticket.facts() == null) {
                return Optional.empty();
            }
            String marked = render(diagnosis, ticket.withFacts(MARK));
            int at = marked.indexOf(MARK);
            if (at < 0 || marked.indexOf(MARK, at + 1) >= 0) {
                return Optional.empty();
            }
            return Optional.of(new Around(marked.substring(0, at).getBytes(StandardCharsets.UTF_8),
                    marked.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public byte[] fact(DiagnosisView.FactUsed fact) {
            return TextRenderer.fact(fact).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] between() {
            return BETWEEN;
        }

        private String render(DiagnosisView diagnosis, Ticket ticket) {
            return (asMarkdown ? Templates.diagnosisMarkdown(diagnosis, ticket)
                    : Templates.diagnosisText(diagnosis, ticket)).render();
        }
    }

    Ticket ticket(DiagnosisView d) {
        if (d == null) {
            return null;
        }
        String articleLink = link(d.article().id(), null);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<SourceLine> sources = new ArrayList<>();
        java.util.function.Function<List<DiagnosisView.CitationView>, String> refs = citations -> {
            List<String> out = new ArrayList<>();
            for (DiagnosisView.CitationView c : citations) {
                Integer n = numbers.computeIfAbsent(c.section() + "\u0000" + c.quote(), k -> {
                    sources.add(new SourceLine(sources.size() + 1, io.kbguide.present.Wording.sectionName(c.sectionTitle()),
                            link(d.article().id(), c.section()), c.quote()));
                    return sources.size();
                });
                String ref = "[" + n + "]";
                if (!out.contains(ref)) {
                    out.add(ref);
                }
            }
            return String.join("", out);
        };
        List<StepLine> steps = d.remediation().stream().map(s -> new StepLine(s.title(), s.detail(),
                "inference".equals(s.source()), s.instructions(), refs.apply(s.citations()))).toList();
        List<FindingLine> findings = new ArrayList<>();
        d.findingDetails().forEach((id, f) -> {
            if (!"undetermined".equals(f.value())) {
                findings.add(new FindingLine(f.label(), f.statement(), "inference".equals(f.source()),
                        refs.apply(f.citations())));
            }
        });
        List<NoteLine> notes = d.notes().stream().map(n -> new NoteLine(n.text(), "inference".equals(n.source()),
                refs.apply(n.citations()))).toList();
        List<FindOutLine> toFindOut = d.toFindOut() == null ? List.of() : d.toFindOut().stream()
                .map(m -> new FindOutLine(m.question(), m.onlyIfText(), m.help(), m.instructions())).toList();
        List<String> cases = d.plansByCase() == null ? List.of()
                : d.plansByCase().stream().map(DiagnosisView.PlanCaseView::text).toList();
        String nothing = null;
        if (steps.isEmpty()) {
            nothing = d.complete() ? "Nothing needs to be done."
                    : "No step that changes the server is safe to advise until the answers below are known.";
        }
        String facts = d.facts() == null || d.facts().isEmpty() ? null
                : String.join(BETWEEN_FACTS, d.facts().stream().map(TextRenderer::fact).toList());
        List<String> typed = d.dependsOnTypedText() == null ? List.of() : d.dependsOnTypedText().stream()
                .map(id -> d.facts() == null ? id : d.facts().stream().filter(f -> f.factId().equals(id))
                        .map(DiagnosisView.FactUsed::name).findFirst().orElse(id)).toList();
        return new Ticket(d.verdict() == null ? d.summary() : d.verdict().text(),
                io.kbguide.present.Wording.checkBeforeActing(typed), d.article().title(),
                d.article().version(), articleLink, facts, steps, nothing, cases, toFindOut, findings,
                d.stillNeeded(), notes, sources);
    }

    /** A fact as the facts line lists it: "Architecture: x86 (given)". */
    static String fact(DiagnosisView.FactUsed f) {
        return f.name() + ": " + f.label() + " (" + f.origin() + ")";
    }

    /** The article page, or one section of it: absolute where a public base URL is configured. */
    String link(String articleId, String section) {
        String path = "/articles/" + articleId + (section == null ? "" : "#" + section);
        return publicBaseUrl.map(base -> base + path).orElse(path);
    }
}
