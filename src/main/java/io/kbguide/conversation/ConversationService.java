package io.kbguide.conversation;

import io.kbguide.diagnosis.DiagnosisView;
import io.kbguide.engine.Answer;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.engine.Version;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.problem.Problem;
import io.kbguide.problem.ProblemException;
import io.kbguide.text.Conflict;
import io.kbguide.text.Extraction;
import io.kbguide.text.Rejection;
import io.kbguide.text.TextUnderstanding;
import io.kbguide.text.Understood;
import jakarta.enterprise.context.ApplicationScoped;

import io.kbguide.text.Source;
import io.kbguide.text.Unclear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The steps of a guided conversation, shared by every channel (JSON API, text, Slack, widget). */
@ApplicationScoped
public class ConversationService {

    private final ArticleRegistry registry;
    private final ConversationCodec codec;

    /** "I don't know" in any article's conversation, when nothing else could be read from the message. */
    private static final Pattern DONT_KNOW = Pattern.compile("(?i).*\\b(i\\s+(?:really\\s+)?(?:do\\s*n[o']?t|dont)"
            + "\\s+know|no\\s+idea|not\\s+sure|unsure|dunno|idk|unknown|no\\s+clue|can'?t\\s+tell|cannot\\s+tell|"
            + "(?:have|has)\\s*n[o']?t\\s+(?:got\\s+)?a\\s+clue)\\b.*|\\s*\\?+\\s*", Pattern.DOTALL);

    public ConversationService(ArticleRegistry registry, ConversationCodec codec) {
        this.registry = registry;
        this.codec = codec;
    }

    /** A decoded conversation: its flow, where it stands, and what to tell the user about its state. */
    public record Loaded(GuidedFlow flow, List<Answer> answers, GuidedFlow.Position position, String notice,
            ConversationCodec.Confirmation confirm, Map<String, String> typed) {

        public Loaded {
            typed = typed == null ? Map.of() : typed;
        }
    }

    /** What a text reply adds to the step shown: what was read, what was not, and a hint for the question. */
    private record Reading(List<DiagnosisView.UnderstoodView> understood, List<DiagnosisView.UnclearView> unclear,
            String hint) {
        static final Reading NONE = new Reading(null, null, null);
    }

    public ConversationView start(String articleId) {
        GuidedFlow flow = flow(registry.require(articleId));
        return view(flow, List.of(), null);
    }

    /** Starts a conversation and reads a first message, such as pasted systeminfo and reg query output. */
    public ConversationView start(String articleId, String text) {
        GuidedFlow flow = flow(registry.require(articleId));
        return replyText(new Loaded(flow, List.of(), flow.replay(List.of()), null, null, Map.of()), text);
    }

    public ConversationView get(String conversationId) {
        Loaded loaded = load(conversationId);
        return render(loaded.flow(), loaded.answers(), loaded.notice(), loaded.confirm(), loaded.typed(),
                Reading.NONE);
    }

    /**
     * Confirms the facts a read-back step shows: they count as answered by the user from then on. Harmless when
     * no read-back is pending (the current step is returned unchanged).
     */
    public ConversationView confirm(String conversationId) {
        Loaded loaded = load(conversationId);
        Map<String, String> typed = new LinkedHashMap<>(loaded.typed());
        if (loaded.confirm() == null) {
            typed.keySet().removeAll(readBackFacts(loaded.flow(), loaded.position(), typed));
        }
        return render(loaded.flow(), loaded.answers(), loaded.notice(), loaded.confirm(), typed, Reading.NONE);
    }

    /** Reads a typed or pasted message: it may answer several questions, or correct earlier answers. */
    public ConversationView replyText(String conversationId, String text) {
        return replyText(load(conversationId), text);
    }

