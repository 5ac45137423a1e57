package io.kbguide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the packaged service the way the README does ({@code java -jar target/quarkus-app/quarkus-run.jar}): it
 * starts on the kb and answers; with a broken article it refuses to start and says which file and rule.
 */
class PackagedAppIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The port each started service gets: a free one, chosen before the start, so no log has to be read. */
    private final java.util.Map<Process, Integer> ports = new java.util.HashMap<>();
    /** Each service's management port (health and metrics), by its HTTP port. */
    private final java.util.Map<Integer, Integer> management = new java.util.HashMap<>();

    @TempDir
    Path temp;

    @Test
    void shouldRefuseToStartOnABrokenArticleNamingTheFileAndTheRule() throws Exception {
        Path kb = temp.resolve("kb");
        Path folder = kb.resolve("printer-spooler");
        Files.createDirectories(folder);
        Path fixture = Path.of("src/test/resources/kb-fixtures/valid/printer-spooler");
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Path flow = folder.resolve("flow.yaml");
        Files.writeString(flow, Files.readString(flow).replace(
                "when: {driverVersion: [before-2.0], isolation: [\"on\"]}", "when: {driverVersion: [before-2.0]}"));

        Process process = start(kb, temp.resolve("broken.log"));
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the service should stop by itself");
        String log = Files.readString(temp.resolve("broken.log"));
        assertNotEquals(0, process.exitValue(), log);
        assertTrue(log.contains("printer-spooler/flow.yaml: rules 'old-driver-no-isolation' (line 36) and"
                + " 'old-driver-isolated' (line 44) of decision 'crashRisk' both apply"), log);
    }

    @Test
    void shouldStartOnTheKbAndDiagnose() throws Exception {
        Path log = temp.resolve("app.log");
        Process process = start(Path.of("kb"), log);
        try {
            int port = awaitPort(process, log);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + management.get(port) + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            HttpResponse<String> diagnosis = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/articles/heartbeat-registry-driver/diagnosis"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"facts\": {\"architecture\": \"x64\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, diagnosis.statusCode(), diagnosis.body());
            assertTrue(diagnosis.body().contains("\"scope\":\"outside-article\""), diagnosis.body());
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldContinueAConversationAfterARestartWithTheEmbeddedDefaultKey() throws Exception {
        Path keyFile = temp.resolve("data/conversation.key");
        String id;
        String step;
        Process first = start(Path.of("kb"), temp.resolve("first.log"), "-Dkbguide.conversation.key-file=" + keyFile);
        try {
            int port = awaitPort(first, temp.resolve("first.log"));
            String started = send(port, "POST", "/api/v1/conversations", "{\"articleId\": \"heartbeat-registry-driver\"}");
            id = field(started, "conversationId");
            String replied = send(port, "POST", "/api/v1/conversations/" + id + "/replies",
                    "{\"factId\": \"architecture\", \"value\": \"x86\"}");
            id = field(replied, "conversationId");
            step = send(port, "GET", "/api/v1/conversations/" + id, null);
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(keyFile), "the generated key is kept");

        Process second = start(Path.of("kb"), temp.resolve("second.log"), "-Dkbguide.conversation.key-file=" + keyFile);
        try {
            int port = awaitPort(second, temp.resolve("second.log"));
            assertEquals(step, send(port, "GET", "/api/v1/conversations/" + id, null));
            String next = send(port, "POST", "/api/v1/conversations/" + id + "/replies",
                    "{\"factId\": \"os\", \"value\": \"windows-2003\"}");
            assertTrue(next.contains("\"factId\":\"heartbeatVersion\""), next);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }

        Process other = start(Path.of("kb"), temp.resolve("other.log"),
                "-Dkbguide.conversation.signing-key=b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDAwMDA=");
        try {
            int port = awaitPort(other, temp.resolve("other.log"));
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/conversations/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), "an instance with another key refuses the id");
        } finally {
            other.destroy();
            other.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldTurnReadinessDownWhileItGoesOnAnsweringWhenStopped() throws Exception {
        Process process = start(Path.of("kb"), temp.resolve("stop.log"), "-Dquarkus.shutdown.delay=4S");
        int port = awaitPort(process, temp.resolve("stop.log"));
        HttpClient http = HttpClient.newHttpClient();
        process.destroy(); // SIGTERM, as an orchestrator stops a pod
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int ready = 200;
        while (ready == 200 && System.nanoTime() < deadline) {
            ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management.get(port)
                    + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertEquals(503, ready, "readiness turns DOWN as soon as shutdown starts");
        HttpResponse<String> still = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/articles")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, still.statusCode(), "requests are still answered during the delay");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "then it stops");
    }

    @Test
    void shouldCarryOneConversationAlternatelyThroughTwoInstances() throws Exception {
        String key = "-Dkbguide.conversation.signing-key=c2hhcmVkLWtleS1zaGFyZWQta2V5LXNoYXJlZC1rZXktMDA=";
        Process a = start(Path.of("kb"), temp.resolve("a.log"), key);
        Process b = start(Path.of("kb"), temp.resolve("b.log"), key);
        try {
            int[] ports = {awaitPort(a, temp.resolve("a.log")), awaitPort(b, temp.resolve("b.log"))};
            String step = send(ports[0], "POST", "/api/v1/conversations",
                    "{\"articleId\": \"heartbeat-registry-driver\"}");
            String[][] answers = {{"architecture", "x86"}, {"os", "windows-2003"}, {"heartbeatVersion", "5.0.3"},
                    {"servicePack", "sp1"}, {"useNewApi", "zero"}, {"leakPatch", "not-installed"}};
            for (int i = 0; i < answers.length; i++) {
                int port = ports[(i + 1) % 2]; // B, A, B, A, ...
                step = send(port, "POST", "/api/v1/conversations/" + field(step, "conversationId") + "/replies",
                        "{\"factId\": \"" + answers[i][0] + "\", \"value\": \"" + answers[i][1] + "\"}");
            }
            assertTrue(step.contains("\"type\":\"diagnosis\""), step);
            assertTrue(step.contains("\"id\":\"remove-usenewapi\""), step);
        } finally {
            a.destroy();
            b.destroy();
            a.waitFor(30, TimeUnit.SECONDS);
            b.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private Process start(Path kb, Path log, String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port;
        int managementPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0);
                java.net.ServerSocket other = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
            managementPort = other.getLocalPort();
        }
        management.put(port, managementPort);
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dkbguide.kb.dir=" + kb.toAbsolutePath(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
                "-Dkbguide.conversation.key-file=" + temp.resolve("default.key"),
                "-Dquarkus.shutdown.delay=0S"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ports.put(process, port);
        return process;
    }

    /** Waits until the service says it is ready (/q/health/ready answers 200), and gives its port. */
    private int awaitPort(Process process, Path log) throws Exception {
        int port = ports.get(process);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + management.get(port) + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the service was not ready in 90 s: " + Files.readString(log));
    }
}
