package io.kbguide.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.DialogueTest;
import io.kbguide.engine.Answer;
import io.kbguide.engine.CompiledArticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
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
        String line = new AuditLog(true, false).line(event);
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
        JsonNode withText = new ObjectMapper().readTree(new AuditLog(true, true).line(event));
        assertEquals("it's SP1", withText.path("evidence").path("servicePack").asText());
    }

    @Test
    void shouldWriteExactlyWhatAJsonTreeOfTheSameFieldsWrites() {
        Map<String, String> awkward = new LinkedHashMap<>();
        awkward.put("servicePack", "\"SP1\" \\ tab\there, newline\nthere, \u0001, \u00e9t\u00e9 \ud83d\ude00 </script>");
        awkward.put("os", "");
        for (DialogueEvent event : List.of(diagnosed(), diagnosed(Channel.API, null, null, awkward),
                diagnosed(Channel.WIDGET, "2", "x".repeat(2000), Map.of()))) {
            for (boolean includeText : List.of(false, true)) {
                String line = new AuditLog(true, includeText).line(event);
                String time = line.replaceFirst("^\\{\"type\":\"diagnosis\",\"time\":\"([^\"]+)\".*", "$1");
                assertEquals(treeLine(event, time, includeText), line);
            }
        }
    }

    /** The line as a Jackson tree writes it: the first version of the audit line, kept here as the reference. */
    private static String treeLine(DialogueEvent e, String time, boolean includeText) {
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("type", "diagnosis");
        line.put("time", time);
        line.put("article", e.articleId());
        line.put("articleVersion", e.articleVersion());
        line.put("channel", e.channel().id());
        line.put("conversation", AuditLog.reference(e.conversationId()));
        ObjectNode facts = line.putObject("facts");
        e.answers().forEach(a -> facts.put(a.factId(), a.value()));
        ObjectNode findings = line.putObject("findings");
        e.diagnosis().findings().forEach((id, f) -> findings.put(id, f.value()));
        ArrayNode steps = line.putArray("steps");
        e.diagnosis().remediation().forEach(s -> steps.add(s.id()));
        line.put("complete", e.diagnosis().complete());
        ArrayNode missing = line.putArray("missingFacts");
        e.diagnosis().missingFacts().forEach(f -> missing.add(f.id()));
        if (includeText && !e.evidence().isEmpty()) {
            ObjectNode evidence = line.putObject("evidence");
            e.evidence().forEach(evidence::put);
        }
        return line.toString();
    }

    private static DialogueEvent diagnosed() {
        return diagnosed(Channel.SLACK, "1", "the-conversation-id", Map.of("servicePack", "it's SP1"));
    }

    private static DialogueEvent diagnosed(Channel channel, String version, String conversationId,
            Map<String, String> evidence) {
        Map<String, String> facts = Map.of("architecture", "x86", "os", "windows-2003", "heartbeatVersion", "5.0.3",
                "servicePack", "sp1", "useNewApi", "zero", "leakPatch", "not-installed");
        List<Answer> answers = facts.entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
        return new DialogueEvent(DialogueEvent.Kind.DIAGNOSED, "heartbeat-registry-driver", version, channel, null,
                null, null, null, answers, article.diagnose(facts), false, conversationId, evidence);
    }
}
