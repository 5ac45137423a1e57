package io.kbguide.dialogue;

import io.kbguide.answers.KbAnswer;
import io.kbguide.engine.Fact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question asked in the middle of a conversation is answered from the article, and the conversation stays where
 * it was: the same question pending, the same answers, the same id. Checked at every question of the flow, reached
 * by trying every choice from the start until each fact has been asked.
 */
class QuestionsInAConversationTest {

    static final List<String> QUESTIONS = List.of("why do you ask?", "what does the patch remove?",
            "how much does heartbeat cost?", "Warum fragen Sie das?");

    @BeforeAll
    static void loadKb() {
        DialogueTest.loadKb();
    }

    @Test
    void shouldAnswerAQuestionAtEveryQuestionOfTheFlowAndStayWhereItWas() {
        Dialogue dialogue = DialogueTest.dialogue();
        Map<String, Outcome.Ask> firstAsked = new LinkedHashMap<>();
        Deque<Outcome.Ask> todo = new ArrayDeque<>();
        todo.add((Outcome.Ask) dialogue.start(DialogueTest.ARTICLE, null, Channel.API));
        List<Fact> facts = DialogueTest.kb.get(DialogueTest.ARTICLE).article().article().facts();
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty() && firstAsked.size() < facts.size()) {
            Outcome.Ask ask = todo.poll();
            if (!seen.add(ask.turn().conversationId())) {
                continue;
            }
            firstAsked.putIfAbsent(ask.fact().id(), ask);
            for (String value : ask.fact().domain()) {
                Outcome next = dialogue.next(ask.turn().conversationId(),
                        new Input.Answer(ask.fact().id(), ask.fact().representative(value)), Channel.API);
                if (next instanceof Outcome.Ask a && !a.isConfirmation()) {
                    todo.add(a);
                }
            }
        }
        assertEquals(facts.stream().map(Fact::id).sorted().toList(), firstAsked.keySet().stream().sorted().toList(),
                "every question of the flow was reached");
        for (Outcome.Ask ask : firstAsked.values()) {
            for (String question : QUESTIONS) {
                Outcome after = dialogue.next(ask.turn().conversationId(), new Input.Text(question), Channel.API);
                Outcome.Ask same = assertInstanceOf(Outcome.Ask.class, after, question + " at " + ask.fact().id());
                assertEquals(ask.fact().id(), same.fact().id(), question);
                assertEquals(ask.turn().answers(), same.turn().answers(), question);
                assertEquals(ask.turn().conversationId(), same.turn().conversationId(), question);
                List<KbAnswer> asked = same.turn().reading().asked();
                assertEquals(1, asked.size(), question);
                assertEquals(question, asked.get(0).question());
                if (question.contains("ask") || question.contains("fragen")) {
                    KbAnswer.Purpose purpose = assertInstanceOf(KbAnswer.Purpose.class, asked.get(0),
                            question + " at " + ask.fact().id());
                    assertEquals(ask.fact().id(), purpose.factId());
                } else if (question.contains("cost")) {
                    assertInstanceOf(KbAnswer.NotSaid.class, asked.get(0));
                } else {
                    assertEquals("patch", assertInstanceOf(KbAnswer.Quoted.class, asked.get(0)).anchor());
                }
            }
        }
    }

    @Test
    void shouldReadTheAnswersOfAMessageAndAnswerItsQuestionApart() {
        Dialogue dialogue = DialogueTest.dialogue();
        Outcome.Ask first = (Outcome.Ask) dialogue.start(DialogueTest.ARTICLE, null, Channel.API);
        Outcome after = dialogue.next(first.turn().conversationId(),
                new Input.Text("It's Windows 2003, 32-bit. Is the patch for x64 too?"), Channel.API);
        Outcome.Reply reply = assertInstanceOf(Outcome.Reply.class, after);
        Map<String, String> read = new LinkedHashMap<>();
        reply.turn().answers().forEach(a -> read.put(a.factId(), a.value()));
        reply.turn().early().forEach(a -> read.put(a.factId(), a.value()));
        assertEquals("windows-2003", read.get("os"));
        assertEquals("x86", read.get("architecture"), "the question's x64 is not an answer");
        assertEquals(1, reply.turn().reading().asked().size());
        assertTrue(reply.turn().reading().asked().get(0).question().startsWith("Is the patch for x64"));
    }

    @Test
    void shouldTakeAnUnsureValueAsAnAnswerNotAQuestion() {
        Dialogue dialogue = DialogueTest.dialogue();
        Outcome.Ask first = (Outcome.Ask) dialogue.start(DialogueTest.ARTICLE, null, Channel.API);
        Outcome after = dialogue.next(first.turn().conversationId(), new Input.Text("w2k3?"), Channel.API);
        assertTrue(((Outcome.Reply) after).turn().reading().asked().isEmpty(), after.toString());
    }
}