    private ConversationView replyText(Loaded loaded, String text) {
        CompiledArticle article = loaded.flow().article();
        TextUnderstanding understanding = registry.requireUnderstanding(article.id());
        String current = loaded.confirm() != null ? loaded.confirm().factId()
                : loaded.position().finished() ? null : loaded.position().next().id();
        Map<String, String> recorded = new LinkedHashMap<>();
        loaded.answers().forEach(a -> recorded.put(a.factId(), a.value()));
        Extraction extraction = understanding.extract(text, current, recorded);
        Map<String, String> typed = new LinkedHashMap<>(loaded.typed());

        List<DiagnosisView.UnderstoodView> understood = new ArrayList<>();
        List<DiagnosisView.UnclearView> unclear = new ArrayList<>();
        List<Understood> toApply = new ArrayList<>();
        ConversationCodec.Confirmation confirm = null;
        StringBuilder hint = new StringBuilder();
        for (Understood u : extraction.understood()) {
            Fact fact = article.article().fact(u.factId()).orElseThrow();
            String prior = recorded.get(u.factId());
            boolean confirming = loaded.confirm() != null && loaded.confirm().factId().equals(u.factId());
            if (prior != null && !Fact.UNKNOWN.equals(prior) && !fact.sameAnswer(prior, u.value()) && !confirming) {
                unclear.add(new DiagnosisView.UnclearView(u.factId(), "You answered \"" + fact.labelOf(prior)
                        + "\" before, but this message says \"" + fact.labelOf(u.value()) + "\" (from \""
                        + u.evidence() + "\"). Which is right?", List.of(prior, u.value())));
                if (confirm == null) {
                    confirm = new ConversationCodec.Confirmation(u.factId(), List.of(prior, u.value()));
                }
            } else {
                toApply.add(u);
            }
        }
        for (Conflict c : extraction.conflicts()) {
            Fact fact = article.article().fact(c.factId()).orElseThrow();
            List<String> values = c.candidates().stream().map(Understood::value).distinct().toList();
            unclear.add(new DiagnosisView.UnclearView(c.factId(), "The message gives more than one answer to \""
                    + fact.question() + "\": " + String.join(" and ", c.candidates().stream().map(u -> "\""
                    + fact.labelOf(u.value()) + "\" (from \"" + u.evidence() + "\")").toList())
                    + ". Which is right?", values));
            if (confirm == null) {
                confirm = new ConversationCodec.Confirmation(c.factId(), values);
            }
        }
        for (Rejection r : extraction.rejections()) {
            unclear.add(new DiagnosisView.UnclearView(r.factId(), r.reason() + " (from \"" + r.evidence() + "\")",
                    List.of()));
            hint.append(hint.length() == 0 ? "" : " ").append(r.reason());
        }
        for (Unclear u : extraction.unclear()) {
            unclear.add(new DiagnosisView.UnclearView(u.factId(), u.message() + " (from \"" + u.evidence() + "\")",
                    u.value() == null ? List.of() : List.of(u.value())));
            if (u.factId().equals(current)) {
                hint.append(hint.length() == 0 ? "" : " ").append("You wrote \"").append(u.evidence())
                        .append("\": ").append(u.message());
            }
        }
        if (toApply.isEmpty() && confirm == null && unclear.isEmpty()) {
            if (current != null && DONT_KNOW.matcher(text).matches()
                    && understanding.namedFacts(text).stream().allMatch(current::equals)) {
                toApply.add(new Understood(current, Fact.UNKNOWN, "I don't know", Source.TYPED));
                understood.add(DiagnosisView.UnderstoodView.of(article.article(), current, Fact.UNKNOWN,
                        abbreviate(text), Source.TYPED.id()));
            } else {
                hint.append("I could not read an answer").append(current == null ? "" : " to this question")
                        .append(" from \"").append(abbreviate(text)).append("\".")
                        .append(current == null ? "" : " Choose one of the answers below, or say you don't know.");
            }
        }
        // apply one answer at a time: an answer contradicting the others is asked back, never dropped silently
        Loaded now = loaded;
        for (Understood u : toApply) {
            List<Answer> next;
            try {
                next = apply(now, new Answer(u.factId(), u.value()));
            } catch (ProblemException contradiction) {
                Fact fact = article.article().fact(u.factId()).orElseThrow();
                List<String> fitting = fitting(now, fact);
                unclear.add(new DiagnosisView.UnclearView(u.factId(), "\"" + fact.labelOf(u.value())
                        + "\" (from \"" + u.evidence() + "\") cannot be true together with your other answers: "
                        + contradiction.getMessage().replace(" The conversation is unchanged: continue with the same"
                        + " conversationId.", "") + " Please answer again, or correct the other answer.",
                        fitting));
                if (confirm == null) {
                    confirm = new ConversationCodec.Confirmation(u.factId(), fitting);
                }
                typed.remove(u.factId());
                continue;
            }
            now = new Loaded(now.flow(), next, now.flow().replay(next), now.notice(), null, typed);
            if (!Fact.UNKNOWN.equals(u.value())) {
                Fact fact = article.article().fact(u.factId()).orElseThrow();
                String prior = recorded.get(u.factId());
                boolean alreadyConfirmed = prior != null && fact.sameAnswer(prior, u.value())
                        && !loaded.typed().containsKey(u.factId());
                if (u.source() == Source.PASTED || alreadyConfirmed) {
                    typed.remove(u.factId());
                } else {
                    typed.put(u.factId(), ConversationCodec.cut(u.evidence()));
                }
                understood.add(DiagnosisView.UnderstoodView.of(article.article(), u.factId(), u.value(),
                        u.evidence(), u.source().id()));
            }
        }
        if (confirm == null && loaded.confirm() != null
                && toApply.stream().noneMatch(a -> a.factId().equals(loaded.confirm().factId()))) {
            confirm = loaded.confirm();
        }
        return render(loaded.flow(), now.answers(), loaded.notice(), confirm, typed,
                new Reading(understood, unclear, hint.length() == 0 ? null : hint.toString()));
    }

