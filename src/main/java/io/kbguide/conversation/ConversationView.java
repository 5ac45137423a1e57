package io.kbguide.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kbguide.diagnosis.DiagnosisView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A conversation's current step, with the id to continue it. */
@Schema(name = "Conversation", requiredProperties = {"conversationId", "step"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationView(
        @Schema(description = "Continue with this id; it changes at every step. It carries the answers, signed,"
                + " so it works after a restart and on any instance with the same signing key.")
        String conversationId,
        @Schema(description = "Set when the conversation had to be carried over to a newer article version")
        String notice,
        @Schema(description = "For a text reply: the facts read from it, with the words or output line each came"
                + " from") List<DiagnosisView.UnderstoodView> understood,
        @Schema(description = "For a text reply: facts it mentioned that could not be used (given two values,"
                + " contradicting an earlier answer, or in an unusable form), and why")
        List<DiagnosisView.UnclearView> unclear,
        TurnView step,
        @Schema(description = "Before the first answer, where the article has one: its evidence collector, a read-only"
                + " script to run on the server; pasting what it prints answers what it can gather, with no"
                + " read-back") CollectorLinks collector,
        @Schema(description = "For a text reply: the parts of the message that were not used, and why (a heading,"
                + " an empty field, quoted older mail, the article's own words, a language the reader cannot read"
                + " yet): nothing is dropped silently") List<DiagnosisView.IgnoredView> ignored,
        @Schema(description = "For a text reply that asked questions: what the article says to each, in its own"
                + " words (never generated), or that it does not say; the step itself stays where it was")
        List<ArticleSays> articleSays) {

    public ConversationView(String conversationId, String notice, TurnView step) {
        this(conversationId, notice, null, null, step, null, null, null);
    }

    /**
     * A step that is not part of a conversation yet: the article a first message is about is to be chosen (its JSON
     * is an {@link ArticleRouting}: no conversation id).
     */
    public static ConversationView routing(TurnView step) {
        return new ConversationView(null, null, step);
    }

    /** How the API describes a routing step's body: the step, and no conversation yet. */
    @Schema(name = "ArticleRouting", description = "A first message without articleId that matches several articles"
            + " (step type choose-article) or none (no-article): no conversation has started", requiredProperties = {
            "step"})
    public record ArticleRouting(TurnView step) {
    }

    @Schema(description = "A question the person asked, and what the article says to it", requiredProperties = {
            "question", "kind", "text"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArticleSays(
            @Schema(description = "The question as the person wrote it") String question,
            @Schema(enumeration = {"quoted", "purpose", "not-said"}, description = "quoted: passages of the article"
                    + " answer it, word for word; purpose: why a question of the check is asked, as the kb writes it;"
                    + " not-said: the article does not say") String kind,
            @Schema(description = "The answer in words for people: the passages quoted, the purpose, or that the"
                    + " article does not say (and what to do then)") String text,
            @Schema(description = "For quoted: the section the passages come from, by anchor") String section,
            @Schema(description = "For quoted: the section's title") String sectionTitle,
            @Schema(description = "For quoted: where the section is, on the service's article page") String link,
            @Schema(description = "For quoted: the passages, word for word, in article order") List<String> quotes,
            @Schema(description = "For purpose: the fact whose question it is") String factId,
            @Schema(description = "For purpose: the sources of the purpose (article or inference)") String source,
            @Schema(description = "For purpose: the article's words it rests on")
            List<DiagnosisView.CitationView> citations) {
    }

    @Schema(description = "An article a first message may be about", requiredProperties = {"id", "title"})
    public record ArticleChoice(String id, String title) {
    }


    @Schema(description = "The evidence collector's download paths (relative to the service)",
            requiredProperties = {"cmd", "ps1"})
    public record CollectorLinks(
            @Schema(description = "cmd.exe script, Windows 2000 and 2003", examples = "/api/v1/articles/x/collector")
            String cmd,
            @Schema(description = "PowerShell script, Windows Server 2008 or later") String ps1) {

        public static CollectorLinks of(String articleId) {
            String path = "/api/v1/articles/" + articleId + "/collector";
            return new CollectorLinks(path, path + "?format=ps1");
        }
    }


    @Schema(name = "ConversationStep", description = "Either a question or the diagnosis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TurnView(
            @Schema(enumeration = {"question", "readback", "diagnosis", "choose-article", "no-article"},
                    description = "readback: the diagnosis is ready, but facts it rests on were read from typed words;"
                    + " confirm them (POST .../confirm) or change them (a reply with factId and value) first."
                    + " choose-article: a first message without articleId matches several articles; no-article: it"
                    + " matches none (neither has a conversationId)") String type,
            Question question,
            @Schema(description = "The answers that apply, in the order they were asked") List<AnswerView> answers,
            @Schema(description = "Answers given before their question came (typed or pasted with others): used"
                    + " when their question comes. On a diagnosis: answers the outcome did not need. Absent when"
                    + " there are none") List<AnswerView> earlyAnswers,
            Progress progress,
            @Schema(description = "The same object the diagnosis endpoint returns") DiagnosisView diagnosis,
            @Schema(description = "For a readback step: the facts read from typed words that decide the steps to"
                    + " advise, with the words each was read from") List<ReadBackItem> readBack,
            @Schema(description = "For a choose-article step: the articles the first message may be about, best first;"
                    + " start again with the one chosen as articleId (and the same text)") List<ArticleChoice> articles,
            @Schema(description = "For a choose-article or no-article step: what to tell the person (for no-article,"
                    + " with whom to contact)") String message) {

        public TurnView(String type, Question question, List<AnswerView> answers, List<AnswerView> earlyAnswers,
                Progress progress, DiagnosisView diagnosis) {
            this(type, question, answers, earlyAnswers, progress, diagnosis, null, null, null);
        }

        public TurnView(String type, Question question, List<AnswerView> answers, List<AnswerView> earlyAnswers,
                Progress progress, DiagnosisView diagnosis, List<ReadBackItem> readBack) {
            this(type, question, answers, earlyAnswers, progress, diagnosis, readBack, null, null);
        }
    }

    @Schema(description = "A fact to confirm before the diagnosis: what was read, from which words, and the other"
            + " choices to change it to", requiredProperties = {"factId", "question", "value", "label", "choices",
            "weak"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReadBackItem(String factId, String question, String value, String label,
            @Schema(description = "The words it was read from, with any negation or attribution") String evidence,
            @Schema(description = "The values it can be changed to; empty for a version (send it as a value)")
            List<Choice> choices,
            @Schema(description = "True when the value rests on one bare word (\"2\", \"no\"): weak evidence, to"
                    + " check with care") boolean weak) {

        /** Whether words rest on one bare word or number. */
        public static boolean weak(String evidence) {
            return evidence != null && evidence.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "")
                    .split("\\s+").length <= 1;
        }
    }

    @Schema(requiredProperties = {"factId", "text", "help", "commands", "choices", "allowUnknown", "instructions"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            @Schema(examples = "servicePack") String factId,
            String text, String help, List<String> commands,
            @Schema(description = "The answers to choose from; for a version question the version ranges the article"
                    + " distinguishes (an exact version may be typed instead, see 'format' and 'typeIn')")
            List<Choice> choices,
            @Schema(description = "Whether \"unknown\" (I don't know) is accepted") boolean allowUnknown,
            @Schema(description = "For a question that takes a typed answer (a version, a number): what a valid"
                    + " answer looks like") String format,
            @Schema(description = "For a question that takes a typed answer: what to type, in a few words, as in"
                    + " \"Or type the exact version\"", examples = "the exact version") String typeIn,
            @Schema(description = "Why the question is asked again, or what to confirm") String hint,
            @Schema(description = "What to run or click to find the answer, with the output to expect, for the server"
                    + " the answers so far describe") List<io.kbguide.diagnosis.CommandView> instructions) {
    }

    @Schema(requiredProperties = {"value", "label"})
    public record Choice(String value, String label) {
    }

    @Schema(requiredProperties = {"factId", "value", "label", "name", "origin"})
    public record AnswerView(String factId, String value, String label,
            @Schema(description = "What the fact is called, for people: \"the service pack\"") String name,
            @Schema(enumeration = {"button", "typed", "pasted", "collected"}, description = "Where the answer came from: a"
                    + " button (or a value sent as factId and value), typed words, or recognised pasted output")
            String origin) {
    }

    @Schema(requiredProperties = {"answered", "remainingAtMost"})
    public record Progress(
            @Schema(description = "Questions answered so far", minimum = "0") int answered,
            @Schema(description = "The most questions that can still come, this one included", minimum = "0")
            int remainingAtMost) {
    }
}
