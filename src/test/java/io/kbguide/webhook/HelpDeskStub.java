package io.kbguide.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for a help desk's webhook receiver (WireMock, on localhost), and the one profile of the webhook
 * tests: the webhook on, pointed at it, with tiny waits, three attempts and room for one diagnosis in the queue.
 */
public class HelpDeskStub implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "test-webhook-secret-5d1c9e";
    static final String HOOK = "/hooks/kb-guide?token=receiver-token";
    static final int MAX_ATTEMPTS = 3;
    static WireMockServer server;

    /** The profile of every webhook test (each distinct profile restarts Quarkus). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HelpDeskStub.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        reset();
        return Map.of("kbguide.webhook.url", "http://localhost:" + server.port() + HOOK,
                "kbguide.webhook.secret", SECRET,
                "kbguide.webhook.allowed-hosts", "localhost",
                "kbguide.webhook.allowed-insecure-hosts", "localhost",
                "kbguide.webhook.max-attempts", String.valueOf(MAX_ATTEMPTS),
                "kbguide.webhook.initial-backoff", "PT0.01S",
                "kbguide.webhook.timeout", "5S",
                "kbguide.webhook.queue-capacity", "1");
    }

    /** Forgets what was received, and answers every delivery with 200. */
    static void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
