package io.kbguide.problem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP protocol edges answered as problem documents, never as a 500 or a bare status. */
@QuarkusTest
class ProtocolEdgesTest {

    static final String DIAGNOSIS = "/api/v1/articles/heartbeat-registry-driver/diagnosis";

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Raw requests: REST Assured will not send a malformed Content-Type, nor choose chunked encoding. */
    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "Content-Type \"{0}\"")
    @ValueSource(strings = {"", "foo", "application/", "application/json; charset=", "/json"})
    void shouldAnswerAnEmptyOrMalformedContentTypeWith415(String type) throws Exception {
        HttpResponse<String> r = post(DIAGNOSIS, type, HttpRequest.BodyPublishers.ofString("{\"facts\": {}}"));
        assertEquals(415, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("urn:kb-guide:problem:unsupported-media-type"), r.body());
    }

    @Test
    void shouldAnswerABodyWithoutContentTypeWith415() throws Exception {
        HttpResponse<String> r = post(DIAGNOSIS, null, HttpRequest.BodyPublishers.ofString("{\"facts\": {}}"));
        assertEquals(415, r.statusCode(), r.body());
    }

    @Test
    void shouldAnswerAChunkedBodyOverTheLimitWith413Problem() throws Exception {
        byte[] body = ("{\"text\": \"" + "a".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // a body of unknown length is sent chunked, without a Content-Length
        HttpResponse<String> r = post(DIAGNOSIS, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("urn:kb-guide:problem:payload-too-large"), r.body());
        HttpResponse<String> small = post(DIAGNOSIS, "application/json", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("{\"facts\": {\"architecture\": \"x64\"}}".getBytes())));
        assertEquals(200, small.statusCode(), small.body());
    }

    @Test
    void shouldAnswerAWrongMethodWith405AndAllow() {
        given().when().get(DIAGNOSIS).then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "POST").body("detail", containsString("GET is not allowed"));
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/conversations").then().statusCode(405)
                .header("Allow", "POST");
        given().when().delete("/api/v1/articles/heartbeat-registry-driver").then().statusCode(405)
                .header("Allow", "GET, HEAD");
    }

    @Test
    void shouldHonourAcceptOnPostReplies() {
        String id = given().contentType(ContentType.JSON).body(Map.of("articleId", "heartbeat-registry-driver"))
                .when().post("/api/v1/conversations").then().statusCode(201).extract().path("conversationId");
        given().contentType(ContentType.JSON).accept("text/markdown")
                .body(Map.of("text", "it's a w2k3 box, 32-bit, probably SP2"))
                .when().post("/api/v1/conversations/" + id + "/replies").then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(containsString("**Read from your message:**"), containsString("sounds unsure"),
                        containsString("### Which version of Neverfail Heartbeat"));
        given().contentType(ContentType.JSON).accept("text/plain")
                .body(Map.of("articleId", "heartbeat-registry-driver"))
                .when().post("/api/v1/conversations").then().statusCode(201).contentType(startsWith("text/plain"))
                .body(containsString("QUESTION: Which Windows version runs on the server?"));
        given().accept("application/json").when().post("/api/v1/conversations/" + id + "/restart").then()
                .statusCode(200).contentType(startsWith("application/json")).body("step.type", equalTo("question"));
    }

    @Test
    void shouldRefuseAMalformedContentTypeEvenWithoutABody() {
        // found by HostileInputFuzzTest: the resource matcher failed on it with a 500
        io.restassured.RestAssured.given().header("Content-Type", "application/").when()
                .post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(415)
                .contentType("application/problem+json");
    }
}