    /** The values of a fact that do not contradict the other answers (all of them if none fits). */
    private List<String> fitting(Loaded loaded, Fact fact) {
        List<String> fit = new ArrayList<>();
        for (String v : fact.domain()) {
            try {
                apply(loaded, new Answer(fact.id(), fact.representative(v)));
                fit.add(fact.representative(v));
            } catch (ProblemException e) {
                // contradicts: not offered
            }
        }
        return fit.isEmpty() ? fact.domain().stream().map(fact::representative).toList() : fit;
    }

    private static String abbreviate(String text) {
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= 80 ? folded : folded.substring(0, 77) + "...";
    }

    /** Answers the current question, corrects an earlier answer, or answers a later question early. */
    public ConversationView reply(String conversationId, String factId, String value) {
        Loaded loaded = load(conversationId);
        CompiledArticle article = loaded.flow().article();
        Fact fact = article.article().fact(factId).orElseThrow(() -> ProblemException.badRequest("invalid-reply",
                "Invalid reply", "'" + factId + "' is not a fact of article '" + article.id() + "'.",
                List.of(new Problem.FieldError("factId", "unknown fact", String.join(", ",
                        article.article().facts().stream().map(Fact::id).toList())))));
        String normalized = normalize(fact, value);
        if (!Fact.UNKNOWN.equals(normalized) && Fact.UNKNOWN.equals(fact.resolve(normalized).orElseThrow())) {
            // "5.0" may or may not be 5.0.3: ask for the exact version rather than guess
            return render(loaded.flow(), loaded.answers(), loaded.notice(), loaded.confirm(), loaded.typed(),
                    new Reading(null, null, "\"" + value.trim() + "\" covers versions the article treats"
                            + " differently. Please give the exact version (Help, About in the Heartbeat Management"
                            + " Client), or choose one of the ranges."));
        }
        Map<String, String> typed = new LinkedHashMap<>(loaded.typed());
        typed.remove(fact.id());
        return render(loaded.flow(), apply(loaded, new Answer(fact.id(), normalized)), loaded.notice(), null, typed,
                Reading.NONE);
    }


    /** Applies answers to a conversation: later ones win; answers that no longer apply are dropped. */
    public List<Answer> apply(Loaded loaded, Answer... replies) {
        List<Answer> answers = new ArrayList<>(loaded.answers());
        for (Answer reply : replies) {
            int at = indexOf(answers, reply.factId());
            if (at >= 0) {
                answers.set(at, reply);
            } else {
                answers.add(reply);
            }
        }
        GuidedFlow.Position position;
        try {
            position = loaded.flow().replay(answers);
        } catch (InvalidFactsException e) {
            var error = e.errors().get(0);
            throw ProblemException.badRequest("contradictory-answer", "Contradictory answer",
                    e.getMessage() + " The conversation is unchanged: continue with the same conversationId.",
                    List.of(new Problem.FieldError("value", error.message(), error.allowed())));
        }
        // keep the path, plus early answers whose question has not come yet; drop answers that left the path
        List<Answer> kept = new ArrayList<>(position.path());
        for (Answer a : answers) {
            boolean onPath = indexOf(position.path(), a.factId()) >= 0;
            boolean wasOnPath = indexOf(loaded.position().path(), a.factId()) >= 0;
            if (!onPath && !wasOnPath) {
                kept.add(a);
            }
        }
        return kept;
    }

