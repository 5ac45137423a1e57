package io.kbguide.edge;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON body the API refuses, on every endpoint that reads one: the status, the problem type and the field
 * named, so that a change in how bodies are read cannot quietly turn a clear 400 into a 200 with a coerced value, a
 * 404 for an id the client never sent, or a field named after a Java parameter.
 */
@QuarkusTest
class RequestBodiesTest {

    static final String DIAGNOSIS = "/api/v1/articles/heartbeat-registry-driver/diagnosis";
    static final String START = "/api/v1/conversations";
    static final String REPLY = "REPLY";
    static final String LONG_TEXT = "a".repeat(12_001);
    static final String FIFTY_ONE_FACTS = IntStream.range(0, 51).mapToObj(i -> "\"f" + i + "\":\"x\"")
            .collect(Collectors.joining(",", "{\"facts\":{", "}}"));

    @TestHTTPResource("/")
    URI base;

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                // endpoint, body, status, problem type, field named (null: none)
                Arguments.of(DIAGNOSIS, "", 400, "missing-body", null),
                Arguments.of(DIAGNOSIS, "  \n", 400, "missing-body", null),
                Arguments.of(DIAGNOSIS, "null", 400, "missing-body", null),
                Arguments.of(DIAGNOSIS, "[]", 400, "invalid-json", null),
                Arguments.of(DIAGNOSIS, "\"facts\"", 400, "invalid-json", null),
                Arguments.of(DIAGNOSIS, "{", 400, "malformed-json", null),
                Arguments.of(DIAGNOSIS, "{\"facts\":{}} trailing", 400, "malformed-json", null),
                Arguments.of(DIAGNOSIS, "{\"facts\":{}} {}", 400, "malformed-json", null),
                Arguments.of(DIAGNOSIS, "{\"facts\": []}", 400, "invalid-json", "facts"),
                Arguments.of(DIAGNOSIS, "{\"facts\": {\"os\": 1}}", 400, "invalid-facts", "facts.os"),
                Arguments.of(DIAGNOSIS, "{\"facts\": {\"os\": [\"windows-2003\"]}}", 400, "invalid-facts",
                        "facts.os"),
                Arguments.of(DIAGNOSIS, "{\"fact\": {}}", 400, "invalid-json", "fact"),
                Arguments.of(DIAGNOSIS, "{\"facts\": {}, \"text\": 5}", 400, "invalid-json", "text"),
                Arguments.of(DIAGNOSIS, "{\"facts\": {}, \"text\": true}", 400, "invalid-json", "text"),
                Arguments.of(DIAGNOSIS, "{\"facts\": {}, \"text\": 2.5}", 400, "invalid-json", "text"),
                Arguments.of(DIAGNOSIS, "{\"text\": \"" + LONG_TEXT + "\"}", 400, "invalid-request", "text"),
                Arguments.of(DIAGNOSIS, FIFTY_ONE_FACTS, 400, "invalid-request", "facts"),
                Arguments.of(START, "", 400, "missing-body", null),
                Arguments.of(START, "null", 400, "missing-body", null),
                Arguments.of(START, "[]", 400, "invalid-json", null),
                Arguments.of(START, "{", 400, "malformed-json", null),
                Arguments.of(START, "{\"articleId\": \"heartbeat-registry-driver\"} x", 400, "malformed-json", null),
                Arguments.of(START, "{\"articleId\": 5}", 400, "invalid-json", "articleId"),
                Arguments.of(START, "{\"articleId\": \"\"}", 400, "invalid-request", "articleId"),
                Arguments.of(START, "{}", 400, "invalid-request", "articleId"),
                Arguments.of(START, "{\"facts\": {}}", 400, "invalid-json", "facts"),
                Arguments.of(START, "{\"articleId\": \"heartbeat-registry-driver\", \"text\": [\"a\"]}", 400,
                        "invalid-json", "text"),
                Arguments.of(START, "{\"articleId\": \"heartbeat-registry-driver\", \"text\": \"" + LONG_TEXT
                        + "\"}", 400, "invalid-request", "text"),
                Arguments.of(START, "{\"articleId\": \"no-such-article\"}", 404, "unknown-article", null),
                Arguments.of(REPLY, "", 400, "missing-body", null),
                Arguments.of(REPLY, "null", 400, "missing-body", null),
                Arguments.of(REPLY, "\"x86\"", 400, "invalid-json", null),
                Arguments.of(REPLY, "{", 400, "malformed-json", null),
                Arguments.of(REPLY, "{\"factId\": \"architecture\", \"value\": \"x86\"} x", 400, "malformed-json",
                        null),
                Arguments.of(REPLY, "{\"factId\": 1, \"value\": \"x86\"}", 400, "invalid-json", "factId"),
                Arguments.of(REPLY, "{\"factId\": \"architecture\", \"value\": false}", 400, "invalid-json", "value"),
                Arguments.of(REPLY, "{\"factId\": \"architecture\"}", 400, "invalid-reply", "value"),
                Arguments.of(REPLY, "{\"text\": {}}", 400, "invalid-json", "text"),
                Arguments.of(REPLY, "{\"text\": \"" + LONG_TEXT + "\"}", 400, "invalid-request", "text"),
                Arguments.of(REPLY, "{\"facts\": {}}", 400, "invalid-json", "facts"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @MethodSource("refusedBodies")
    void shouldRefuseABadBodyWithAProblemNamingTheField(String endpoint, String body, int status, String type,
            String field) {
        Response r = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path(endpoint));
        String json = r.asString();
        assertEquals(status, r.statusCode(), json);
        assertTrue(r.contentType().startsWith("application/problem+json"), json);
        assertEquals("urn:kb-guide:problem:" + type, r.path("type"), json);
        assertFalse(r.<String>path("detail").isBlank(), json);
        List<String> fields = r.path("errors.field"); // absent when empty
        assertEquals(field == null ? List.of() : List.of(field), fields == null ? List.of() : fields, json);
        if (field != null) {
            assertTrue(r.<String>path("detail").contains(field), "the detail names the field: " + json);
        }
    }

