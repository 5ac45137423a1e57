package io.kbguide.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.DialogueTest;
import io.kbguide.engine.Answer;
import io.kbguide.engine.CompiledArticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit line of a diagnosis: what was advised, on what facts, for which conversation; free text only if set. */
class AuditLogTest {

    static CompiledArticle article;

    @BeforeAll
    static void load() {
        if (DialogueTest.kb == null) {
            DialogueTest.loadKb();
        }
        article = DialogueTest.kb.get("heartbeat-registry-driver").article();
    }

    @Test
    void shouldWriteTheFactsFindingsAndStepsOfADiagnosisAsOneJsonLine() throws Exception {
        DialogueEvent event = diagnosed();
        String line = new AuditLog(new ObjectMapper(), true, false).line(event);
        assertFalse(line.contains("\n"), "one line");
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("diagnosis", json.path("type").asText());
        assertEquals("heartbeat-registry-driver", json.path("article").asText());
        assertEquals("slack", json.path("channel").asText());
        assertEquals("x86", json.path("facts").path("architecture").asText());
        assertEquals("hookers", json.path("findings").path("driverMethod").asText());
        assertEquals("remove-usenewapi", json.path("steps").path(0).asText());
        assertEquals(16, json.path("conversation").asText().length());
        assertFalse(line.contains("the-conversation-id"), "the id itself, which resumes the conversation, is not kept");
        assertTrue(json.path("evidence").isMissingNode(), "no free text unless configured");
        JsonNode withText = new ObjectMapper().readTree(new AuditLog(new ObjectMapper(), true, true).line(event));
        assertEquals("it's SP1", withText.path("evidence").path("servicePack").asText());
    }

    private static DialogueEvent diagnosed() {
        Map<String, String> facts = Map.of("architecture", "x86", "os", "windows-2003", "heartbeatVersion", "5.0.3",
                "servicePack", "sp1", "useNewApi", "zero", "leakPatch", "not-installed");
        List<Answer> answers = facts.entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
        return new DialogueEvent(DialogueEvent.Kind.DIAGNOSED, "heartbeat-registry-driver", "1", Channel.SLACK, null,
                null, null, null, answers, article.diagnose(facts), false, "the-conversation-id",
                Map.of("servicePack", "it's SP1"));
    }
}
