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
            "threeGb", "leakPatch", "wayOut");
    /** The longest id the README promises (with every fact typed in long multibyte words, and their origins). */
    static final int LONGEST_ID = 1300;

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
        java.util.Random random = new java.util.Random(7);
        for (String f : FACTS) {
            // different words for every fact, which compress the least
            StringBuilder words = new StringBuilder();
            while (words.length() < 80) {
                words.appendCodePoint(random.nextBoolean() ? 0x0430 + random.nextInt(32) : 0x4e00 + random.nextInt(9000));
            }
            typed.put(f, ConversationCodec.cut(words.toString()));
            answers.add(new Answer(f, f.equals("heartbeatVersion") ? "5.0.3.12345" : "windows-2003-r2"));
        }
        Map<String, String> origins = new LinkedHashMap<>();
        FACTS.forEach(f -> origins.put(f, "collected"));
        String id = CODEC.encode(new ConversationCodec.State("heartbeat-registry-driver", "1", answers,
                new ConversationCodec.Confirmation("servicePack", List.of("none", "sp1", "sp2")), typed, origins));
        System.out.println("longest id with every answer typed: " + id.length() + " characters");
        assertTrue(id.length() <= LONGEST_ID, id.length() + " characters");
        assertEquals(typed, CODEC.decode(id).typed());
        typed.values().forEach(v -> assertTrue(v.getBytes(StandardCharsets.UTF_8).length
                <= ConversationCodec.MAX_EVIDENCE && v.endsWith("..."), v));
    }

    @Test
    void shouldLetNoCustomerWordBeReadFromAnIdNotEvenThroughNestedBase64() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("os", "w2k3 box owned by Contoso, SP2");
        typed.put("servicePack", "w2k3 box owned by Contoso, SP2");
        String id = CODEC.encode(new ConversationCodec.State("heartbeat-registry-driver", "2",
                List.of(new Answer("os", "windows-2003"), new Answer("servicePack", "sp2")), null, typed));
        for (String text : readable(id, 3)) {
            assertTrue(!text.toLowerCase(java.util.Locale.ROOT).contains("contoso")
                    && !text.contains("owned") && !text.contains("w2k3"), "readable from the id: " + text);
        }
        assertEquals(typed, CODEC.decode(id).typed());
        // one state, one id (the nonce comes from the state), so caches and retries see the same id
        assertEquals(id, CODEC.encode(CODEC.decode(id)));
    }

    /** Every text that can be read from a string by decoding base64 (url or standard) of any run, nested. */
    private static List<String> readable(String text, int depth) {
        List<String> out = new java.util.ArrayList<>(List.of(text));
        if (depth == 0) {
            return out;
        }
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("[A-Za-z0-9+/_-]{4,}").matcher(text);
        while (run.find()) {
            String r = run.group();
            for (int start = 0; start < 4 && start < r.length(); start++) {
                String part = r.substring(start, start + (r.length() - start) / 4 * 4);
                for (java.util.Base64.Decoder d : List.of(java.util.Base64.getUrlDecoder(),
                        java.util.Base64.getDecoder())) {
                    try {
                        String decoded = new String(d.decode(part), StandardCharsets.ISO_8859_1);
                        out.addAll(readable(decoded, depth - 1));
                    } catch (IllegalArgumentException e) {
                        // not base64 in this alphabet
                    }
                }
            }
        }
        return out;
    }

    @Test
    void shouldStillReadIdsOfTheOlderSignedOnlyFormat() {
        ConversationCodec.State state = new ConversationCodec.State("heartbeat-registry-driver", "2",
                List.of(new Answer("os", "windows-2003")), null, Map.of("os", "w2k3"));
        String old = CODEC.encodeSigned(state);
        assertEquals(state.answers(), CODEC.decode(old).answers());
        assertEquals(Map.of("os", "w2k3"), CODEC.decode(old).typed());
    }

    @Test
    void shouldReadIdsOfAPreviousKeyWhileItIsListedAndRefuseThemAfter() {
        byte[] oldKey = "o".repeat(32).getBytes(StandardCharsets.UTF_8);
        byte[] newKey = "n".repeat(32).getBytes(StandardCharsets.UTF_8);
        ConversationCodec.State state = new ConversationCodec.State("heartbeat-registry-driver", "2",
                List.of(new Answer("os", "windows-2003")));
        String id = new ConversationCodec(oldKey).encode(state);
        String signed = new ConversationCodec(oldKey).encodeSigned(state);
        ConversationCodec rotated = new ConversationCodec(newKey, List.of(oldKey));
        assertEquals(state.answers(), rotated.decode(id).answers());
        assertEquals(state.answers(), rotated.decode(signed).answers());
        // new ids are made with the new key only
        assertThrows(ConversationCodec.InvalidIdException.class,
                () -> new ConversationCodec(oldKey).decode(rotated.encode(state)));
        assertThrows(ConversationCodec.InvalidIdException.class, () -> new ConversationCodec(newKey).decode(id));
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
