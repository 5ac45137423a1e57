package io.kbguide.dialogue;

import io.kbguide.engine.Fact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dialogue that remembers steps answers exactly as one that works every step out: the same conversation ids, the
 * same outcomes and the same events (so metrics and the audit log count a remembered step like any other), while
 * refusals, forged ids and typed text are never remembered.
 */
class StepMemoTest {

    static final String ARTICLE = DialogueTest.ARTICLE;

    /** A memo in a map, counting what it is asked. */
    static final class MapMemo implements StepMemo {
        final Map<Key, Step> steps = new HashMap<>();
        int hits;

        @Override
        public Step get(Key key) {
            Step step = steps.get(key);
            if (step != null) {
                hits++;
            }
            return step;
        }

        @Override
        public void put(Key key, Step step) {
            steps.put(key, step);
        }
    }

    final List<DialogueEvent> plainEvents = new ArrayList<>();
    final List<DialogueEvent> memoEvents = new ArrayList<>();
    final MapMemo memo = new MapMemo();
    Dialogue plain;
    Dialogue remembering;

    @BeforeAll
    static void loadKb() {
        DialogueTest.loadKb();
    }

    @org.junit.jupiter.api.BeforeEach
    void build() {
        plain = DialogueTest.dialogue(plainEvents::add);
        remembering = new Dialogue(articles(), codec(), List.of(memoEvents::add), memo);
    }

    private int steps;

    @Test
    void shouldAnswerEveryRememberedStepWithTheSameOutcomeAndEventsAsWorkingItOut() {
        Outcome first = plain.start(ARTICLE, null, Channel.API);
        walk(((Outcome.Reply) first).turn().conversationId(), 0);
        assertTrue(steps > 500, "many steps compared: " + steps);
        assertEquals(steps, memo.hits, "every step asked twice was remembered the second time");
    }

    private void walk(String id, int depth) {
        Outcome.Reply here = (Outcome.Reply) plain.show(id, Channel.API);
        List<Input> inputs = new ArrayList<>(List.of(new Input.Back(), new Input.Restart(), new Input.Confirm()));
        if (here instanceof Outcome.Ask ask) {
            Fact fact = ask.fact();
            fact.domain().forEach(v -> inputs.add(new Input.Answer(fact.id(), fact.representative(v))));
            inputs.add(new Input.DontKnow(fact.id()));
        }
        for (Input input : inputs) {
            plainEvents.clear();
            Outcome expected = plain.next(id, input, Channel.WIDGET);
            for (int time = 0; time < 2; time++) {
                memoEvents.clear();
                Outcome actual = remembering.next(id, input, Channel.WIDGET);
                assertEquals(seen(expected), seen(actual), input + " at " + id);
                assertEquals(plainEvents, memoEvents, "events of " + input + " at " + id);
            }
            if (expected instanceof Outcome.Reply reply) {
                steps++;
                if (input instanceof Input.Answer || input instanceof Input.DontKnow) {
                    if (!(expected instanceof Outcome.Diagnose) && depth < 8) {
                        walk(reply.turn().conversationId(), depth + 1);
                    }
                }
            }
        }
    }

    /** What a channel sees of an outcome (the position inside holds arrays, which records compare by identity). */
    private static List<Object> seen(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            return List.of(refused);
        }
        Outcome.Turn turn = ((Outcome.Reply) outcome).turn();
        List<Object> seen = new ArrayList<>(List.of(outcome.getClass(), turn.conversationId(), turn.state(),
                turn.answers(), turn.position().diagnosis(), turn.early(), String.valueOf(turn.notice()),
                turn.reading()));
        if (outcome instanceof Outcome.Ask ask) {
            seen.addAll(List.of(ask.fact(), String.valueOf(ask.confirming()), ask.hints(), ask.remainingAtMost()));
        } else if (outcome instanceof Outcome.ReadBack readBack) {
            seen.add(readBack.facts());
        }
        return seen;
    }

    @Test
    void shouldNeverRememberARefusalOrAForgedId() {
        Outcome.Ask ask = (Outcome.Ask) remembering.start(ARTICLE, null, Channel.API);
        String id = ask.turn().conversationId();
        String forged = id.substring(0, id.length() - 1) + (id.endsWith("A") ? "B" : "A");
        for (int time = 0; time < 2; time++) {
            memoEvents.clear();
            assertInstanceOf(Outcome.Refused.class, remembering.next(forged, new Input.Back(), Channel.API));
            assertInstanceOf(Outcome.Refused.class, remembering.next(id, new Input.Back(), Channel.API));
            assertInstanceOf(Outcome.Refused.class,
                    remembering.next(id, new Input.Answer(ask.fact().id(), "banana"), Channel.API));
            assertEquals(3, memoEvents.stream().filter(e -> e.kind() == DialogueEvent.Kind.REFUSED).count(),
                    "each refusal is reported every time");
        }
        assertEquals(Map.of(), memo.steps);
        assertEquals(0, memo.hits);
    }

    @Test
    void shouldNeverRememberTypedText() {
        Outcome.Ask ask = (Outcome.Ask) remembering.start(ARTICLE, null, Channel.API);
        Outcome typed = remembering.next(ask.turn().conversationId(), new Input.Text("x86, Windows Server 2003 SP2"),
                Channel.API);
        assertInstanceOf(Outcome.Reply.class, typed);
        assertEquals(Map.of(), memo.steps, "customer text stays out of memory");
    }

    @Test
    void shouldKeepChannelsApart() {
        Outcome.Ask ask = (Outcome.Ask) remembering.start(ARTICLE, null, Channel.API);
        Input dontKnow = new Input.DontKnow(ask.fact().id());
        remembering.next(ask.turn().conversationId(), dontKnow, Channel.SLACK);
        memoEvents.clear();
        Outcome onWidget = remembering.next(ask.turn().conversationId(), dontKnow, Channel.WIDGET);
        assertEquals(0, memo.hits, "another channel is another step");
        assertTrue(memoEvents.stream().allMatch(e -> e.channel() == Channel.WIDGET), memoEvents.toString());
        assertSame(onWidget, remembering.next(ask.turn().conversationId(), dontKnow, Channel.WIDGET));
    }

    private static Articles articles() {
        return DialogueTest.articles();
    }

    private static ConversationCodec codec() {
        return new ConversationCodec("t".repeat(32).getBytes(StandardCharsets.UTF_8));
    }
}
