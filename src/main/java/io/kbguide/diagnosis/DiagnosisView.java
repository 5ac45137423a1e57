package io.kbguide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kbguide.engine.Article;
import io.kbguide.engine.Citation;
import io.kbguide.engine.Diagnosis;
import io.kbguide.engine.Explanation;
import io.kbguide.engine.Fact;
import io.kbguide.engine.MissingFact;
import io.kbguide.present.Verdict;
import io.kbguide.present.Wording;
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
@Schema(name = "Diagnosis", description = "What the article says about one server.", requiredProperties = {"article",
        "complete", "missingFacts", "findings", "remediation", "citations", "summary", "findingDetails", "notes",
        "toFindOut", "verdict", "facts"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"verdict"}) // the answer first, in JSON too
public record DiagnosisView(
        ArticleRef article,
        @Schema(description = "True when no unknown fact could still change a finding or a step") boolean complete,
        @Schema(description = "Unknown facts whose answer could still change a finding or a step, in asking order",
                examples = "[\"servicePack\"]") List<String> missingFacts,
        @Schema(description = "Each finding of the article (its decisions, GET /api/v1/articles/{articleId}) and its"
                + " value; the values of every article are listed below, from the kb. 'undetermined' means it depends"
                + " on a fact not known yet (or that the article does not describe it for this server).")
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
        List<PlanCaseView> plansByCase,
        @Schema(description = "The one line that opens the answer in every channel: the situation and what to do"
                + " (\"Exposed to the kernel memory leak: 2 steps\", \"Nothing needs to be done\", \"2 answers still"
                + " needed: ...\")") VerdictView verdict,
        @Schema(description = "One line standing for every finding the missing facts leave open (they show as"
                + " 'undetermined' in findings). Absent when every finding is settled.") String stillNeeded,
        @Schema(description = "The facts this answer is for, in asking order, and where each came from")
        List<FactUsed> facts,
        @Schema(description = "When text was sent: the parts of it that were not used, and why")
        List<IgnoredView> ignored) {

    @Schema(description = "A part of a message that was not used", requiredProperties = {"text", "why", "words"})
    public record IgnoredView(
            @Schema(description = "The part, shortened") String text,
            @Schema(enumeration = {"heading", "unticked", "server-table", "empty-field", "quoted-history",
                    "article-quote", "foreign", "unknown-words", "corrected", "not-read"}) String why,
            @Schema(description = "Why, in words") String words) {
    }

    /** The same diagnosis with the parts of its text that were not used. */
    public DiagnosisView withIgnored(List<IgnoredView> parts) {
        return new DiagnosisView(article, complete, missingFacts, findings, remediation, citations, summary,
                findingDetails, notes, toFindOut, understood, unclear, dependsOnTypedText, plansByCase, verdict,
                stillNeeded, facts, parts == null || parts.isEmpty() ? null : parts);
    }

    /**
     * The same diagnosis with, of the person's own words, only the facts given here as read from them (null or
     * empty: none), and neither what could not be used nor the parts of a message that were not: for a reader who is
     * to see no more of those words (a help desk, when {@code kbguide.webhook.include-text} is off).
     */
    public DiagnosisView withTextRead(List<UnderstoodView> read) {
        return new DiagnosisView(article, complete, missingFacts, findings, remediation, citations, summary,
                findingDetails, notes, toFindOut, read == null || read.isEmpty() ? null : List.copyOf(read), null,
                dependsOnTypedText, plansByCase, verdict, stillNeeded, facts, null);
    }

    /** The same diagnosis with what was read from a text message. */
    public DiagnosisView withText(List<UnderstoodView> understood, List<UnclearView> unclear,
            List<String> dependsOnTypedText) {
        Map<String, String> origins = new LinkedHashMap<>();
        if (understood != null) {
            understood.forEach(u -> origins.put(u.factId(), u.source()));
        }
        return new DiagnosisView(article, complete, missingFacts, findings, remediation, citations, summary,
                findingDetails, notes, toFindOut, understood, unclear, dependsOnTypedText, plansByCase, verdict,
                stillNeeded, withOrigins(facts, origins, "given"), ignored);
    }

    /** The same diagnosis for these facts. */
    public DiagnosisView withFacts(List<FactUsed> facts) {
        return new DiagnosisView(article, complete, missingFacts, findings, remediation, citations, summary,
                findingDetails, notes, toFindOut, understood, unclear, dependsOnTypedText, plansByCase, verdict,
                stillNeeded, facts, ignored);
    }

    /** The same diagnosis with where each fact came from (fact id to origin; others get {@code otherwise}). */
    public DiagnosisView withOrigins(Map<String, String> origins, String otherwise) {
        return new DiagnosisView(article, complete, missingFacts, findings, remediation, citations, summary,
                findingDetails, notes, toFindOut, understood, unclear, dependsOnTypedText, plansByCase, verdict,
                stillNeeded, withOrigins(facts, origins, otherwise), ignored);
    }

    private static List<FactUsed> withOrigins(List<FactUsed> facts, Map<String, String> origins, String otherwise) {
        return facts.stream().map(f -> new FactUsed(f.factId(), f.name(), f.value(), f.label(),
                origins.getOrDefault(f.factId(), otherwise))).toList();
    }

    @Schema(description = "A fact a diagnosis is for", requiredProperties = {"factId", "name", "value", "label",
            "origin"})
    public record FactUsed(String factId,
            @Schema(description = "What the fact is called, for people") String name,
            @Schema(description = "The value as the rules see it (a choice, or a version band)") String value,
            String label,
            @Schema(enumeration = {"given", "button", "typed", "pasted", "collected", "explicit"}, description = "given: sent"
                    + " as facts; button: chosen in a conversation; typed: read from typed words; pasted: read from"
                    + " recognised command output; collected: read from the evidence collector's output; explicit: sent"
                    + " as facts beside text") String origin) {

        /** A fact sent as facts, with its value as the rules see it. */
        static FactUsed given(Fact fact, String value) {
            return new FactUsed(fact.id(), fact.name(), value, fact.labelOf(value), "given");
        }
    }

    @Schema(name = "Verdict", description = "The answer in one line", requiredProperties = {"kind", "text", "steps",
            "answersNeeded"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerdictView(
            @Schema(enumeration = {"steps", "nothing-to-do", "answers-needed"}, description = "steps: carry out"
                    + " the steps; nothing-to-do; answers-needed: no step that changes the server is safe to"
                    + " advise until the missing facts are known (see plansByCase and toFindOut)") String kind,
            @Schema(description = "The line itself") String text,
            @Schema(description = "The article's words for the situation; absent where none applies")
            String headline,
            @Schema(description = "How many steps remediation lists", minimum = "0") int steps,
            @Schema(description = "The missing facts, as they are called for people, in asking order")
            List<String> answersNeeded) {

        static VerdictView of(Verdict v) {
            return new VerdictView(v.kind(), v.text(), v.headline(), v.steps(), v.answersNeeded());
        }
    }

    @Schema(description = "What one answer to the missing facts would lead to", requiredProperties = {"when",
            "remediation", "text"})
    public record PlanCaseView(
            @Schema(description = "Fact id to value (a choice value, or a version band id)",
                    examples = "{\"threeGb\": \"yes\"}") Map<String, String> when,
            @Schema(description = "The step ids that would be advised, in order") List<String> remediation,
            @Schema(description = "The case in words: \"If <fact> is \\\"<label>\\\": 1. <step>; 2. ...\"")
            String text) {

        static PlanCaseView of(Article article, PlanCase c) {
            return new PlanCaseView(c.when(), c.remediation(), Wording.caseText(article, c));
        }
    }

    @Schema(description = "A fact read from text (or, on the diagnosis endpoint, given explicitly)",
            requiredProperties = {"factId", "value", "label", "evidence", "source", "name"})
    public record UnderstoodView(String factId, String value, String label,
            @Schema(description = "The words that decided it, with any negation or attribution in them, or the line"
                    + " of pasted output it was read from") String evidence,
            @Schema(enumeration = {"typed", "pasted", "collected", "explicit"}, description = "typed: words a person wrote;"
                    + " pasted: recognised command output; explicit: the request's facts") String source,
            @Schema(description = "What the fact is called, for people: \"the service pack\"") String name) {

        public static UnderstoodView of(Article article, String factId, String value, String evidence,
                String source) {
            Fact fact = article.fact(factId).orElseThrow();
            return new UnderstoodView(factId, value, fact.labelOf(value), evidence, source, fact.name());
        }
    }

    @Schema(description = "A fact the text mentioned but that could not be used", requiredProperties = {"factId",
            "message", "candidates"})
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
                d.missing().stream().map(m -> FactToCheck.of(article, m, known)).toList(), null, null, null,
                plansByCase.isEmpty() ? null : plansByCase.stream().map(c -> PlanCaseView.of(article, c)).toList(),
                VerdictView.of(Wording.verdict(article, d, known)), Wording.stillNeeded(article, d),
                known.entrySet().stream().map(e -> FactUsed.given(article.fact(e.getKey()).orElseThrow(),
                        e.getValue())).toList(), null);
    }

    /** The citations as the API shows them. */
    public static List<CitationView> citations(Article article, List<Citation> citations) {
        return cite(article, citations);
    }

    static List<CitationView> cite(Article article, List<Citation> citations) {
        return citations.stream().map(c -> new CitationView(c.section(),
                article.section(c.section()).map(s -> s.title()).orElse(c.section()), c.quote())).toList();
    }

    @Schema(description = "The article a diagnosis comes from", requiredProperties = {"id", "title", "version"})
    public record ArticleRef(String id, String title, String version) {
    }

    @Schema(name = "Step", description = "A remediation step", requiredProperties = {"id", "title", "detail",
            "commands", "source", "citations", "instructions"})
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

    @Schema(description = "A verbatim quote of one article section", requiredProperties = {"section",
            "sectionTitle", "quote"})
    public record CitationView(
            @Schema(description = "The section's anchor (see GET /api/v1/articles/{articleId})",
                    examples = "runtime-decision") String section,
            String sectionTitle, String quote) {
    }

    @Schema(requiredProperties = {"label", "value", "statement", "explanation", "source", "citations"})
    public record FindingDetail(
            @Schema(description = "What the finding is about, for people: \"The driver's method\"") String label,
            String value, String statement, String explanation,
            @Schema(enumeration = {"article", "inference"}) String source, List<CitationView> citations) {
    }

    @Schema(requiredProperties = {"text", "source", "citations"})
    public record Note(String text, @Schema(enumeration = {"article", "inference"}) String source,
            List<CitationView> citations) {

        static Note of(Article article, Explanation e) {
            return new Note(e.text(), e.source().id(), cite(article, e.citations()));
        }
    }

    @Schema(requiredProperties = {"factId", "question", "help", "commands", "instructions", "name"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FactToCheck(String factId, String question, String help, List<String> commands,
            @Schema(description = "What to run or click, with the output to expect") List<CommandView> instructions,
            @Schema(description = "What the fact is called, for people") String name,
            @Schema(description = "Where it matters only for some answers of other missing facts: fact id to those"
                    + " values (each holds wherever it matters). Absent when it matters whatever they are.",
                    examples = "{\"version\": [\"1.2.3\"]}") Map<String, List<String>> onlyIf,
            @Schema(description = "onlyIf in words: \"only if <fact> is <label>\"") String onlyIfText) {

        static FactToCheck of(Article article, MissingFact m, Map<String, String> known) {
            Fact f = m.fact();
            List<CommandView> instructions = CommandView.of(article, f.commands(), known);
            return new FactToCheck(f.id(), f.question(), f.help(), CommandView.lines(instructions), instructions,
                    f.name(), m.onlyIf().isEmpty() ? null : m.onlyIf(), Wording.onlyIf(article, m));
        }
    }
}
