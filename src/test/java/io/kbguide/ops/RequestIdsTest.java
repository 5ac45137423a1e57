package io.kbguide.ops;

import io.kbguide.problem.ProblemMappers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request has an id that is echoed, named in its problem documents and carried by its log lines; and neither
 * the conversation id nor the words a customer typed reach a log line, a problem document or a URL in a readable
 * form.
 */
@QuarkusTest
class RequestIdsTest {

    @Test
    void shouldEchoTheCallersRequestIdOrTheTraceparentsTraceIdOrMakeOne() {
        given().header("X-Request-Id", "desk-4711.a").when().get("/api/v1/articles").then().statusCode(200)
                .header("X-Request-Id", "desk-4711.a");
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").when()
                .get("/api/v1/articles").then().header("X-Request-Id", "4bf92f3577b34da6a3ce929d0e0e4736");
        given().when().get("/api/v1/articles").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        // a value that could forge log lines is replaced, not echoed
        given().header("X-Request-Id", "x\" injected=1").when().get("/api/v1/articles").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void shouldNameTheRequestInEveryProblemAndNeverTheConversationId() {
        String id = given().contentType("application/json")
                .body("{\"articleId\":\"heartbeat-registry-driver\"}").when().post("/api/v1/conversations")
                .then().statusCode(201).extract().path("conversationId");
        List<LogRecord> records;
        try (io.kbguide.testing.LogCapture log = io.kbguide.testing.LogCapture.of(ProblemMappers.class)) {
            given().header("X-Request-Id", "desk-0815").contentType("application/json")
                    .body("{\"factId\":\"os\",\"value\":\"windows-3000\"}").when()
                    .post("/api/v1/conversations/" + id + "/replies").then().statusCode(400)
                    .contentType("application/problem+json").header("X-Request-Id", "desk-0815")
                    .body("requestId", equalTo("desk-0815"))
                    .body("instance", equalTo("urn:kb-guide:request:desk-0815"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id)));
            // an unknown path under a conversation: the 404's detail names the route, not the id
            given().when().get("/api/v1/conversations/" + id + "/nothing").then().statusCode(404)
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id)));
            records = log.records();
        }
        assertFalse(records.isEmpty(), "the 4xx was logged");
        for (LogRecord r : records) {
            String line = io.kbguide.testing.LogCapture.text(r);
            assertFalse(line.contains(id), "a log line holds the conversation id: " + line);
        }
        assertTrue(records.stream().anyMatch(r -> r instanceof ExtLogRecord ext
                && "desk-0815".equals(ext.getMdc("requestId"))), "the log line carries the request id");
    }

    @Test
    void shouldLetNoTypedWordBeReadFromAConversationIdOrItsLocation() {
        Response started = given().contentType("application/json")
                .body("{\"articleId\":\"heartbeat-registry-driver\",\"text\":\"w2k3 box owned by Contoso, SP2\"}")
                .when().post("/api/v1/conversations");
        started.then().statusCode(201);
        String id = started.path("conversationId");
        String location = started.header("Location");
        for (String carrier : List.of(id, location)) {
            assertFalse(carrier.toLowerCase().contains("contoso"), carrier);
            byte[] raw = Base64.getUrlDecoder().decode(id);
            assertFalse(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase()
                    .contains("contoso"));
        }
        System.out.println("conversation id after a typed sentence: " + id.length() + " characters");
        assertTrue(id.length() <= 1000, id.length() + " characters");
        // and the id still carries the conversation
        assertTrue(given().when().get("/api/v1/conversations/" + id).then().statusCode(200).extract().asString()
                .contains("windows-2003"));
    }
}
