package io.kbguide.dialogue;

import io.kbguide.answers.ArticleRouter;
import io.kbguide.answers.KbAnswer;
import io.kbguide.answers.Questions;
import io.kbguide.engine.Answer;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.text.Conflict;
import io.kbguide.text.Extraction;
import io.kbguide.text.Ignored;
import io.kbguide.text.Origin;
import io.kbguide.text.Rejection;
import io.kbguide.text.Skip;
import io.kbguide.text.TextUnderstanding;
import io.kbguide.text.Unclear;
import io.kbguide.text.Understood;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guided conversation, the same for every channel: {@code next(state, input) → outcome}. A channel (the
 * REST API, Slack, the web widget) decodes what a person did into an {@link Input}, calls {@link #next}, and
 * renders the {@link Outcome} in its own way; the words are the channel's and the article's, not this class's.
 * Every step emits {@link DialogueEvent}s to the listeners, once the outcome is known.
 *
 * <p>The conversation's whole state travels in its signed id ({@link ConversationCodec}): nothing is stored, so
 * a conversation continues after a restart and on any instance with the same signing key.
 */
public final class Dialogue {

    private static final System.Logger LOG = System.getLogger(Dialogue.class.getName());

    /** "I don't know" in any article's conversation, when nothing else could be read from the message. */
    private static final Pattern DONT_KNOW = Pattern.compile("(?i).*\\b(i\\s+(?:really\\s+)?(?:do\\s*n[o']?t|dont)"
            + "\\s+know|no\\s+idea|not\\s+sure|unsure|dunno|idk|unknown|no\\s+clue|can'?t\\s+tell|cannot\\s+tell|"
            + "(?:have|has)\\s*n[o']?t\\s+(?:got\\s+)?a\\s+clue)\\b.*|\\s*\\?+\\s*", Pattern.DOTALL);

    private final Articles articles;
    private final ConversationCodec codec;
    private final List<DialogueListener> listeners;
    private final StepMemo memo;

    public Dialogue(Articles articles, ConversationCodec codec, List<DialogueListener> listeners) {
        this(articles, codec, listeners, StepMemo.NONE);
    }

    /** @param memo where steps already taken are kept ({@link StepMemo#NONE}: every step is worked out) */
    public Dialogue(Articles articles, ConversationCodec codec, List<DialogueListener> listeners, StepMemo memo) {
        this.articles = articles;
        this.codec = codec;
        this.listeners = List.copyOf(listeners);
        this.memo = memo;
    }

    /** A conversation as decoded (and carried over to the article's current version), replayed once. */
    private record Loaded(KnowledgeBaseEntry entry, List<Answer> answers, GuidedFlow.Position position,
            Notice notice, ConversationCodec.Confirmation confirm, Map<String, String> typed,
            Map<String, String> origins) {

        CompiledArticle article() {
            return entry.article();
        }
    }

    /** Answers applied to a conversation, with the position they lead to. */
    private record Applied(List<Answer> answers, GuidedFlow.Position position) {
    }

    /** A refusal, raised where it is found and returned as the outcome. */
    private static final class Refuse extends RuntimeException {
        private final transient Outcome.Refused refused;

        Refuse(Outcome.Refused refused) {
            super(refused.reason().name(), null, false, false);
            this.refused = refused;
        }
    }

    /**
     * Starts a conversation about an article, or finds the article a first message is about.
     *
     * @param articleOrNull the article, or null to find it from the text (one article found starts it; several are
     *                  offered to choose from; none is said)
     * @param text an optional first message (typed answers, pasted systeminfo and reg query output, questions), or
     *             null
     */
    public Outcome start(String articleOrNull, String text, Channel channel) {
        if (articleOrNull != null) {
            return start(articleOrNull, text, new Events(channel));
        }
        if (text == null || text.isBlank()) {
            return new Outcome.NoArticle("");
        }
        ArticleRouter.Route route = articles.route(text);
        Events events = new Events(channel);
        if (route instanceof ArticleRouter.One one) {
            events.routed("one");
            return start(one.articleId(), text, events);
        }
        if (route instanceof ArticleRouter.Several several) {
            events.routed("several");
            return events.fire(new Outcome.ChooseArticle(several.articleIds().stream()
                    .map(id -> articles.entry(id).orElseThrow().article().article()).toList(), text));
        }
        events.routed("none");
        return events.fire(new Outcome.NoArticle(text));
    }

    private Outcome start(String articleId, String text, Events events) {
        try {
            KnowledgeBaseEntry entry = articles.entry(articleId).orElseThrow(() -> new Refuse(new Outcome.Refused(
                    Refusal.UNKNOWN_ARTICLE, articleId, null, null, null, null, String.join(", ", articles.ids()))));
            events.entry = entry;
            events.add(DialogueEvent.Kind.STARTED, null, null, null);
            GuidedFlow.Position first = entry.flow().replay(List.of());
            Loaded fresh = new Loaded(entry, List.of(), first, null, null, Map.of(), Map.of());
            Outcome outcome = text == null || text.isBlank()
                    ? render(fresh, List.of(), first, null, Map.of(), Reading.NONE, List.of())
                    : text(fresh, text, events, true);
            return events.fire(outcome);
        } catch (Refuse r) {
            return events.refused(r.refused);
        }
    }

    /** The current step of a conversation, unchanged (nothing happens, so no event but a refusal). */
    public Outcome show(String conversationId, Channel channel) {
        Events events = new Events(channel);
        try {
            Loaded loaded = load(decode(conversationId), events);
            return render(loaded, loaded.answers(), loaded.position(), loaded.confirm(), loaded.typed(),
                    Reading.NONE, List.of());
        } catch (Refuse r) {
            return events.refused(r.refused);
        }
    }

    /** What the person did at the step the id stands for, and where that leads. */
    public Outcome next(String conversationId, Input input, Channel channel) {
        StepMemo.Key key = input instanceof Input.Text ? null : new StepMemo.Key(conversationId, input, channel);
        StepMemo.Step known = key == null ? null : memo.get(key);
        Events events = new Events(channel);
        if (known != null) {
            known.events().forEach(events::deliver);
            return known.outcome();
        }
        try {
            Outcome outcome = events.fire(step(load(decode(conversationId), events), input, events));
            if (key != null && outcome instanceof Outcome.Reply reply) {
                memo.put(key, new StepMemo.Step(reply, events.pending));
            }
            return outcome;
        } catch (Refuse r) {
            return events.refused(r.refused);
        }
    }

    /** The same, from a decoded state (for channels and tests that hold the state itself). */
    public Outcome next(ConversationCodec.State state, Input input, Channel channel) {
        Events events = new Events(channel);
        try {
            return events.fire(step(load(state, events), input, events));
        } catch (Refuse r) {
            return events.refused(r.refused);
        }
    }

    private Outcome step(Loaded loaded, Input input, Events events) {
        if (input instanceof Input.Answer a) {
            return answer(loaded, a.factId(), a.value(), events);
        }
        if (input instanceof Input.DontKnow d) {
            return answer(loaded, d.factId(), Fact.UNKNOWN, events);
        }
        if (input instanceof Input.Text t) {
            return text(loaded, t.text(), events, false);
        }
        if (input instanceof Input.Back) {
            return back(loaded, events);
        }
        if (input instanceof Input.Restart) {
            events.add(DialogueEvent.Kind.RESTARTED, null, null, null);
            return render(loaded, List.of(), null, null, Map.of(), Reading.NONE, List.of());
        }
        if (input instanceof Input.Confirm) {
            return confirm(loaded, events);
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    private ConversationCodec.State decode(String conversationId) {
        try {
            return codec.decode(conversationId);
        } catch (ConversationCodec.InvalidIdException e) {
            throw new Refuse(new Outcome.Refused(Refusal.INVALID_ID, null, null, null, e.getMessage(), null, null));
        }
    }

    /**
     * Confirms the facts a read-back step shows: they count as answered by the person from then on. Harmless
     * when no read-back is pending (the current step is shown unchanged).
     */
    private Outcome confirm(Loaded loaded, Events events) {
        Map<String, String> typed = new LinkedHashMap<>(loaded.typed());
        if (loaded.confirm() == null) {
            List<String> confirmed = readBackFacts(loaded.article(), loaded.position(), typed);
            confirmed.forEach(f -> events.add(DialogueEvent.Kind.CONFIRMED, f, null, null));
            typed.keySet().removeAll(confirmed);
        }
        return render(loaded, loaded.answers(), loaded.position(), loaded.confirm(), typed, Reading.NONE, List.of());
    }

    /** Answers the current question, corrects an earlier answer, or answers a later question early. */
    private Outcome answer(Loaded loaded, String factId, String value, Events events) {
        CompiledArticle article = loaded.article();
        Fact fact = article.article().fact(factId).orElseThrow(() -> new Refuse(new Outcome.Refused(
                Refusal.UNKNOWN_FACT, article.id(), factId, null, null, null, String.join(", ",
                article.article().facts().stream().map(Fact::id).toList()))));
        String trimmed = value.trim();
        String normalized;
        if (Fact.UNKNOWN.equalsIgnoreCase(trimmed)) {
            normalized = Fact.UNKNOWN;
        } else if (fact.resolve(trimmed).isEmpty()) {
            throw new Refuse(new Outcome.Refused(Refusal.INVALID_VALUE, article.id(), factId, value, null, null,
                    fact.allowed()));
        } else {
            normalized = fact.normalize(trimmed).orElseThrow();
        }
        if (!Fact.UNKNOWN.equals(normalized) && Fact.UNKNOWN.equals(fact.resolve(normalized).orElseThrow())) {
            // "5.0" may or may not be 5.0.3: ask for the exact version rather than guess
            return render(loaded, loaded.answers(), loaded.position(), loaded.confirm(), loaded.typed(),
                    Reading.NONE, List.of(new Reading.SpanningHint(trimmed)));
        }
        Applied applied = apply(loaded, new Answer(fact.id(), normalized));
        String pending = loaded.typed().get(fact.id());
        String prior = valueOf(loaded.answers(), fact.id());
        if (pending != null && prior != null && !fact.sameAnswer(prior, normalized)) {
            events.add(DialogueEvent.Kind.CORRECTED, fact.id(), normalized, "button");
        }
        events.answered(fact.id(), normalized, "button");
        Map<String, String> typed = new LinkedHashMap<>(loaded.typed());
        typed.remove(fact.id());
        return render(loaded, applied.answers(), applied.position(), null, typed, Reading.NONE, List.of());
    }

    /**
     * Reads a typed or pasted message: it may answer several questions, or correct earlier answers, and it may ask
     * questions, which are answered from the article; the step stays where it was for them.
     *
     * @param first whether the message opens the conversation (where an article without a language file takes it
     *              as the problem's description, not as answers to refuse)
     */
    private Outcome text(Loaded loaded, String message, Events events, boolean first) {
        KnowledgeBaseEntry entry = loaded.entry();
        Questions.Split split = Questions.split(message, entry::inEnglish);
        List<KbAnswer> asked = split.questions().stream().map(q -> ask(loaded, q)).toList();
        asked.forEach(a -> events.add(DialogueEvent.Kind.KB_QUESTION, a instanceof KbAnswer.Purpose p
                ? p.factId() : null, a instanceof KbAnswer.Quoted q ? q.anchor() : null, a.kind()));
        if (split.any() && split.rest().isBlank()) {
            return render(loaded, loaded.answers(), loaded.position(), loaded.confirm(), loaded.typed(),
                    Reading.NONE.withAsked(asked), List.of());
        }
        if (entry.understanding().isEmpty() && first) {
            // a first message to an article that takes buttons only: it said what the problem is
            return render(loaded, List.of(), loaded.position(), null, Map.of(), new Reading(List.of(), List.of(),
                    List.of(Ignored.of(split.rest(), Skip.NOT_READ, "this article takes answers from its buttons"
                            + " only")), asked), List.of());
        }
        Outcome read = read(loaded, split.rest(), events);
        if (read instanceof Outcome.Reply reply && !asked.isEmpty()) {
            return withAsked(reply, asked);
        }
        return read;
    }

    /** What the article says to a question asked in the conversation. */
    private KbAnswer ask(Loaded loaded, String question) {
        KnowledgeBaseEntry entry = loaded.entry();
        String english = entry.inEnglish(question);
        if (Questions.asksPurpose(english)) {
            Set<String> named = entry.understanding().map(u -> u.namedFacts(question)).orElse(Set.of());
            String factId = named.size() == 1 ? named.iterator().next() : named.isEmpty() ? pending(loaded) : null;
            Fact fact = factId == null ? null : entry.article().article().fact(factId).orElse(null);
            if (fact != null && fact.purpose() != null) {
                return new KbAnswer.Purpose(question, fact.id(), fact.question(), fact.purpose());
            }
        }
        return entry.search().answer(question, english);
    }

    /** The fact the person is asked about now: the one to confirm, else the next question; null at a diagnosis. */
    private static String pending(Loaded loaded) {
        return loaded.confirm() != null ? loaded.confirm().factId()
                : loaded.position().finished() ? null : loaded.position().next().id();
    }

    /** The same step, with the questions the message asked and what the article says to them. */
    private static Outcome withAsked(Outcome.Reply reply, List<KbAnswer> asked) {
        Outcome.Turn t = reply.turn();
        Outcome.Turn turn = new Outcome.Turn(t.entry(), t.conversationId(), t.state(), t.position(), t.early(),
                t.notice(), t.reading().withAsked(asked));
        if (reply instanceof Outcome.Ask a) {
            return new Outcome.Ask(turn, a.fact(), a.confirming(), a.hints(), a.remainingAtMost());
        }
        if (reply instanceof Outcome.ReadBack r) {
            return new Outcome.ReadBack(turn, r.facts());
        }
        return new Outcome.Diagnose(turn);
    }

    /** Reads the answers in a message (its questions taken out). */
    private Outcome read(Loaded loaded, String text, Events events) {
        CompiledArticle article = loaded.article();
        TextUnderstanding understanding = loaded.entry().understanding().orElseThrow(() -> new Refuse(
                Outcome.Refused.of(Refusal.TEXT_NOT_SUPPORTED, article.id())));
        String current = pending(loaded);
        Map<String, String> recorded = new LinkedHashMap<>();
        loaded.answers().forEach(a -> recorded.put(a.factId(), a.value()));
        Extraction extraction = understanding.extract(text, current, recorded);
        Map<String, String> typed = new LinkedHashMap<>(loaded.typed());

        List<Understood> understood = new ArrayList<>();
        List<Reading.Query> unclear = new ArrayList<>();
        List<Reading.Hint> hints = new ArrayList<>();
        List<Understood> toApply = new ArrayList<>();
        ConversationCodec.Confirmation confirm = null;
        for (Understood u : extraction.understood()) {
            Fact fact = article.article().fact(u.factId()).orElseThrow();
            String prior = recorded.get(u.factId());
            boolean confirming = loaded.confirm() != null && loaded.confirm().factId().equals(u.factId());
            if (prior != null && !Fact.UNKNOWN.equals(prior) && !fact.sameAnswer(prior, u.value()) && !confirming) {
                unclear.add(new Reading.Changed(u.factId(), prior, u.value(), u.evidence()));
                if (confirm == null) {
                    confirm = new ConversationCodec.Confirmation(u.factId(), List.of(prior, u.value()));
                }
            } else {
                toApply.add(u);
            }
        }
        for (Conflict c : extraction.conflicts()) {
            Reading.Several several = new Reading.Several(c.factId(), c.candidates());
            unclear.add(several);
            if (confirm == null) {
                confirm = new ConversationCodec.Confirmation(c.factId(), several.values());
            }
        }
        for (Rejection r : extraction.rejections()) {
            unclear.add(new Reading.Rejected(r));
            hints.add(new Reading.RejectedHint(r));
        }
        for (Unclear u : extraction.unclear()) {
            unclear.add(new Reading.Doubted(u));
            if (u.factId().equals(current)) {
                hints.add(new Reading.DoubtHint(u));
            }
        }
        if (toApply.isEmpty() && confirm == null && unclear.isEmpty()) {
            if (current != null && DONT_KNOW.matcher(text).matches()
                    && understanding.namedFacts(text).stream().allMatch(current::equals)) {
                toApply.add(new Understood(current, Fact.UNKNOWN, "I don't know", Origin.TYPED));
                understood.add(new Understood(current, Fact.UNKNOWN, abbreviate(text), Origin.TYPED));
            } else {
                events.add(DialogueEvent.Kind.NOT_UNDERSTOOD, current, null, null);
                hints.add(new Reading.NotReadHint(abbreviate(text), current != null));
            }
        }
        // apply one answer at a time: an answer contradicting the others is asked back, never dropped silently
        List<Answer> answers = loaded.answers();
        GuidedFlow.Position position = loaded.position();
        for (Understood u : toApply) {
            Fact fact = article.article().fact(u.factId()).orElseThrow();
            Applied applied;
            try {
                applied = apply(loaded.entry(), answers, position, new Answer(u.factId(), u.value()));
            } catch (Refuse contradiction) {
                List<String> fitting = fitting(loaded.entry(), answers, position, fact);
                unclear.add(new Reading.Contradicts(u.factId(), u.value(), u.evidence(),
                        contradiction.refused.detail(), fitting));
                if (confirm == null) {
                    confirm = new ConversationCodec.Confirmation(u.factId(), fitting);
                }
                typed.remove(u.factId());
                continue;
            }
            answers = applied.answers();
            position = applied.position();
            events.answered(u.factId(), u.value(), u.source().id());
            if (!Fact.UNKNOWN.equals(u.value())) {
                String prior = recorded.get(u.factId());
                boolean alreadyConfirmed = prior != null && fact.sameAnswer(prior, u.value())
                        && !loaded.typed().containsKey(u.factId());
                if (u.source() != Origin.TYPED || alreadyConfirmed) {
                    typed.remove(u.factId());
                } else {
                    typed.put(u.factId(), ConversationCodec.cut(u.evidence()));
                }
                understood.add(u);
            }
        }
        if (confirm == null && loaded.confirm() != null
                && toApply.stream().noneMatch(a -> a.factId().equals(loaded.confirm().factId()))) {
            confirm = loaded.confirm();
        }
        return render(loaded, answers, position, confirm, typed, new Reading(understood, unclear,
                extraction.ignored()), hints);
    }

    /** The values of a fact that do not contradict the other answers (all of them if none fits). */
    private List<String> fitting(KnowledgeBaseEntry entry, List<Answer> answers, GuidedFlow.Position position,
            Fact fact) {
        List<String> fit = new ArrayList<>();
        for (String v : fact.domain()) {
            try {
                apply(entry, answers, position, new Answer(fact.id(), fact.representative(v)));
                fit.add(fact.representative(v));
            } catch (Refuse e) {
                // contradicts: not offered
            }
        }
        return fit.isEmpty() ? fact.domain().stream().map(fact::representative).toList() : fit;
    }

    private static String abbreviate(String text) {
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= 80 ? folded : folded.substring(0, 77) + "...";
    }

    private Applied apply(Loaded loaded, Answer reply) {
        return apply(loaded.entry(), loaded.answers(), loaded.position(), reply);
    }

    /**
     * Applies an answer: a later one wins; answers that no longer apply are dropped. The position is that of the
     * answers kept (replaying those dropped changes nothing, as they are off the path).
     */
    private Applied apply(KnowledgeBaseEntry entry, List<Answer> before, GuidedFlow.Position was, Answer reply) {
        List<Answer> answers = new ArrayList<>(before);
        int at = indexOf(answers, reply.factId());
        if (at >= 0) {
            answers.set(at, reply);
        } else {
            answers.add(reply);
        }
        GuidedFlow.Position position;
        try {
            position = entry.flow().replay(answers);
        } catch (InvalidFactsException e) {
            var error = e.errors().get(0);
            throw new Refuse(new Outcome.Refused(Refusal.CONTRADICTORY_ANSWER, entry.id(), error.factId(),
                    reply.value(), e.getMessage(), error.message(), error.allowed()));
        }
        // keep the path, plus early answers whose question has not come yet; drop answers that left the path
        List<Answer> kept = new ArrayList<>(position.path());
        for (Answer a : answers) {
            boolean onPath = indexOf(position.path(), a.factId()) >= 0;
            boolean wasOnPath = indexOf(was.path(), a.factId()) >= 0;
            if (!onPath && !wasOnPath) {
                kept.add(a);
            }
        }
        return new Applied(kept, position);
    }

    private Outcome back(Loaded loaded, Events events) {
        if (loaded.confirm() != null) {
            // leave the confirmation: the earlier answer stays
            events.add(DialogueEvent.Kind.WENT_BACK, loaded.confirm().factId(), null, null);
            return render(loaded, loaded.answers(), loaded.position(), null, loaded.typed(), Reading.NONE,
                    List.of());
        }
        List<Answer> path = loaded.position().path();
        if (path.isEmpty()) {
            throw new Refuse(Outcome.Refused.of(Refusal.NOTHING_TO_UNDO, loaded.article().id()));
        }
        List<Answer> answers = new ArrayList<>(loaded.answers());
        String undone = path.get(path.size() - 1).factId();
        answers.remove(indexOf(answers, undone));
        events.add(DialogueEvent.Kind.WENT_BACK, undone, null, null);
        return render(loaded, answers, null, null, loaded.typed(), Reading.NONE, List.of());
    }

    /** Looks up the article and carries the state over to its current version where its answers still apply. */
    private Loaded load(ConversationCodec.State state, Events events) {
        Optional<KnowledgeBaseEntry> found = articles.entry(state.articleId());
        if (found.isEmpty()) {
            throw new Refuse(Outcome.Refused.of(Refusal.ARTICLE_GONE, state.articleId()));
        }
        KnowledgeBaseEntry entry = found.get();
        events.entry = entry;
        events.before = state.confirm() != null ? state.confirm().factId() : null;
        GuidedFlow flow = entry.flow();
        String version = entry.article().article().version();
        if (version.equals(state.articleVersion())) {
            try {
                GuidedFlow.Position position = flow.replay(state.answers());
                if (events.before == null && !position.finished()) {
                    events.before = position.next().id();
                }
                return new Loaded(entry, state.answers(), position, null, state.confirm(), state.typed(),
                        state.origins());
            } catch (InvalidFactsException | IllegalArgumentException e) {
                // signed by this service, yet not valid for this version: a key shared with a different kb
                throw new Refuse(new Outcome.Refused(Refusal.INVALID_ID, entry.id(), null, null,
                        "the conversation id does not fit this article", null, null));
            }
        }
        List<Answer> carried = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Answer a : state.answers()) {
            Optional<Fact> fact = entry.article().article().fact(a.factId());
            if (fact.isPresent() && (Fact.UNKNOWN.equals(a.value()) || fact.get().resolve(a.value()).isPresent())) {
                carried.add(a);
            } else {
                dropped.add(a.factId());
            }
        }
        try {
            GuidedFlow.Position position = flow.replay(carried);
            Map<String, String> typed = new LinkedHashMap<>(state.typed());
            typed.keySet().retainAll(carried.stream().map(Answer::factId).toList());
            Map<String, String> origins = new LinkedHashMap<>(state.origins());
            origins.keySet().retainAll(carried.stream().map(Answer::factId).toList());
            return new Loaded(entry, carried, position,
                    new Notice.CarriedOver(state.articleVersion(), version, dropped), null, typed, origins);
        } catch (InvalidFactsException e) {
            return new Loaded(entry, List.of(), flow.replay(List.of()),
                    new Notice.StartedAgain(state.articleVersion(), version), null, Map.of(), Map.of());
        }
    }

    /**
     * Where each answer came from: read from this message (typed or pasted), as it was for an answer unchanged,
     * else a button (not listed).
     */
    private static Map<String, String> origins(Loaded loaded, List<Answer> answers, Reading reading) {
        Map<String, String> origins = new LinkedHashMap<>();
        for (Answer a : answers) {
            Optional<Understood> read = reading.understood().stream()
                    .filter(u -> u.factId().equals(a.factId()) && u.value().equals(a.value())).findFirst();
            if (read.isPresent()) {
                origins.put(a.factId(), read.get().source().id());
            } else if (loaded.answers().contains(a) && loaded.origins().containsKey(a.factId())) {
                origins.put(a.factId(), loaded.origins().get(a.factId()));
            }
        }
        return origins;
    }

    /**
     * The facts a read-back must show before this position's diagnosis: those on the path that came from typed
     * words, not confirmed yet, and that decide the steps changing the server. Empty when not finished.
     */
    static List<String> readBackFacts(CompiledArticle article, GuidedFlow.Position position,
            Map<String, String> typed) {
        if (!position.finished() || typed.isEmpty()) {
            return List.of();
        }
        Map<String, String> given = new LinkedHashMap<>();
        position.path().forEach(a -> given.put(a.factId(), a.value()));
        List<String> candidates = position.path().stream().map(Answer::factId).filter(typed::containsKey)
                .filter(f -> !Fact.UNKNOWN.equals(given.get(f))).toList();
        return candidates.isEmpty() ? List.of() : article.decidingFacts(given, candidates);
    }

    /**
     * The step for these answers.
     *
     * @param position the position of the answers, when already known (else they are replayed)
     */
    private Outcome render(Loaded loaded, List<Answer> answers, GuidedFlow.Position position,
            ConversationCodec.Confirmation confirm, Map<String, String> typedIn, Reading reading,
            List<Reading.Hint> hints) {
        KnowledgeBaseEntry entry = loaded.entry();
        CompiledArticle article = entry.article();
        GuidedFlow.Position at = position != null ? position : entry.flow().replay(answers);
        Map<String, String> typed = new LinkedHashMap<>(typedIn);
        typed.keySet().retainAll(answers.stream().map(Answer::factId).toList());
        ConversationCodec.State state = new ConversationCodec.State(article.id(), article.article().version(),
                answers, confirm, typed, origins(loaded, answers, reading));
        List<Answer> early = answers.stream().filter(a -> indexOf(at.path(), a.factId()) < 0).toList();
        Outcome.Turn turn = new Outcome.Turn(entry, codec.encode(state), state, at, early, loaded.notice(), reading);
        if (confirm != null) {
            Fact fact = article.article().fact(confirm.factId()).orElseThrow();
            return new Outcome.Ask(turn, fact, confirm.values(), hints, Math.max(1, entry.flow().remainingAtMost(at)));
        }
        List<String> readBack = readBackFacts(article, at, typed);
        if (!readBack.isEmpty()) {
            return new Outcome.ReadBack(turn, readBack);
        }
        if (at.finished()) {
            return new Outcome.Diagnose(turn);
        }
        return new Outcome.Ask(turn, at.next(), null, hints, entry.flow().remainingAtMost(at));
    }

    private static String valueOf(List<Answer> answers, String factId) {
        int at = indexOf(answers, factId);
        return at < 0 ? null : answers.get(at).value();
    }

    private static int indexOf(List<Answer> answers, String factId) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).factId().equals(factId)) {
                return i;
            }
        }
        return -1;
    }

    /** The events of one input, given to the listeners once its outcome is known. */
    private final class Events {
        private final Channel channel;
        private final List<DialogueEvent> pending = new ArrayList<>();
        private KnowledgeBaseEntry entry;
        /** The question shown before the input, to tell a question reached from one asked again. */
        private String before;

        Events(Channel channel) {
            this.channel = channel;
        }

        void add(DialogueEvent.Kind kind, String factId, String value, String source) {
            pending.add(event(kind, factId, value, source, null, List.of(), null, false, null, null));
        }

        void answered(String factId, String value, String source) {
            if (Fact.UNKNOWN.equals(value)) {
                add(DialogueEvent.Kind.UNKNOWN, factId, null, source);
            } else {
                add(DialogueEvent.Kind.ANSWERED, factId, value, source);
            }
        }

        private DialogueEvent event(DialogueEvent.Kind kind, String factId, String value, String source,
                Refusal refusal, List<Answer> answers, io.kbguide.engine.Diagnosis diagnosis, boolean repeated,
                String conversationId, Map<String, String> evidence) {
            return event(kind, factId, value, source, refusal, answers, diagnosis, repeated, conversationId, evidence,
                    null);
        }

        private DialogueEvent event(DialogueEvent.Kind kind, String factId, String value, String source,
                Refusal refusal, List<Answer> answers, io.kbguide.engine.Diagnosis diagnosis, boolean repeated,
                String conversationId, Map<String, String> evidence, Map<String, String> origins) {
            String articleId = entry == null ? null : entry.id();
            String version = entry == null ? null : entry.article().article().version();
            return new DialogueEvent(kind, articleId, version, channel, factId, value, source, refusal, answers,
                    diagnosis, repeated, conversationId, evidence, origins);
        }

        Outcome fire(Outcome outcome) {
            if (outcome instanceof Outcome.Ask ask) {
                pending.add(event(DialogueEvent.Kind.ASKED, ask.fact().id(), null, null, null, List.of(), null,
                        ask.fact().id().equals(before), ask.turn().conversationId(), null));
            } else if (outcome instanceof Outcome.ReadBack readBack) {
                readBack.facts().forEach(f -> pending.add(event(DialogueEvent.Kind.READ_BACK, f,
                        valueOf(readBack.turn().answers(), f), "typed", null, List.of(), null, false,
                        readBack.turn().conversationId(), null)));
            } else if (outcome instanceof Outcome.Diagnose diagnose) {
                Map<String, String> evidence = new LinkedHashMap<>(diagnose.turn().state().typed());
                diagnose.turn().reading().understood().forEach(u -> evidence.putIfAbsent(u.factId(), u.evidence()));
                pending.add(event(DialogueEvent.Kind.DIAGNOSED, null, null, null, null, diagnose.turn().answers(),
                        diagnose.turn().position().diagnosis(), false, diagnose.turn().conversationId(), evidence,
                        diagnose.turn().state().origins()));
            }
            pending.forEach(this::deliver);
            return outcome;
        }

        /** Where a first message that named no article led (before the article's own events, if it started one). */
        void routed(String where) {
            deliver(event(DialogueEvent.Kind.ROUTED, null, where, null, null, List.of(), null, false, null, null));
        }

        Outcome refused(Outcome.Refused refused) {
            deliver(event(DialogueEvent.Kind.REFUSED, refused.factId(), null, null, refused.reason(), List.of(),
                    null, false, null, null));
            return refused;
        }

        private void deliver(DialogueEvent event) {
            for (DialogueListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "dialogue listener " + listener.getClass().getName()
                            + " failed on " + event.kind(), e);
                }
            }
        }
    }
}
