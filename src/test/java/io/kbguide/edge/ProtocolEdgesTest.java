package io.kbguide.edge;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * What the HTTP layer refuses before the service sees the request is answered without a body: Vert.x answers
     * a request line or headers over the limits itself, Quarkus a URI that {@code java.net.URI} cannot parse, and
     * its CORS filter a browser request from an origin it does not allow; neither offers a hook for a body (and a
     * page cannot read the body of a CORS refusal anyway). Pinned here, so that a framework upgrade that changes
     * them is noticed, and checked to be documented where integrators look: the README and the OpenAPI document.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "request line over 4096 bytes | 414 | LONG_LINE",
            "headers over 16 KB | 431 | BIG_HEADER",
            "a bad percent-escape | 400 | /api/v1/articles/%zz",
            "an origin CORS does not allow | 403 | ORIGIN"})
    void shouldDocumentWhatTheHttpLayerRefusesWithAnEmptyBody(String what, int status, String how) throws Exception {
        String path = switch (how) {
            case "LONG_LINE" -> "/api/v1/articles/" + "a".repeat(5_000);
            case "BIG_HEADER", "ORIGIN" -> "/api/v1/articles";
            default -> how;
        };
        String headers = switch (how) {
            case "BIG_HEADER" -> "X-Big: " + "a".repeat(20_000) + "\r\n";
            case "ORIGIN" -> "Origin: https://elsewhere.example\r\n";
            default -> "";
        };
        String response;
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertTrue(response.matches("(?s)HTTP/1\\.[01] " + status + " .*"), what + ": " + response);
        assertTrue(response.endsWith("\r\n\r\n") && response.toLowerCase(java.util.Locale.ROOT)
                .contains("content-length: 0"), what + " has no body: " + response);
        String readme = Files.readString(Path.of("README.md"));
        String description = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().path("info.description");
        for (String documented : new String[] {readme, description}) {
            int at = documented.indexOf("with an empty body:");
            assertTrue(at >= 0, "no word of the refusals with an empty body");
            String paragraph = documented.substring(at, Math.min(documented.length(), at + 700));
            assertTrue(paragraph.matches("(?s).*\\(" + status + "[),;].*"),
                    what + " (" + status + ") is not documented: " + paragraph);
        }
    }

    @Test
    void shouldRefuseAMalformedContentTypeEvenWithoutABody() {
        // found by HostileInputFuzzTest: the resource matcher failed on it with a 500
        io.restassured.RestAssured.given().header("Content-Type", "application/").when()
                .post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(415)
                .contentType("application/problem+json");
    }
}
