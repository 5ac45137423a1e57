package io.kbguide.dialogue;

import io.kbguide.engine.Answer;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Diagnosis;
import io.kbguide.engine.Fact;
import io.kbguide.engine.RemediationStep;
import io.kbguide.kb.KbLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dialogue core in-process, without Quarkus: every path of the guided conversation, the events each step
 * emits, and every refusal. The same steps serve every channel, so this is where their behaviour is pinned.
 */
public class DialogueTest {

    static final String ARTICLE = "heartbeat-registry-driver";

    public static Map<String, KnowledgeBaseEntry> kb;
    static CompiledArticle article;

    final List<DialogueEvent> events = new ArrayList<>();
    final Dialogue dialogue = dialogue(events::add);

    @BeforeAll
    public static void loadKb() {
        kb = KbLoader.loadAll(Path.of("kb").toAbsolutePath());
        article = kb.get(ARTICLE).article();
    }

    public static Dialogue dialogue(DialogueListener... listeners) {
        return new Dialogue(articles(), new ConversationCodec("t".repeat(32).getBytes(StandardCharsets.UTF_8)),
                List.of(listeners));
    }

    /** The kb loaded in {@link #loadKb()}, as the dialogue sees it. */
    public static Articles articles() {
        return new Articles() {
            @Override
            public Optional<KnowledgeBaseEntry> entry(String id) {
                return Optional.ofNullable(kb.get(id));
            }

            @Override
            public List<String> ids() {
                return List.copyOf(kb.keySet());
            }

            @Override
            public io.kbguide.answers.ArticleRouter.Route route(String text) {
                return KbLoader.router(kb).route(text);
            }
        };
    }

    private int paths;
    private int questions;
    private int longest;

    @Test
    void shouldEndEveryPathInTheDiagnosisOfItsAnswersAskingOnlyQuestionsThatMatter() {
        walk(dialogue.start(ARTICLE, null, Channel.API), new LinkedHashMap<>());
        System.out.printf("dialogue paths walked in-process: %d, questions checked: %d, longest path: %d%n", paths,
                questions, longest);
        assertTrue(paths > 100, "the flow has many paths: " + paths);
        assertTrue(longest <= article.article().facts().size());
    }

    private void walk(Outcome outcome, Map<String, String> answers) {
        Outcome.Reply step = assertInstanceOf(Outcome.Reply.class, outcome, "a step, not a refusal");
        assertTrue(step.turn().conversationId().length() <= ConversationCodec.MAX_LENGTH);
        assertEquals(answers.size(), step.turn().answers().size(), "answers so far");
        if (outcome instanceof Outcome.Diagnose) {
            assertEquals(article.diagnose(answers), step.turn().position().diagnosis(), "path " + answers);
            paths++;
            longest = Math.max(longest, answers.size());
            return;
        }
        Outcome.Ask ask = assertInstanceOf(Outcome.Ask.class, outcome, "buttons alone never need a read-back");
        assertFalse(ask.isConfirmation());
        assertTrue(ask.remainingAtMost() >= 1);
        Fact fact = ask.fact();
        List<String> values = new ArrayList<>();
        fact.domain().forEach(v -> values.add(fact.representative(v)));
        values.add(Fact.UNKNOWN);
        assertNecessary(answers, fact.id(), values);
        for (String value : values) {
            Outcome next = dialogue.next(step.turn().conversationId(), new Input.Answer(fact.id(), value),
                    Channel.API);
            if (next instanceof Outcome.Refused refused) {
                assertEquals(Refusal.CONTRADICTORY_ANSWER, refused.reason(), "only a contradiction is refused");
                continue; // e.g. no service pack on Windows Server 2003 R2 cannot be chosen
            }
            Map<String, String> more = new LinkedHashMap<>(answers);
            more.put(fact.id(), value);
            walk(next, more);
        }
    }

