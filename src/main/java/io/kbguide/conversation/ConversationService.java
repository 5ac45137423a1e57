package io.kbguide.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kbguide.answers.KbAnswer;
import io.kbguide.diagnosis.CommandView;
import io.kbguide.diagnosis.DiagnosisView;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.Input;
import io.kbguide.dialogue.Notice;
import io.kbguide.dialogue.Outcome;
import io.kbguide.dialogue.Reading;
import io.kbguide.engine.Answer;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.present.Wording;
import io.kbguide.problem.Problem;
import io.kbguide.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conversation API's adapter over the {@link Dialogue}: turns each outcome into the JSON view (which the
 * Markdown and text renderers also render), and each refusal into a problem. The English of the API lives here;
 * the steps themselves are the dialogue's.
 */
@ApplicationScoped
public class ConversationService {

    private final Dialogue dialogue;
    /** Whom to ask when the kb has no answer. */
    private final String helpDesk;
    private final ObjectMapper mapper;
    /**
     * Views and their JSON by the very outcome and view they come from, for the steps the dialogue remembers (an
     * answer or a click, not a typed message): such a step comes back as the same outcome, so it is put into words
     * and written once (entries go with their outcome). A start, a look at the current step or a typed message is
     * seen once; keeping it would only push remembered steps out.
     */
    private final Cache<Outcome.Reply, ConversationView> views;
    /** The JSON of a view in {@link #views}: {@link #UNWRITTEN} until it is first asked for. */
    private final Cache<ConversationView, byte[]> json;
    private static final byte[] UNWRITTEN = new byte[0];

    public ConversationService(Dialogue dialogue, ObjectMapper mapper, ConversationConfig config,
            MeterRegistry meters) {
        this.dialogue = dialogue;
        this.helpDesk = config.helpDesk();
        this.mapper = mapper;
        this.views = Caffeine.newBuilder().weakKeys().maximumSize(config.stepCacheSize()).recordStats().build();
        // cache_gets_total{cache="conversation-steps",result="hit|miss"}: steps served as they were worked out
        CaffeineCacheMetrics.monitor(meters, views, "conversation-steps");
        this.json = Caffeine.newBuilder().weakKeys().maximumSize(config.stepCacheSize()).build();
    }

    /** The view as JSON: written once for a remembered step, each time for any other. */
    public byte[] json(ConversationView view) {
        byte[] kept = json.getIfPresent(view);
        if (kept != null && kept != UNWRITTEN) {
            return kept;
        }
        byte[] written;
        try {
            written = mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversation step could not be written as JSON", e);
        }
        if (kept != null) {
            json.put(view, written);
        }
        return written;
    }

    public ConversationView start(String articleId, String text, Channel channel) {
        return view(dialogue.start(articleId, text, channel));
    }

    public ConversationView get(String conversationId, Channel channel) {
        return view(dialogue.show(conversationId, channel));
    }

    public ConversationView next(String conversationId, Input input, Channel channel) {
        Outcome outcome = dialogue.next(conversationId, input, channel);
        if (input instanceof Input.Text || outcome instanceof Outcome.Refused) {
            return view(outcome);
        }
        return views.get((Outcome.Reply) outcome, reply -> {
            ConversationView view = viewOf(reply, helpDesk);
            json.put(view, UNWRITTEN);
            return view;
        });
    }

