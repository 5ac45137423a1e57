package io.kbguide.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for Slack (WireMock): its Web API ({@code chat.postMessage}, {@code conversations.replies}) and
 * the {@code response_url}s of button clicks, on localhost. The service is configured to call it; the tests read
 * what it received.
 */
public class SlackStub implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "test-signing-secret-8f2a";
    static WireMockServer server;

    /** The profile of the Slack tests: the app on, pointed at the stub. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SlackStub.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        reset();
        return Map.of("kbguide.slack.signing-secret", SECRET,
                "kbguide.slack.bot-token", "xoxb-test-token",
                "kbguide.slack.api-url", "http://localhost:" + server.port() + "/api/",
                "kbguide.slack.response-url-hosts", "localhost",
                "kbguide.slack.file-hosts", "localhost",
                "kbguide.public-base-url", "https://kb.example.com",
                "kbguide.slack.response-url-schemes", "http");
    }

    /** Forgets what was received, and answers every call with success and an empty thread. */
    static void reset() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000099.000100\"}")));
        server.stubFor(post(urlPathEqualTo("/api/conversations.replies")).atPriority(10)
                .willReturn(okJson("{\"ok\":true,\"messages\":[]}")));
        server.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
