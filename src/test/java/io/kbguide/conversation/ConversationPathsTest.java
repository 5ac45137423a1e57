package io.kbguide.conversation;

import io.kbguide.dialogue.ConversationCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.engine.Fact;
import io.kbguide.engine.KbReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiring of the guided conversation over HTTP: one path for each answer to the first question (and
 * "unknown"), continued with the first answer that fits at each later question, must end in the diagnosis the
 * stateless endpoint gives for the same facts. Every path, and that each question matters, is walked in-process
 * against the dialogue core ({@link io.kbguide.dialogue.DialogueTest}).
 */
@QuarkusTest
class ConversationPathsTest {

    static final String ARTICLE = "heartbeat-registry-driver";
    static final String DIAGNOSIS = "/api/v1/articles/" + ARTICLE + "/diagnosis";

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final List<Integer> lengths = new ArrayList<>();

    @Test
    void shouldEndPathsThroughTheApiInTheStatelessDiagnosis() {
        new KbReader().read(Path.of("kb", ARTICLE)).facts().forEach(f -> facts.put(f.id(), f));
        HttpResponse<String> start = post("/api/v1/conversations", Map.of("articleId", ARTICLE));
        assertEquals(201, start.statusCode());
        walk(read(start), new LinkedHashMap<>());

        int max = lengths.stream().mapToInt(Integer::intValue).max().orElseThrow();
        double mean = lengths.stream().mapToInt(Integer::intValue).average().orElseThrow();
        System.out.printf("conversation paths walked over HTTP: %d; questions per path: max %d, mean %.2f%n",
                lengths.size(), max, mean);
        assertTrue(lengths.size() >= 3, "one path per first answer: " + lengths.size());
        assertTrue(max <= facts.size());
    }

    private void walk(JsonNode step, Map<String, String> answers) {
        String id = step.path("conversationId").asText();
        assertTrue(id.length() <= ConversationCodec.MAX_LENGTH, "fits a Slack button value: " + id.length());
        assertEquals(answers.size(), step.path("step").path("answers").size(), "answers so far");
        if ("diagnosis".equals(step.path("step").path("type").asText())) {
            HttpResponse<String> stateless = post(DIAGNOSIS, Map.of("facts", answers));
            assertEquals(200, stateless.statusCode());
            JsonNode conversation = step.path("step").path("diagnosis").deepCopy();
            // the same diagnosis; only where the facts came from differs (buttons here, given there)
            for (JsonNode f : conversation.path("facts")) {
                assertEquals("button", f.path("origin").asText(), "path " + answers);
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("origin", "given");
            }
            assertEquals(read(stateless), conversation, "path " + answers);
            lengths.add(answers.size());
            return;
        }
        String factId = step.path("step").path("question").path("factId").asText();
        assertTrue(step.path("step").path("progress").path("remainingAtMost").asInt() >= 1);
        Fact fact = facts.get(factId);
        List<String> values = new ArrayList<>();
        fact.domain().forEach(v -> values.add(fact.representative(v)));
        values.add(Fact.UNKNOWN);
        int taken = 0;
        for (String value : values) {
            if (!answers.isEmpty() && taken > 0) {
                break; // after the first question, one path on
            }
            HttpResponse<String> response = post("/api/v1/conversations/" + id + "/replies",
                    Map.of("factId", factId, "value", value));
            if (response.statusCode() == 400 && "urn:kb-guide:problem:contradictory-answer"
                    .equals(read(response).path("type").asText())) {
                continue; // e.g. no service pack on Windows Server 2003 R2 cannot be chosen
            }
            assertEquals(200, response.statusCode(), response.body());
            taken++;
            Map<String, String> next = new LinkedHashMap<>(answers);
            next.put(factId, value);
            walk(read(response), next);
        }
    }

    private HttpResponse<String> post(String path, Object body) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
