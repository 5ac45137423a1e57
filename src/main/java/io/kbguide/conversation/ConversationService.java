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
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The steps of a guided conversation, shared by every channel (JSON API, text, Slack, widget). */
@ApplicationScoped
public class ConversationService {

    private final ArticleRegistry registry;
    private final ConversationCodec codec;
    private final Map<String, GuidedFlow> flows = new ConcurrentHashMap<>();

    public ConversationService(ArticleRegistry registry, ConversationCodec codec) {
        this.registry = registry;
        this.codec = codec;
    }

    /** A decoded conversation: its flow, where it stands, and what to tell the user about its state. */
    public record Loaded(GuidedFlow flow, List<Answer> answers, GuidedFlow.Position position, String notice) {
    }

    public ConversationView start(String articleId) {
        GuidedFlow flow = flow(registry.require(articleId));
        return view(flow, List.of(), null);
    }

    public ConversationView get(String conversationId) {
        Loaded loaded = load(conversationId);
        return view(loaded.flow(), loaded.answers(), loaded.notice());
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
        return view(loaded.flow(), apply(loaded, new Answer(fact.id(), normalized)), loaded.notice());
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
        List<Answer> path = loaded.position().path();
        if (path.isEmpty()) {
            throw new ProblemException(409, "nothing-to-undo", "Nothing to go back to",
                    "This is the first question; there is no earlier answer to go back to.", List.of());
        }
        List<Answer> answers = new ArrayList<>(loaded.answers());
        answers.remove(indexOf(answers, path.get(path.size() - 1).factId()));
        return view(loaded.flow(), answers, loaded.notice());
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
            return new Loaded(flow, state.answers(), flow.replay(state.answers()), null);
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
            return new Loaded(flow, carried, position, notice);
        } catch (InvalidFactsException e) {
            return new Loaded(flow, List.of(), flow.replay(List.of()),
                    from + "Your earlier answers do not fit the new version, so the conversation starts again.");
        }
    }

    public ConversationView view(GuidedFlow flow, List<Answer> answers, String notice) {
        GuidedFlow.Position position = flow.replay(answers);
        CompiledArticle article = flow.article();
        String id = codec.encode(new ConversationCodec.State(article.id(), article.article().version(), answers));
        List<ConversationView.AnswerView> given = position.path().stream().map(a -> new ConversationView.AnswerView(
                a.factId(), a.value(), article.article().fact(a.factId()).orElseThrow().labelOf(a.value()))).toList();
        if (position.finished()) {
            return new ConversationView(id, notice, new ConversationView.Step("diagnosis", null, given, null,
                    DiagnosisView.of(article.article(), position.diagnosis())));
        }
        Fact next = position.next();
        ConversationView.Question question = new ConversationView.Question(next.id(), next.question(), next.help(),
                next.commands(), next.choices().stream().map(c -> new ConversationView.Choice(c.value(), c.label()))
                        .toList(), true, next.type() == Fact.Type.VERSION ? Version.FORMAT : null);
        return new ConversationView(id, notice, new ConversationView.Step("question", question, given,
                new ConversationView.Progress(given.size(), flow.remainingAtMost(position)), null));
    }

    public GuidedFlow flow(CompiledArticle article) {
        return flows.compute(article.id(), (k, existing) -> existing != null && existing.article() == article
                ? existing : new GuidedFlow(article));
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
        return fact.type() == Fact.Type.VERSION ? Version.parse(trimmed).orElseThrow().toString() : trimmed;
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