    public ConversationView back(String conversationId) {
        Loaded loaded = load(conversationId);
        if (loaded.confirm() != null) {
            // leave the confirmation: the earlier answer stays
            return render(loaded.flow(), loaded.answers(), loaded.notice(), null, loaded.typed(), Reading.NONE);
        }
        List<Answer> path = loaded.position().path();
        if (path.isEmpty()) {
            throw new ProblemException(409, "nothing-to-undo", "Nothing to go back to",
                    "This is the first question; there is no earlier answer to go back to.", List.of());
        }
        List<Answer> answers = new ArrayList<>(loaded.answers());
        answers.remove(indexOf(answers, path.get(path.size() - 1).factId()));
        return render(loaded.flow(), answers, loaded.notice(), null, loaded.typed(), Reading.NONE);
    }

    public ConversationView restart(String conversationId) {
        Loaded loaded = load(conversationId);
        return view(loaded.flow(), List.of(), loaded.notice());
    }

    /** Decodes an id, carrying it over to the current article version where its answers still apply. */
    public Loaded load(String conversationId) {
        ConversationCodec.State state;
        try {
            state = codec.decode(conversationId);
        } catch (ConversationCodec.InvalidIdException e) {
            throw ProblemException.badRequest("invalid-conversation-id", "Invalid conversation id",
                    "The conversation id is not valid: " + e.getMessage()
                            + ". Start a new conversation with POST /api/v1/conversations.",
                    List.of(new Problem.FieldError("conversationId", e.getMessage(), null)));
        }
        Optional<CompiledArticle> article = registry.find(state.articleId());
        if (article.isEmpty()) {
            throw new ProblemException(410, "article-gone", "Article no longer available",
                    "This conversation was about article '" + state.articleId() + "', which the service no longer"
                            + " has. Start a new conversation.", List.of());
        }
        GuidedFlow flow = flow(article.get());
        String version = article.get().article().version();
        if (version.equals(state.articleVersion())) {
            return new Loaded(flow, state.answers(), flow.replay(state.answers()), null, state.confirm(),
                    state.typed());
        }
        List<Answer> carried = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Answer a : state.answers()) {
            Optional<Fact> fact = article.get().article().fact(a.factId());
            if (fact.isPresent() && (Fact.UNKNOWN.equals(a.value()) || fact.get().resolve(a.value()).isPresent())) {
                carried.add(a);
            } else {
                dropped.add(a.factId());
            }
        }
        String from = "This conversation was started on version " + state.articleVersion() + " of the article;"
                + " it now follows version " + version + ". ";
        try {
            GuidedFlow.Position position = flow.replay(carried);
            String notice = from + (dropped.isEmpty() ? "Your answers were carried over."
                    : "Answers that no longer apply were dropped: " + String.join(", ", dropped) + ".");
            Map<String, String> typed = new LinkedHashMap<>(state.typed());
            typed.keySet().retainAll(carried.stream().map(Answer::factId).toList());
            return new Loaded(flow, carried, position, notice, null, typed);
        } catch (InvalidFactsException e) {
            return new Loaded(flow, List.of(), flow.replay(List.of()),
                    from + "Your earlier answers do not fit the new version, so the conversation starts again.",
                    null, Map.of());
        }
    }

    public ConversationView view(GuidedFlow flow, List<Answer> answers, String notice) {
        return render(flow, answers, notice, null, Map.of(), Reading.NONE);
    }

    /**
     * The facts a read-back must show before this position's diagnosis: those on the path that came from typed
     * words, not confirmed yet, and that decide the steps changing the server. Empty when not finished.
     */
    static List<String> readBackFacts(GuidedFlow flow, GuidedFlow.Position position, Map<String, String> typed) {
        if (!position.finished() || typed.isEmpty()) {
            return List.of();
        }
        Map<String, String> given = new LinkedHashMap<>();
        position.path().forEach(a -> given.put(a.factId(), a.value()));
        List<String> candidates = position.path().stream().map(Answer::factId).filter(typed::containsKey)
                .filter(f -> !Fact.UNKNOWN.equals(given.get(f))).toList();
        return candidates.isEmpty() ? List.of() : flow.article().decidingFacts(given, candidates);
    }

    private ConversationView render(GuidedFlow flow, List<Answer> answers, String notice,
            ConversationCodec.Confirmation confirm, Map<String, String> typedIn, Reading reading) {
        GuidedFlow.Position position = flow.replay(answers);
        CompiledArticle article = flow.article();
        Map<String, String> typed = new LinkedHashMap<>(typedIn);
        typed.keySet().retainAll(answers.stream().map(Answer::factId).toList());
        String id = codec.encode(new ConversationCodec.State(article.id(), article.article().version(), answers,
                confirm, typed));
        List<ConversationView.AnswerView> given = position.path().stream().map(a -> answerView(article, a)).toList();
        List<ConversationView.AnswerView> early = emptyToNull(answers.stream()
                .filter(a -> indexOf(position.path(), a.factId()) < 0).map(a -> answerView(article, a)).toList());
        List<String> readBack = confirm == null ? readBackFacts(flow, position, typed) : List.of();
        ConversationView.Step step;
        if (confirm != null) {
            Fact fact = article.article().fact(confirm.factId()).orElseThrow();
            String hint = "Please confirm: " + String.join(" or ", confirm.values().stream()
                    .map(v -> "\"" + fact.labelOf(v) + "\"").toList()) + "?"
                    + (reading.hint() == null ? "" : " " + reading.hint());
            step = new ConversationView.Step("question", question(article, position, fact, confirm.values().stream()
                    .map(v -> new ConversationView.Choice(v, fact.labelOf(v))).toList(), hint, true), given, early,
                    new ConversationView.Progress(given.size(), Math.max(1, flow.remainingAtMost(position))), null);
        } else if (!readBack.isEmpty()) {
            List<ConversationView.ReadBackItem> items = new ArrayList<>();
            for (String factId : readBack) {
                Fact fact = article.article().fact(factId).orElseThrow();
                String value = position.path().get(indexOf(position.path(), factId)).value();
                items.add(new ConversationView.ReadBackItem(factId, fact.question(), value, fact.labelOf(value),
                        typed.get(factId), fact.type() == Fact.Type.VERSION ? List.of() : fact.choices().stream()
                                .map(c -> new ConversationView.Choice(c.value(), c.label())).toList()));
            }
            step = new ConversationView.Step("readback", null, given, early,
                    new ConversationView.Progress(given.size(), 1), null, items);
        } else if (position.finished()) {
            step = new ConversationView.Step("diagnosis", null, given, early, null,
                    DiagnosisView.of(article.article(), position.diagnosis(), article.plansByCase(position.codes()),
                            article.known(position.codes())));
        } else {
            Fact next = position.next();
            step = new ConversationView.Step("question", question(article, position, next, next.choices().stream()
                    .map(c -> new ConversationView.Choice(c.value(), c.label())).toList(), reading.hint(), false), given,
                    early, new ConversationView.Progress(given.size(), flow.remainingAtMost(position)), null);
        }
        return new ConversationView(id, notice, reading.understood(), emptyToNull(reading.unclear()), step);
    }

    private static ConversationView.AnswerView answerView(CompiledArticle article, Answer a) {
        Fact fact = article.article().fact(a.factId()).orElseThrow();
        return new ConversationView.AnswerView(a.factId(), a.value(), fact.labelOf(a.value()), fact.name());
    }

    private static ConversationView.Question question(CompiledArticle article, GuidedFlow.Position position,
            Fact fact, List<ConversationView.Choice> choices, String hint, boolean confirming) {
        boolean version = fact.type() == Fact.Type.VERSION;
        List<ConversationView.Choice> offered = version && !confirming ? fact.bands().stream()
                .map(b -> new ConversationView.Choice(b.id(), b.label())).toList() : choices;
        List<io.kbguide.diagnosis.CommandView> instructions = io.kbguide.diagnosis.CommandView.of(article.article(),
                fact.commands(), article.known(position.codes()));
        return new ConversationView.Question(fact.id(), fact.question(), fact.help(),
                io.kbguide.diagnosis.CommandView.lines(instructions), offered, true, version ? Version.WRITTEN : null,
                hint, instructions);
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    public GuidedFlow flow(CompiledArticle article) {
        return registry.flow(article);
    }

    private static String normalize(Fact fact, String value) {
        String trimmed = value.trim();
        if (Fact.UNKNOWN.equalsIgnoreCase(trimmed)) {
            return Fact.UNKNOWN;
        }
        if (fact.resolve(trimmed).isEmpty()) {
            throw ProblemException.badRequest("invalid-reply", "Invalid reply",
                    "'" + value + "' is not a valid answer to " + fact.id() + ".",
                    List.of(new Problem.FieldError("value", "not a valid answer to " + fact.id(), fact.allowed())));
        }
        return fact.normalize(trimmed).orElseThrow();
    }

    private static int indexOf(List<Answer> answers, String factId) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).factId().equals(factId)) {
                return i;
            }
        }
        return -1;
    }
}
