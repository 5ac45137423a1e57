package io.kbguide.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.problem.Problem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input, generated: random and mutated JSON, huge and deeply nested bodies, wrong types, odd Unicode,
 * invalid and forged conversation ids, forged Slack requests, wrong content types and methods, across every
 * endpoint. Whatever comes, no 5xx; every 4xx is a problem document with its status; the service is healthy after.
 * Seeded, so a failure reproduces: the seed and the request are in the message.
 */
@QuarkusTest
class HostileInputFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final String ARTICLE = "heartbeat-registry-driver";

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readyUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Random random;
    private final List<String> ids = new ArrayList<>();

    @Test
    void shouldAnswerEveryHostileRequestWithoutA5xxAndWithProblemsForEvery4xx() throws Exception {
        random = new Random(SEED);
        seedIds();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request r = next();
            HttpResponse<String> response;
            try {
                response = http.send(r.build(base), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                // the server may close a connection on a malformed request; that is an answer, not a failure
                statuses.merge(-1, 1, Integer::sum);
                continue;
            }
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String where = "seed " + SEED + ", request " + i + ": " + r + " -> " + status + " " + abbreviate(
                    response.body());
            assertTrue(status < 500, where);
            if (status >= 400 && !"HEAD".equals(r.method)) {
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE),
                        "a problem document: " + where);
                JsonNode problem = json.readTree(response.body());
                assertEquals(status, problem.path("status").asInt(), where);
                assertTrue(problem.path("type").asText().startsWith("urn:kb-guide:problem:"), where);
                assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat "),
                        "no stack trace: " + where);
            }
            if (status == 200 && r.path.contains("conversations") && random.nextInt(4) == 0) {
                JsonNode body = readOrNull(response.body());
                if (body != null && body.hasNonNull("conversationId")) {
                    ids.add(body.get("conversationId").asText()); // go on from where a hostile reply led
                }
            }
        }
        System.out.printf("fuzz: %d requests (seed %d), statuses %s%n", REQUESTS, SEED, statuses);
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(readyUrl.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), "healthy after: " + ready.body());
        HttpResponse<String> works = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/articles/" + ARTICLE
                + "/diagnosis")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"facts\":{\"architecture\":\"x64\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, works.statusCode(), "still diagnosing: " + works.body());
    }

    private void seedIds() throws Exception {
        for (String text : List.of("", "x86 Windows Server 2003 SP2", "64-bit, Heartbeat 6.1")) {
            String body = text.isEmpty() ? "{\"articleId\":\"" + ARTICLE + "\"}"
                    : "{\"articleId\":\"" + ARTICLE + "\",\"text\":\"" + text + "\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/conversations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ids.add(json.readTree(r.body()).get("conversationId").asText());
        }
    }

    /** One generated request. */
    record Request(String method, String path, String contentType, String accept, byte[] body) {

        HttpRequest build(URI base) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (accept != null) {
                b.header("Accept", accept);
            }
            return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " [" + contentType + "] " + (body == null ? "" : abbreviate(
                    new String(body, StandardCharsets.UTF_8)));
        }
    }

    private Request next() {
        int kind = random.nextInt(100);
        String method = kind < 80 ? (random.nextInt(3) == 0 ? "GET" : "POST")
                : pick("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
        String path = path();
        String type = random.nextInt(10) < 7 ? "application/json"
                : pick("text/plain", "", "application/", "application/json; charset=ebcdic", "multipart/form-data",
                        "application/x-www-form-urlencoded", "application/json;;;", "*/*", "text/markdown");
        String accept = random.nextInt(5) == 0 ? pick("text/markdown", "text/plain", "*/*", "image/png",
                "application/json;q=0", "text/html", "garbage") : null;
        byte[] body = "GET".equals(method) || "HEAD".equals(method) ? null : body(path);
        return new Request(method, path, type.isEmpty() ? null : type, accept, body);
    }

    private String path() {
        String id = conversationId();
        return switch (random.nextInt(16)) {
            case 0, 1, 2 -> "/api/v1/articles/" + article() + "/diagnosis";
            case 3, 4 -> pick("/api/v1/conversations", "/widget/v1/conversations");
            case 5, 6, 7 -> pick("/api/v1", "/widget/v1") + "/conversations/" + id + "/replies";
            case 8 -> "/api/v1/conversations/" + id + pick("/back", "/restart", "/confirm", "");
            case 9 -> "/api/v1/articles/" + article();
            case 10 -> pick("/api/v1/articles", "/", "/articles/" + article(), "/widget/kb-guide.js",
                    "/widget/none.js", "/q/health", "/q/openapi");
            case 11 -> pick("/slack/commands", "/slack/interactions", "/slack/events");
            case 12 -> "/api/v1/conversations/" + encode(unicode(random.nextInt(40) + 1));
            case 13 -> "/api/v1/p" + encode(unicode(random.nextInt(30))) + "/" + pick("..", "%2e%2e", "%00", "a");
            default -> "/api/v1/conversations/" + id + "/replies";
        };
    }

    private String article() {
        return random.nextInt(5) == 0 ? pick("", "x", "../../etc/passwd", "HEARTBEAT-REGISTRY-DRIVER",
                "a".repeat(300), "%20") : ARTICLE;
    }

    private String conversationId() {
        String id = ids.get(random.nextInt(ids.size()));
        return switch (random.nextInt(8)) {
            case 0 -> id.substring(0, random.nextInt(id.length()));                        // truncated
            case 1 -> flip(id);                                                             // forged
            case 2 -> id + "A".repeat(random.nextInt(3000));                               // overlong
            case 3 -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("c1|" + ARTICLE + "|1|os=windows-2003").getBytes(StandardCharsets.UTF_8)); // unsigned
            default -> id;
        };
    }

    private String flip(String id) {
        char[] c = id.toCharArray();
        int at = random.nextInt(c.length);
        c[at] = c[at] == 'A' ? 'B' : 'A';
        return new String(c);
    }

    private byte[] body(String path) {
        String text = switch (random.nextInt(14)) {
            case 0 -> randomJson(random.nextInt(4) + 1);
            case 1 -> "[".repeat(random.nextInt(20_000)) + "]".repeat(random.nextInt(100));  // deep nesting
            case 2 -> "{\"facts\":" + "{\"a\":".repeat(random.nextInt(3000)) + "1" + "}".repeat(10);
            case 3 -> "{\"text\":\"" + "x".repeat(random.nextInt(40_000)) + "\"}";          // huge
            case 4 -> "{\"factId\":" + pick("1", "[]", "{}", "null", "true", "\"os\"") + ",\"value\":"
                    + pick("1", "[]", "{}", "null", "false", "\"windows-2003\"", "1e999") + "}";
            case 5 -> "{\"text\":\"" + jsonEscape(unicode(random.nextInt(200))) + "\"}";
            case 6 -> "{\"facts\":{\"" + jsonEscape(unicode(8)) + "\":\"" + jsonEscape(unicode(8)) + "\"}}";
            case 7 -> new String(bytes(random.nextInt(500)), StandardCharsets.ISO_8859_1);
            case 8 -> "{\"articleId\":\"" + ARTICLE + "\",\"text\":" + pick("1", "[\"a\"]", "null",
                    "\"" + "ä".repeat(13_000) + "\"") + "}";
            case 9 -> truncated(validBody(path));
            case 10 -> "payload=" + java.net.URLEncoder.encode(randomJson(3), StandardCharsets.UTF_8);
            case 11 -> "{\"type\":\"url_verification\",\"challenge\":\"" + unicode(10) + "\"}";
            case 12 -> "";
            default -> validBody(path);
        };
        if (random.nextInt(20) == 0) {
            byte[] raw = text.getBytes(StandardCharsets.UTF_8);
            byte[] bad = java.util.Arrays.copyOf(raw, raw.length + 2);
            bad[bad.length - 2] = (byte) 0xC3; // invalid UTF-8 at the end
            bad[bad.length - 1] = (byte) 0x28;
            return bad;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String truncated(String text) {
        return text.substring(0, Math.max(0, text.length() - 1 - random.nextInt(10)));
    }

    private String validBody(String path) {
        if (path.endsWith("/diagnosis")) {
            return "{\"facts\":{\"architecture\":\"" + pick("x86", "x64", "unknown", "ARM") + "\",\"os\":\""
                    + pick("windows-2003", "windows-2003-r2", "windows-xp") + "\"},\"text\":\""
                    + pick("SP1", "no /3GB", "UseNewApi 0", "") + "\"}";
        }
        if (path.endsWith("/replies")) {
            return random.nextBoolean() ? "{\"factId\":\"" + pick("architecture", "os", "servicePack", "nope")
                    + "\",\"value\":\"" + pick("x86", "sp1", "5.0", "5.0.3", "unknown", "windows-2003-r2") + "\"}"
                    : "{\"text\":\"" + pick("I don't know", "x86", "SP2 I think", "on the other server it's SP1",
                    "HKLM\\\\Software\\\\Neverfail\\\\R2\\\\HookRegistryDriver UseNewApi REG_DWORD 0x0") + "\"}";
        }
        return "{\"articleId\":\"" + article() + "\"}";
    }

    private String randomJson(int depth) {
        if (depth == 0) {
            return pick("1", "-0", "1e308", "\"s\"", "null", "true", "\"" + jsonEscape(unicode(5)) + "\"");
        }
        StringBuilder b = new StringBuilder();
        if (random.nextBoolean()) {
            b.append('{');
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append('"').append(pick("facts", "text", "factId", "value", "articleId",
                        "x")).append("\":").append(randomJson(depth - 1));
            }
            return b.append('}').toString();
        }
        b.append('[');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(randomJson(depth - 1));
        }
        return b.append(']').toString();
    }

    /** Odd Unicode: controls, NUL, lone surrogates, RTL marks, combining marks, emoji, wide characters. */
    private String unicode(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> b.append((char) random.nextInt(32));
                case 1 -> b.append(random.nextBoolean() ? '\uD800' : '\uDFFF');
                case 2 -> b.append(pick("\u202E", "\u200B", "\uFEFF", "\u0301", "\u00A0"));
                case 3 -> b.appendCodePoint(0x1F600 + random.nextInt(80));
                case 4 -> b.append(pick("请", "пожалуйста", "ß", "İ", "<script>", "'\"", "\\", "%", "|"));
                default -> b.append((char) ('a' + random.nextInt(26)));
            }
        }
        return b.toString();
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private JsonNode readOrNull(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
