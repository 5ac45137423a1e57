package io.kbguide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kbguide.engine.Article;
import io.kbguide.engine.Citation;
import io.kbguide.engine.Diagnosis;
import io.kbguide.engine.Explanation;
import io.kbguide.engine.Fact;
import io.kbguide.engine.PlanCase;
import io.kbguide.engine.RemediationStep;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract of a diagnosis. The first eight fields are the stable contract help-desk systems rely on;
 * the rest add detail without changing them.
 */
@Schema(name = "Diagnosis", description = "What the article says about one server.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisView(
        ArticleRef article,
        @Schema(description = "True when no unknown fact could still change a finding or a step") boolean complete,
        @Schema(description = "Unknown facts whose answer could still change a finding or a step, in asking order",
                examples = "[\"servicePack\"]") List<String> missingFacts,
        @Schema(description = "driverMethod: hookers|callbacks|undetermined; recommendedMethod: hookers|callbacks|"
                + "not-stated|undetermined; leakExposure: exposed|not-expected|fixed|not-affected|not-stated|"
                + "undetermined; bluescreenRisk: high|none-known|not-stated|undetermined; installSupported: yes|no|"
                + "not-stated|undetermined; scope: in-article|outside-article|undetermined. 'undetermined' means it"
                + " depends on a fact not known yet (or, for driverMethod outside the article, that the article does"
                + " not describe it).",
                examples = "{\"driverMethod\":\"hookers\",\"recommendedMethod\":\"callbacks\",\"leakExposure\":"
                        + "\"exposed\",\"bluescreenRisk\":\"none-known\",\"installSupported\":\"yes\",\"scope\":"
                        + "\"in-article\"}")
        Map<String, String> findings,
        @Schema(description = "Steps to carry out, in order; every one is safe on this server as it is now. Empty:"
                + " nothing to do (or nothing is safe to advise until the missing facts are known).")
        List<StepView> remediation,
        @Schema(description = "Every passage of the article the findings, steps and notes rest on")
        List<CitationView> citations,
        String summary,
        @Schema(description = "Why each finding holds, with its source and citations")
        Map<String, FindingDetail> findingDetails,
        @Schema(description = "Further statements that apply to this server") List<Note> notes,
        @Schema(description = "How to find out each missing fact") List<FactToCheck> toFindOut,
        @Schema(description = "When text was sent: the facts read from it, with their evidence")
        List<UnderstoodView> understood,
        @Schema(description = "When text was sent: facts it mentioned that could not be used, and why")
        List<UnclearView> unclear,
        @Schema(description = "When text was sent: the facts read from typed words (not from recognised command"
                + " output, not given explicitly) that decide the steps changing the server. Confirm them before"
                + " carrying out the steps. Absent when no step depends on typed words.")
        List<String> dependsOnTypedText,
        @Schema(description = "Where the missing facts decide the steps that change the server (so that none is"
                + " advised yet): what each answer would lead to. Absent otherwise.")
        List<PlanCaseView> plansByCase) {

    /** The same diagnosis with what was read from a text message. */
    public DiagnosisView withText(List<UnderstoodView> understood, List<UnclearView> unclear,
            List<String> dependsOnTypedText) {
        return new DiagnosisView(article, complete, missingFacts, findings, remediation, citations, summary,
                findingDetails, notes, toFindOut, understood, unclear, dependsOnTypedText, plansByCase);
    }

    @Schema(description = "What one answer to the missing facts would lead to")
    public record PlanCaseView(
            @Schema(description = "Fact id to value (a choice value, or a Heartbeat version band id)",
                    examples = "{\"threeGb\": \"yes\"}") Map<String, String> when,
            @Schema(description = "The step ids that would be advised, in order") List<String> remediation,
            @Schema(description = "The case in words: \"If the /3GB switch is 'Yes, /3GB is set': 1. ...\"")
            String text) {

        static PlanCaseView of(Article article, PlanCase c) {
            List<String> conditions = new java.util.ArrayList<>();
            c.when().forEach((factId, value) -> {
                Fact fact = article.fact(factId).orElseThrow();
                conditions.add(fact.name() + " is \"" + fact.labelOf(value) + "\"");
            });
            List<String> titles = c.remediation().stream()
                    .map(id -> article.step(id).map(s -> s.title()).orElse(id)).toList();
            StringBuilder text = new StringBuilder("If ").append(String.join(" and ", conditions)).append(": ");
            if (titles.isEmpty()) {
                text.append("nothing needs to be done.");
            } else {
                for (int i = 0; i < titles.size(); i++) {
                    text.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(titles.get(i));
                }
                text.append('.');
            }
            return new PlanCaseView(c.when(), c.remediation(), text.toString());
        }
    }

    @Schema(description = "A fact read from text (or, on the diagnosis endpoint, given explicitly)")
    public record UnderstoodView(String factId, String value, String label,
            @Schema(description = "The words that decided it, with any negation or attribution in them, or the line"
                    + " of pasted output it was read from") String evidence,
            @Schema(enumeration = {"typed", "pasted", "explicit"}, description = "typed: words a person wrote;"
                    + " pasted: recognised command output; explicit: the request's facts") String source,
            @Schema(description = "What the fact is called, for people: \"the service pack\"") String name) {

        public static UnderstoodView of(Article article, String factId, String value, String evidence,
                String source) {
            Fact fact = article.fact(factId).orElseThrow();
            return new UnderstoodView(factId, value, fact.labelOf(value), evidence, source, fact.name());
        }
    }

    @Schema(description = "A fact the text mentioned but that could not be used")
    public record UnclearView(String factId, String message,
            @Schema(description = "The values to choose from, when the text gave several") List<String> candidates) {
    }

    /**
     * The view of a diagnosis, with what each answer to the missing facts would lead to, and the commands for the
     * server the known facts describe (fact id to value as the rules see it).
     */
    public static DiagnosisView of(Article article, Diagnosis d, List<PlanCase> plansByCase,
            Map<String, String> known) {
        Map<String, String> findings = new LinkedHashMap<>();
        Map<String, FindingDetail> details = new LinkedHashMap<>();
        d.findings().forEach((id, f) -> {
            findings.put(id, f.value());
            details.put(id, new FindingDetail(article.decisions().stream().filter(x -> x.id().equals(id))
                    .map(x -> x.label()).findFirst().orElse(id), f.value(), f.sentence(), f.because().text(),
                    f.because().source().id(), cite(article, f.because().citations())));
        });
        return new DiagnosisView(new ArticleRef(article.id(), article.title(), article.version()), d.complete(),
                d.missingFacts().stream().map(Fact::id).toList(), findings,
                d.remediation().stream().map(s -> StepView.of(article, s, known)).toList(), cite(article, d.citations()),
                d.summary(), details, d.notes().stream().map(n -> Note.of(article, n)).toList(),
                d.missingFacts().stream().map(f -> FactToCheck.of(article, f, known)).toList(), null, null, null,
                plansByCase.isEmpty() ? null : plansByCase.stream().map(c -> PlanCaseView.of(article, c)).toList());
    }

    static List<CitationView> cite(Article article, List<Citation> citations) {
        return citations.stream().map(c -> new CitationView(c.section(),
                article.section(c.section()).map(s -> s.title()).orElse(c.section()), c.quote())).toList();
    }

    @Schema(description = "The article a diagnosis comes from")
    public record ArticleRef(String id, String title, String version) {
    }

    @Schema(name = "Step", description = "A remediation step")
    public record StepView(
            @Schema(description = "The step's id in the article's flow.yaml", examples = "remove-usenewapi") String id,
            String title, String detail,
            @Schema(description = "The command lines to run for this server (see instructions for the output to"
                    + " expect, and for what to click where Windows has no command)") List<String> commands,
            @Schema(enumeration = {"article", "inference"},
                    description = "inference: the step goes beyond what the article says") String source,
            List<CitationView> citations,
            @Schema(description = "What to run or click, in order, with the output to expect") List<CommandView>
                    instructions) {

        static StepView of(Article article, RemediationStep s, Map<String, String> known) {
            List<CommandView> instructions = CommandView.of(article, s.step().commands(), known);
            return new StepView(s.id(), s.step().title(), s.detail(), CommandView.lines(instructions), s.source().id(),
                    cite(article, s.citations()), instructions);
        }
    }

    @Schema(description = "A verbatim quote of one article section")
    public record CitationView(
            @Schema(description = "The section's anchor (see GET /api/v1/articles/{articleId})",
                    examples = "runtime-decision") String section,
            String sectionTitle, String quote) {
    }

    public record FindingDetail(
            @Schema(description = "What the finding is about, for people: \"The driver's method\"") String label,
            String value, String statement, String explanation,
            @Schema(enumeration = {"article", "inference"}) String source, List<CitationView> citations) {
    }

    public record Note(String text, @Schema(enumeration = {"article", "inference"}) String source,
            List<CitationView> citations) {

        static Note of(Article article, Explanation e) {
            return new Note(e.text(), e.source().id(), cite(article, e.citations()));
        }
    }

    public record FactToCheck(String factId, String question, String help, List<String> commands,
            @Schema(description = "What to run or click, with the output to expect") List<CommandView> instructions) {

        static FactToCheck of(Article article, Fact f, Map<String, String> known) {
            List<CommandView> instructions = CommandView.of(article, f.commands(), known);
            return new FactToCheck(f.id(), f.question(), f.help(), CommandView.lines(instructions), instructions);
        }
    }
}
