package io.kbguide.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.ConversationCodec;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.DialogueTest;
import io.kbguide.dialogue.Input;
import io.kbguide.dialogue.StepMemo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What the conversation adapter keeps: the view and JSON of a step the dialogue remembers, and nothing of a step
 * that is seen once (a start, a look at the current step, a typed message), which would only push remembered ones
 * out.
 */
class ConversationServiceCacheTest {

    static final String ARTICLE = "heartbeat-registry-driver";

    final Map<StepMemo.Key, StepMemo.Step> remembered = new HashMap<>();
    ConversationService service;

    @BeforeAll
    static void loadKb() {
        DialogueTest.loadKb();
    }

    ConversationServiceCacheTest() {
        Dialogue dialogue = new Dialogue(DialogueTest.articles(), new ConversationCodec("t".repeat(32)
                .getBytes(StandardCharsets.UTF_8)), List.of(), StepMemo.of(remembered));
        service = new ConversationService(dialogue, new ObjectMapper(), new ConversationConfig() {
            @Override
            public Optional<String> signingKey() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> previousSigningKeys() {
                return Optional.empty();
            }

            @Override
            public Path keyFile() {
                return Path.of("unused");
            }

            @Override
            public int stepCacheSize() {
                return 1000;
            }

            @Override
            public String helpDesk() {
                return "the help desk";
            }
        }, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @Test
    void shouldWriteARememberedStepOnce() {
        String id = Drive.start(service, ARTICLE).conversationId();
        ConversationView first = service.next(id, new Input.Answer("architecture", "x86"), Channel.API);
        ConversationView again = service.next(id, new Input.Answer("architecture", "x86"), Channel.API);

        assertSame(first, again, "the remembered step is put into words once");
        assertSame(service.json(first), service.json(again), "and written as JSON once");
    }

    @Test
    void shouldKeepNothingOfStepsSeenOnce() {
        ConversationView started = Drive.start(service, ARTICLE);
        ConversationView shown = service.get(started.conversationId(), Channel.API);
        ConversationView typed = service.next(started.conversationId(), new Input.Text("it is a 32-bit server"),
                Channel.API);

        for (ConversationView view : List.of(started, shown, typed)) {
            byte[] json = service.json(view);
            assertArrayEquals(json, service.json(view));
            assertNotSame(json, service.json(view), "a step seen once is written when asked, not kept");
        }
        assertNotSame(service.get(started.conversationId(), Channel.API),
                service.get(started.conversationId(), Channel.API), "a look is put into words each time");
    }
}