    /**
     * The question must matter: some answer to it changes a finding, the steps or what each answer still missing
     * would lead to, compared with leaving it unknown; or it matters for some server the answers stand for (its
     * missingFacts entry, which PlansTrueToServersTest proves exact over every combination: e.g. the way out with
     * the version unknown, which matters only if the version has the leaking code).
     */
    private void assertNecessary(Map<String, String> answers, String factId, List<String> values) {
        questions++;
        String without = outcome(answers);
        for (String value : values) {
            Map<String, String> with = new LinkedHashMap<>(answers);
            with.put(factId, value);
            String outcome = outcome(with);
            if (outcome != null && !Objects.equals(outcome, without)) {
                return;
            }
        }
        if (article.diagnose(answers).missingFacts().stream().anyMatch(f -> f.id().equals(factId))) {
            return;
        }
        fail("question " + factId + " after " + answers + " cannot change the outcome");
    }

    private static String outcome(Map<String, String> answers) {
        try {
            Diagnosis d = article.diagnose(answers);
            return d.findings() + " " + d.remediation().stream().map(RemediationStep::id).toList() + " "
                    + article.plansByCase(article.codes(answers));
        } catch (io.kbguide.engine.InvalidFactsException contradiction) {
            return null;
        }
    }

    @Test
    void shouldEmitOneEventPerStepWithArticleVersionAndChannel() {
        Outcome first = dialogue.start(ARTICLE, null, Channel.WIDGET);
        Outcome.Ask ask = (Outcome.Ask) first;
        assertEquals(List.of(DialogueEvent.Kind.STARTED, DialogueEvent.Kind.ASKED), kinds());
        DialogueEvent asked = events.get(1);
        assertEquals(ARTICLE, asked.articleId());
        assertEquals(article.article().version(), asked.articleVersion());
        assertEquals(Channel.WIDGET, asked.channel());
        assertEquals(ask.fact().id(), asked.factId());
        assertFalse(asked.repeated());

        events.clear();
        Outcome second = dialogue.next(ask.turn().conversationId(), new Input.DontKnow(ask.fact().id()),
                Channel.WIDGET);
        assertEquals(DialogueEvent.Kind.UNKNOWN, events.get(0).kind());
        assertEquals(ask.fact().id(), events.get(0).factId());
        assertEquals(DialogueEvent.Kind.ASKED, events.get(events.size() - 1).kind());

        events.clear();
        Outcome.Ask third = (Outcome.Ask) second;
        dialogue.next(third.turn().conversationId(), new Input.Back(), Channel.WIDGET);
        assertEquals(List.of(DialogueEvent.Kind.WENT_BACK, DialogueEvent.Kind.ASKED), kinds());

        events.clear();
        dialogue.next(third.turn().conversationId(), new Input.Restart(), Channel.WIDGET);
        assertEquals(List.of(DialogueEvent.Kind.RESTARTED, DialogueEvent.Kind.ASKED), kinds());

        events.clear();
        dialogue.show(third.turn().conversationId(), Channel.WIDGET);
        assertEquals(List.of(), kinds(), "showing a step again is not a step");
    }

    @Test
    void shouldEmitTheDiagnosisWithItsAnswersAndFindings() {
        Outcome outcome = answerAll(Map.of("architecture", "x86", "os", "windows-2003", "heartbeatVersion", "5.0.3",
                "servicePack", "sp1", "useNewApi", "zero", "leakPatch", "not-installed"));
        Outcome.Diagnose diagnose = assertInstanceOf(Outcome.Diagnose.class, outcome);
        DialogueEvent last = events.get(events.size() - 1);
        assertEquals(DialogueEvent.Kind.DIAGNOSED, last.kind());
        assertEquals(diagnose.turn().answers(), last.answers());
        assertEquals(diagnose.turn().position().diagnosis(), last.diagnosis());
        assertFalse(last.diagnosis().remediation().isEmpty());
        assertEquals(Map.of(), last.origins(), "every answer came by button");
        assertEquals(1, events.stream().filter(e -> e.kind() == DialogueEvent.Kind.DIAGNOSED).count());
    }