    @Test
    void shouldListTheKnownFieldsOfEachBody() {
        Map.of(DIAGNOSIS, "facts, text", START, "articleId, text", REPLY, "factId, text, value").forEach(
                (endpoint, known) -> given().contentType(ContentType.JSON).body("{\"x\": 1}").when()
                        .post(path(endpoint)).then().statusCode(400)
                        .body("detail", endsWith("known fields: " + known)));
    }

    @Test
    void shouldShowAnExampleOfTheBodyWhenItIsMissing() {
        given().contentType(ContentType.JSON).when().post(path(DIAGNOSIS)).then().statusCode(400)
                .body("detail", containsString("\"facts\""));
        given().contentType(ContentType.JSON).when().post(path(START)).then().statusCode(400)
                .body("detail", containsString("\"articleId\""));
        given().contentType(ContentType.JSON).when().post(path(REPLY)).then().statusCode(400)
                .body("detail", containsString("\"factId\""));
    }

    @Test
    void shouldAcceptAnswersAndTextThatAreStringsOrNull() {
        given().contentType(ContentType.JSON).body("{\"facts\": {\"architecture\": \"x64\", \"os\": null},"
                + " \"text\": null}").when().post(DIAGNOSIS).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"articleId\": \"heartbeat-registry-driver\", \"text\": null}")
                .when().post(START).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"factId\": \"architecture\", \"value\": \"x86\"}")
                .when().post(path(REPLY)).then().statusCode(200);
    }

    @Test
    void shouldAnswerChunkedBodiesOverTheLimitWith413OnEveryEndpoint() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        byte[] big = ("{\"text\": \"" + "a".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String endpoint : List.of(DIAGNOSIS, START, REPLY)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path(endpoint)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), endpoint + ": " + r.body());
            assertTrue(r.body().contains("urn:kb-guide:problem:payload-too-large"), r.body());
            assertTrue(r.body().contains("at most 16384"), r.body());
        }
    }

    /** The reply endpoint of a conversation just started. */
    private static String path(String endpoint) {
        if (!REPLY.equals(endpoint)) {
            return endpoint;
        }
        String id = given().contentType(ContentType.JSON).body(Map.of("articleId", "heartbeat-registry-driver"))
                .when().post(START).then().statusCode(201).extract().path("conversationId");
        return START + "/" + id + "/replies";
    }
}