    /** The view of an outcome; a refusal becomes the problem the API has always answered with. */
    ConversationView view(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            throw problem(refused);
        }
        if (outcome instanceof Outcome.ChooseArticle || outcome instanceof Outcome.NoArticle) {
            return routingView(outcome, helpDesk);
        }
        return viewOf((Outcome.Reply) outcome, helpDesk);
    }

    /** The step of a first message that named no article: the articles to choose from, or none. */
    public static ConversationView routingView(Outcome outcome, String helpDesk) {
        if (outcome instanceof Outcome.ChooseArticle choose) {
            return ConversationView.routing(new ConversationView.TurnView("choose-article", null, List.of(), null,
                    null, null, null, choose.articles().stream().map(a -> new ConversationView.ArticleChoice(a.id(),
                    a.title())).toList(), Wording.chooseArticle()));
        }
        Outcome.NoArticle none = (Outcome.NoArticle) outcome;
        return ConversationView.routing(new ConversationView.TurnView("no-article", null, List.of(), null, null,
                null, null, null, Wording.noArticle(none.text().isBlank(), helpDesk)));
    }

    /**
     * The view of a step, in the API's words: the presentation every channel renders (JSON as it is; Markdown,
     * text and Slack from it).
     */
    public static ConversationView viewOf(Outcome.Reply outcome, String helpDesk) {
        Outcome.Turn turn = outcome.turn();
        CompiledArticle article = turn.article();
        List<ConversationView.AnswerView> given = turn.answers().stream().map(a -> answerView(article, a, turn.state().origins())).toList();
        List<ConversationView.AnswerView> early = emptyToNull(turn.early().stream()
                .map(a -> answerView(article, a, turn.state().origins())).toList());
        ConversationView.TurnView step;
        if (outcome instanceof Outcome.Ask ask && ask.isConfirmation()) {
            Fact fact = ask.fact();
            String hint = "Please confirm: " + String.join(" or ", ask.confirming().stream()
                    .map(v -> "\"" + fact.labelOf(v) + "\"").toList()) + "?"
                    + (ask.hints().isEmpty() ? "" : " " + hint(ask.hints()));
            step = new ConversationView.TurnView("question", question(turn, fact, ask.confirming().stream()
                    .map(v -> new ConversationView.Choice(v, fact.labelOf(v))).toList(), hint), given, early,
                    new ConversationView.Progress(given.size(), ask.remainingAtMost()), null);
        } else if (outcome instanceof Outcome.Ask ask) {
            Fact next = ask.fact();
            step = new ConversationView.TurnView("question", question(turn, next, choices(next.type().options()),
                    ask.hints().isEmpty() ? null : hint(ask.hints())), given, early,
                    new ConversationView.Progress(given.size(), ask.remainingAtMost()), null);
        } else if (outcome instanceof Outcome.ReadBack readBack) {
            List<ConversationView.ReadBackItem> items = new ArrayList<>();
            for (String factId : readBack.facts()) {
                Fact fact = article.article().fact(factId).orElseThrow();
                String value = turn.answers().stream().filter(a -> a.factId().equals(factId)).findFirst()
                        .orElseThrow().value();
                String evidence = turn.state().typed().get(factId);
                items.add(new ConversationView.ReadBackItem(factId, fact.question(), value, fact.labelOf(value),
                        evidence, choices(fact.type().corrections()), ConversationView.ReadBackItem.weak(evidence)));
            }
            step = new ConversationView.TurnView("readback", null, given, early,
                    new ConversationView.Progress(given.size(), 1), null, items);
        } else {
            step = new ConversationView.TurnView("diagnosis", null, given, early, null,
                    diagnosisView(article, turn.position(), turn.state().origins()));
        }
        boolean textReply = turn.reading() != Reading.NONE;
        return new ConversationView(turn.conversationId(), notice(turn.notice()),
                textReply ? understood(article, turn.reading()) : null,
                textReply ? emptyToNull(unclear(article, turn.reading())) : null, step,
                turn.answers().isEmpty() && article.article().collector() != null
                        ? ConversationView.CollectorLinks.of(article.id()) : null,
                textReply && !turn.reading().ignored().isEmpty() ? turn.reading().ignored().stream()
                        .map(g -> new DiagnosisView.IgnoredView(g.text(), g.why().id(), g.words())).toList() : null,
                emptyToNull(turn.reading().asked().stream().map(a -> articleSays(article, a, helpDesk)).toList()));
    }

    private static ConversationView.ArticleSays articleSays(CompiledArticle article, KbAnswer answer,
            String helpDesk) {
        String text = Wording.articleSays(answer, helpDesk);
        if (answer instanceof KbAnswer.Quoted q) {
            return new ConversationView.ArticleSays(q.question(), q.kind(), text, q.anchor(),
                    Wording.sectionName(q.sectionTitle()), "/articles/" + article.id() + "#" + q.anchor(), q.quotes(),
                    null, null, null);
        }
        if (answer instanceof KbAnswer.Purpose p) {
            return new ConversationView.ArticleSays(p.question(), p.kind(), text, null, null, null, null,
                    p.factId(), p.purpose().source().id(), DiagnosisView.citations(article.article(),
                    p.purpose().citations()));
        }
        return new ConversationView.ArticleSays(answer.question(), answer.kind(), text, null, null, null, null, null,
                null, null);
    }

    /**
     * The diagnosis a conversation shows at a position (as its JSON gives it, and as the Markdown and text render
     * it), for the conversation's step and for a listener that sends it on (the help-desk webhook).
     *
     * @param origins where answers read from a message came from (fact id to typed, pasted or collected); the others
     *                came by button
     */
    public static DiagnosisView diagnosisView(CompiledArticle article, GuidedFlow.Position position,
            Map<String, String> origins) {
        return DiagnosisView.of(article.article(), position.diagnosis(), article.plansByCase(position.codes()),
                article.known(position.codes())).withOrigins(origins, "button");
    }

    private static List<DiagnosisView.UnderstoodView> understood(CompiledArticle article, Reading reading) {
        return reading.understood().stream().map(u -> DiagnosisView.UnderstoodView.of(article.article(), u.factId(),
                u.value(), u.evidence(), u.source().id())).toList();
    }

    private static List<DiagnosisView.UnclearView> unclear(CompiledArticle article, Reading reading) {
        List<DiagnosisView.UnclearView> out = new ArrayList<>();
        for (Reading.Query query : reading.unclear()) {
            Fact fact = article.article().fact(query.factId()).orElseThrow();
            String message;
            if (query instanceof Reading.Changed c) {
                message = "You answered \"" + fact.labelOf(c.prior()) + "\" before, but this message says \""
                        + fact.labelOf(c.value()) + "\" (from \"" + c.evidence() + "\"). Which is right?";
            } else if (query instanceof Reading.Several s) {
                message = "The message gives more than one answer to \"" + fact.question() + "\": "
                        + String.join(" and ", s.candidates().stream().map(u -> "\"" + fact.labelOf(u.value())
                        + "\" (from \"" + u.evidence() + "\")").toList()) + ". Which is right?";
            } else if (query instanceof Reading.Rejected r) {
                message = r.rejection().reason() + " (from \"" + r.rejection().evidence() + "\")";
            } else if (query instanceof Reading.Doubted d) {
                message = d.unclear().message() + " (from \"" + d.unclear().evidence() + "\")";
            } else {
                Reading.Contradicts c = (Reading.Contradicts) query;
                message = "\"" + fact.labelOf(c.value()) + "\" (from \"" + c.evidence() + "\") cannot be true"
                        + " together with your other answers: " + c.reason()
                        + " Please answer again, or correct the other answer.";
            }
            out.add(new DiagnosisView.UnclearView(query.factId(), message, query.values()));
        }
        return out;
    }

    /** The hints, in words, in the order they came. */
    static String hint(List<Reading.Hint> hints) {
        List<String> parts = new ArrayList<>();
        for (Reading.Hint hint : hints) {
            if (hint instanceof Reading.RejectedHint r) {
                parts.add(r.rejection().reason());
            } else if (hint instanceof Reading.DoubtHint d) {
                parts.add("You wrote \"" + d.unclear().evidence() + "\": " + d.unclear().message());
            } else if (hint instanceof Reading.NotReadHint n) {
                parts.add("I could not read an answer" + (n.atQuestion() ? " to this question" : "") + " from \""
                        + n.excerpt() + "\"." + (n.atQuestion()
                        ? " Choose one of the answers below, or say you don't know." : ""));
            } else if (hint instanceof Reading.SpanningHint s) {
                parts.add("\"" + s.value() + "\" covers versions the article treats differently. Please give the"
                        + " exact version (the question's help says where to find it), or choose one of the ranges.");
            }
        }
        return String.join(" ", parts);
    }

    static String notice(Notice notice) {
        if (notice == null) {
            return null;
        }
        if (notice instanceof Notice.CarriedOver c) {
            return "This conversation was started on version " + c.fromVersion() + " of the article; it now follows"
                    + " version " + c.toVersion() + ". " + (c.dropped().isEmpty() ? "Your answers were carried over."
                    : "Answers that no longer apply were dropped: " + String.join(", ", c.dropped()) + ".");
        }
        Notice.StartedAgain s = (Notice.StartedAgain) notice;
        return "This conversation was started on version " + s.fromVersion() + " of the article; it now follows"
                + " version " + s.toVersion() + ". Your earlier answers do not fit the new version, so the"
                + " conversation starts again.";
    }

    /** The problem the API answers a refusal with (status, type and words unchanged since the first version). */
    static ProblemException problem(Outcome.Refused r) {
        return switch (r.reason()) {
            case UNKNOWN_ARTICLE -> ProblemException.notFound("unknown-article", "Unknown article",
                    "There is no article '" + r.articleId() + "'. Articles: " + r.allowed() + ".");
            case TEXT_NOT_SUPPORTED -> ProblemException.badRequest("text-not-understood", "Text not supported",
                    "Article '" + r.articleId() + "' has no language file, so it cannot read typed or pasted text;"
                            + " send the facts (factId and value) instead.",
                    List.of(new Problem.FieldError("text", "not supported for this article", "facts")));
            case INVALID_ID -> ProblemException.badRequest("invalid-conversation-id", "Invalid conversation id",
                    "The conversation id is not valid: " + r.detail()
                            + ". Start a new conversation with POST /api/v1/conversations.",
                    List.of(new Problem.FieldError("conversationId", r.detail(), null)));
            case ARTICLE_GONE -> new ProblemException(410, "article-gone", "Article no longer available",
                    "This conversation was about article '" + r.articleId() + "', which the service no longer"
                            + " has. Start a new conversation.", List.of());
            case UNKNOWN_FACT -> ProblemException.badRequest("invalid-reply", "Invalid reply",
                    "'" + r.factId() + "' is not a fact of article '" + r.articleId() + "'.",
                    List.of(new Problem.FieldError("factId", "unknown fact", r.allowed())));
            case INVALID_VALUE -> ProblemException.badRequest("invalid-reply", "Invalid reply",
                    "'" + r.value() + "' is not a valid answer to " + r.factId() + ".",
                    List.of(new Problem.FieldError("value", "not a valid answer to " + r.factId(), r.allowed())));
            case CONTRADICTORY_ANSWER -> ProblemException.badRequest("contradictory-answer", "Contradictory answer",
                    r.detail() + " The conversation is unchanged: continue with the same conversationId.",
                    List.of(new Problem.FieldError("value", r.cause(), r.allowed())));
            case NOTHING_TO_UNDO -> new ProblemException(409, "nothing-to-undo", "Nothing to go back to",
                    "This is the first question; there is no earlier answer to go back to.", List.of());
        };
    }

    private static ConversationView.AnswerView answerView(CompiledArticle article, Answer a,
            Map<String, String> origins) {
        Fact fact = article.article().fact(a.factId()).orElseThrow();
        return new ConversationView.AnswerView(a.factId(), a.value(), fact.labelOf(a.value()), fact.name(),
                origins.getOrDefault(a.factId(), "button"));
    }

    private static ConversationView.Question question(Outcome.Turn turn, Fact fact,
            List<ConversationView.Choice> choices, String hint) {
        CompiledArticle article = turn.article();
        List<CommandView> instructions = CommandView.of(article.article(), fact.commands(),
                article.known(turn.position().codes()));
        return new ConversationView.Question(fact.id(), fact.question(), fact.help(), CommandView.lines(instructions),
                choices, true, fact.type().format().orElse(null), fact.type().typeIn().orElse(null), hint,
                instructions);
    }

    private static List<ConversationView.Choice> choices(List<io.kbguide.engine.Choice> options) {
        return options.stream().map(c -> new ConversationView.Choice(c.value(), c.label())).toList();
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

}