    @Test
    void shouldReadBackTypedFactsAndCountConfirmationsAndCorrections() {
        Outcome outcome = dialogue.start(ARTICLE, "x86 Windows Server 2003 SP1, Heartbeat 5.0.3, UseNewApi is 0,"
                + " the leak patch is not installed", Channel.SLACK);
        Outcome.ReadBack readBack = assertInstanceOf(Outcome.ReadBack.class, outcome, String.valueOf(outcome));
        assertFalse(readBack.facts().isEmpty());
        List<String> readBackEvents = events.stream().filter(e -> e.kind() == DialogueEvent.Kind.READ_BACK)
                .map(DialogueEvent::factId).toList();
        assertEquals(readBack.facts(), readBackEvents);
        assertTrue(events.stream().filter(e -> e.kind() == DialogueEvent.Kind.ANSWERED)
                .allMatch(e -> "typed".equals(e.source())), "typed answers say so");

        events.clear();
        Outcome confirmed = dialogue.next(readBack.turn().conversationId(), new Input.Confirm(), Channel.SLACK);
        Outcome.Diagnose diagnose = assertInstanceOf(Outcome.Diagnose.class, confirmed);
        assertEquals(readBack.facts(), events.stream().filter(e -> e.kind() == DialogueEvent.Kind.CONFIRMED)
                .map(DialogueEvent::factId).toList());
        DialogueEvent diagnosed = events.stream().filter(e -> e.kind() == DialogueEvent.Kind.DIAGNOSED).findFirst()
                .orElseThrow();
        assertEquals(diagnose.turn().state().origins(), diagnosed.origins(), "where each answer came from");
        assertTrue(diagnosed.origins().values().stream().allMatch("typed"::equals), diagnosed.origins().toString());
        assertFalse(diagnosed.origins().isEmpty());

        events.clear();
        String corrected = readBack.facts().get(0);
        Fact fact = article.article().fact(corrected).orElseThrow();
        String was = readBack.turn().state().answers().stream().filter(a -> a.factId().equals(corrected))
                .findFirst().orElseThrow().value();
        String other = fact.domain().stream().map(fact::representative).filter(v -> !fact.sameAnswer(was, v))
                .findFirst().orElseThrow();
        Outcome changed = dialogue.next(readBack.turn().conversationId(), new Input.Answer(corrected, other),
                Channel.SLACK);
        assertInstanceOf(Outcome.Reply.class, changed, "a correction at a read-back is taken");
        assertTrue(events.stream().anyMatch(e -> e.kind() == DialogueEvent.Kind.CORRECTED
                && e.factId().equals(corrected) && e.value().equals(other)), events.toString());
    }

    @Test
    void shouldReportTextItCouldNotReadAgainstTheQuestionPending() {
        Outcome.Ask ask = (Outcome.Ask) dialogue.start(ARTICLE, null, Channel.API);
        events.clear();
        Outcome again = dialogue.next(ask.turn().conversationId(), new Input.Text("purple monkey dishwasher"),
                Channel.API);
        Outcome.Ask same = assertInstanceOf(Outcome.Ask.class, again);
        assertEquals(ask.fact(), same.fact());
        assertEquals(List.of(new Reading.NotReadHint("purple monkey dishwasher", true)), same.hints());
        assertEquals(List.of(DialogueEvent.Kind.NOT_UNDERSTOOD, DialogueEvent.Kind.ASKED), kinds());
        assertEquals(ask.fact().id(), events.get(0).factId());
        assertTrue(events.get(1).repeated(), "the same question asked again, not a new one reached");
    }

