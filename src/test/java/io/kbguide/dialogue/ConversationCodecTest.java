package io.kbguide.dialogue;

import io.kbguide.engine.Answer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversation ids carrying typed answers awaiting a read-back, with the words they were read from. */
class ConversationCodecTest {

    static final ConversationCodec CODEC = new ConversationCodec("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    static final List<String> FACTS = List.of("architecture", "os", "heartbeatVersion", "servicePack", "useNewApi",
            "threeGb", "leakPatch");

    @Test
    void shouldCarryTypedAnswersAndTheirWordsThroughAnId() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("threeGb", "didn't remove /3GB");
        typed.put("useNewApi", "UseNewApi is 0, ça marche");
        ConversationCodec.State state = new ConversationCodec.State("heartbeat-registry-driver", "1",
                List.of(new Answer("threeGb", "yes"), new Answer("useNewApi", "zero")), null, typed);
        ConversationCodec.State back = CODEC.decode(CODEC.encode(state));
        assertEquals(typed, back.typed());
        assertEquals(state.answers(), back.answers());
    }

    @Test
    void shouldKeepAnIdWithEveryFactTypedInLongMultibyteWordsUnderTheLimit() {
        Map<String, String> typed = new LinkedHashMap<>();
        List<Answer> answers = new java.util.ArrayList<>();
        for (String f : FACTS) {
            typed.put(f, ConversationCodec.cut("пожалуйста 请 ".repeat(40)));
            answers.add(new Answer(f, f.equals("heartbeatVersion") ? "5.0.3.12345" : "windows-2003-r2"));
        }
        String id = CODEC.encode(new ConversationCodec.State("heartbeat-registry-driver", "1", answers,
                new ConversationCodec.Confirmation("servicePack", List.of("none", "sp1", "sp2")), typed));
        System.out.println("longest id with every answer typed: " + id.length() + " characters");
        assertTrue(id.length() < 1500, id.length() + " characters");
        assertEquals(typed, CODEC.decode(id).typed());
        typed.values().forEach(v -> assertTrue(v.getBytes(StandardCharsets.UTF_8).length
                <= ConversationCodec.MAX_EVIDENCE && v.endsWith("..."), v));
    }

    @Test
    void shouldRefuseATamperedTypedPart() {
        String id = CODEC.encode(new ConversationCodec.State("a", "1", List.of(new Answer("os", "x")), null,
                Map.of("os", "w2k3")));
        char last = id.charAt(id.length() - 30);
        String tampered = id.substring(0, id.length() - 30) + (last == 'A' ? 'B' : 'A') + id.substring(id.length() - 29);
        assertThrows(ConversationCodec.InvalidIdException.class, () -> CODEC.decode(tampered));
    }
}