    @Test
    void shouldRefuseWithAReasonCodeAndLeaveTheConversationUnchanged() {
        Outcome.Ask ask = (Outcome.Ask) dialogue.start(ARTICLE, null, Channel.API);
        String id = ask.turn().conversationId();
        events.clear();
        assertRefused(Refusal.UNKNOWN_ARTICLE, dialogue.start("no-such-article", null, Channel.API));
        assertRefused(Refusal.INVALID_ID, dialogue.next(id + "x", new Input.Back(), Channel.API));
        assertRefused(Refusal.INVALID_ID, dialogue.show("", Channel.API));
        assertRefused(Refusal.NOTHING_TO_UNDO, dialogue.next(id, new Input.Back(), Channel.API));
        assertRefused(Refusal.UNKNOWN_FACT, dialogue.next(id, new Input.Answer("colour", "blue"), Channel.API));
        Outcome.Refused invalid = assertRefused(Refusal.INVALID_VALUE,
                dialogue.next(id, new Input.Answer(ask.fact().id(), "banana"), Channel.API));
        assertEquals(ask.fact().allowed(), invalid.allowed());
        ConversationCodec codec = new ConversationCodec("t".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertRefused(Refusal.ARTICLE_GONE, dialogue.show(codec.encode(new ConversationCodec.State("retired", "1",
                List.of())), Channel.API));
        Outcome.Refused contradiction = assertRefused(Refusal.CONTRADICTORY_ANSWER, dialogue.next(
                new ConversationCodec.State(ARTICLE, article.article().version(), List.of(new Answer("os",
                        "windows-2003-r2"))), new Input.Answer("servicePack", "none"), Channel.API));
        assertTrue(contradiction.detail() != null && !contradiction.detail().isBlank());
        assertEquals(List.of(DialogueEvent.Kind.REFUSED), kinds().stream().distinct().toList(),
                "a refused input emits only the refusal");
        assertEquals(8, events.size());
        // the id still works as it did
        assertEquals(ask.fact(), ((Outcome.Ask) dialogue.show(id, Channel.API)).fact());
    }

    @Test
    void shouldAskForTheExactVersionWhenAnAnswerSpansBands() {
        Outcome outcome = answerAll(Map.of("architecture", "x86", "os", "windows-2003"));
        Outcome.Ask ask = assertInstanceOf(Outcome.Ask.class, outcome);
        assertEquals("heartbeatVersion", ask.fact().id());
        Outcome again = dialogue.next(ask.turn().conversationId(), new Input.Answer("heartbeatVersion", "5.0"),
                Channel.API);
        Outcome.Ask same = assertInstanceOf(Outcome.Ask.class, again);
        assertEquals(List.of(new Reading.SpanningHint("5.0")), same.hints());
        assertEquals(ask.turn().state(), same.turn().state(), "nothing recorded");
    }

    @Test
    void shouldCarryAConversationOverToANewerArticleVersion() {
        Outcome outcome = dialogue.next(new ConversationCodec.State(ARTICLE, "0", List.of(new Answer("architecture",
                "x86"), new Answer("os", "windows-95"))), new Input.Confirm(), Channel.API);
        Outcome.Ask ask = assertInstanceOf(Outcome.Ask.class, outcome);
        assertEquals(new Notice.CarriedOver("0", article.article().version(), List.of("os")), ask.turn().notice());
        assertEquals(article.article().version(), ask.turn().state().articleVersion());
        assertNotEquals(null, ask.turn().conversationId());
    }

    @Test
    void shouldGoOnWhenAListenerFails() {
        List<DialogueEvent> heard = new ArrayList<>();
        Dialogue withFailing = dialogue(e -> {
            throw new IllegalStateException("listener down");
        }, heard::add);
        Outcome outcome = withFailing.start(ARTICLE, null, Channel.API);
        assertInstanceOf(Outcome.Ask.class, outcome);
        assertEquals(2, heard.size(), "the other listeners still hear every event");
    }

    private Outcome answerAll(Map<String, String> facts) {
        Outcome outcome = dialogue.start(ARTICLE, null, Channel.API);
        while (outcome instanceof Outcome.Ask ask && facts.containsKey(ask.fact().id())) {
            outcome = dialogue.next(ask.turn().conversationId(), new Input.Answer(ask.fact().id(),
                    facts.get(ask.fact().id())), Channel.API);
        }
        return outcome;
    }

    private static Outcome.Refused assertRefused(Refusal reason, Outcome outcome) {
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome);
        assertEquals(reason, refused.reason());
        return refused;
    }

    private List<DialogueEvent.Kind> kinds() {
        return events.stream().map(DialogueEvent::kind).toList();
    }
}
