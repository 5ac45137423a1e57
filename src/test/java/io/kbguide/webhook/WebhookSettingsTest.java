package io.kbguide.webhook;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook's configuration as startup checks it, without Quarkus: off without a URL, and every URL, secret or
 * limit that is not acceptable refused with its key and the reason, never with the secret or the URL's path.
 */
class WebhookSettingsTest {

    static final String SECRET = "0123456789abcdef-secret";

    /** A configuration as the mapping gives it. */
    record Config(Optional<String> url, Optional<String> secret, Optional<List<String>> allowedHosts,
            Optional<List<String>> allowedInsecureHosts, int queueCapacity, int maxAttempts, Duration initialBackoff,
            Duration timeout, boolean includeText) implements WebhookConfig {

        static Config of(String url, String... allowedHosts) {
            return new Config(Optional.ofNullable(url), Optional.of(SECRET), Optional.of(List.of(allowedHosts)),
                    Optional.empty(), 1000, 5, Duration.ofSeconds(1), Duration.ofSeconds(10), false);
        }

        Config insecure(String... hosts) {
            return new Config(url, secret, allowedHosts, Optional.of(List.of(hosts)), queueCapacity, maxAttempts,
                    initialBackoff, timeout, includeText);
        }

        Config secret(String value) {
            return new Config(url, Optional.ofNullable(value), allowedHosts, allowedInsecureHosts, queueCapacity,
                    maxAttempts, initialBackoff, timeout, includeText);
        }

        Config limits(int capacity, int attempts, Duration backoff, Duration wait) {
            return new Config(url, secret, allowedHosts, allowedInsecureHosts, capacity, attempts, backoff, wait,
                    includeText);
        }
    }

    @Test
    void shouldBeOffWithoutAUrl() {
        assertTrue(WebhookSettings.from(Config.of(null)).isEmpty());
        assertTrue(WebhookSettings.from(Config.of("  ")).isEmpty());
        assertTrue(WebhookSettings.from(Config.of(null).secret(null)).isEmpty(), "no secret needed when off");
    }

    @Test
    void shouldRefuseAUrlWhoseHostIsNotOnTheAllowList() {
        String refused = refusal(Config.of("https://evil.example.com/hooks/secret-path", "helpdesk.example.com"));
        assertTrue(refused.contains("kbguide.webhook.url is not acceptable: its host 'evil.example.com' is not in"
                + " kbguide.webhook.allowed-hosts (helpdesk.example.com)"), refused);
        assertFalse(refused.contains("secret-path"), "never the URL's path: " + refused);
        assertTrue(refusal(Config.of("https://helpdesk.example.com.evil.net/", "helpdesk.example.com"))
                .contains("'helpdesk.example.com.evil.net'"), "a host is matched whole, not by its start");
        assertTrue(refusal(Config.of("https://helpdesk.example.com/")).contains("none are set"));
        assertEquals("helpdesk.example.com", WebhookSettings.from(Config.of(
                "https://HelpDesk.Example.com/hooks", " helpdesk.example.com ")).orElseThrow().url().getHost()
                .toLowerCase(java.util.Locale.ROOT), "names compare without case or spaces");
    }

    @Test
    void shouldAcceptOnlyHttpsUnlessTheHostMayBeCalledInsecurely() {
        String refused = refusal(Config.of("http://helpdesk.example.com/hooks", "helpdesk.example.com"));
        assertTrue(refused.contains("it uses http, and 'helpdesk.example.com' is not in"
                + " kbguide.webhook.allowed-insecure-hosts"), refused);
        assertTrue(WebhookSettings.from(Config.of("http://localhost:8089/hooks", "localhost").insecure("localhost"))
                .isPresent());
        assertTrue(refusal(Config.of("http://localhost:8089/hooks").insecure("localhost"))
                .contains("allowed-hosts"), "an insecure host must be allowed as well");
        assertTrue(refusal(Config.of("ftp://helpdesk.example.com/x", "helpdesk.example.com"))
                .contains("the scheme 'ftp'"));
        assertTrue(refusal(Config.of("helpdesk.example.com/hooks", "helpdesk.example.com")).contains("no scheme"));
        assertTrue(refusal(Config.of("https://user:pw@helpdesk.example.com/", "helpdesk.example.com"))
                .contains("user name or password"));
        assertFalse(refusal(Config.of("https://user:pw@helpdesk.example.com/", "helpdesk.example.com"))
                .contains("pw"));
        assertTrue(refusal(Config.of("https://helpdesk example.com/", "helpdesk.example.com"))
                .contains("not a valid URL"));
    }

    @Test
    void shouldRequireASecretOfSixteenCharactersOrMore() {
        Config config = Config.of("https://helpdesk.example.com/hooks", "helpdesk.example.com");
        assertTrue(refusal(config.secret(null)).contains("kbguide.webhook.secret is not acceptable: it is required"));
        assertTrue(refusal(config.secret("   ")).contains("it is required"));
        String shortOne = refusal(config.secret("too-short"));
        assertTrue(shortOne.contains("it has 9 characters; it needs at least 16"), shortOne);
        assertFalse(shortOne.contains("too-short"), "never the secret");
        assertFalse(WebhookSettings.from(config).orElseThrow().toString().contains(SECRET), "never the secret");
    }

    @Test
    void shouldRefuseLimitsThatMakeNoSense() {
        Config config = Config.of("https://helpdesk.example.com/hooks", "helpdesk.example.com");
        assertTrue(refusal(config.limits(0, 5, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .contains("kbguide.webhook.queue-capacity"));
        assertTrue(refusal(config.limits(10, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .contains("kbguide.webhook.max-attempts"));
        assertTrue(refusal(config.limits(10, 5, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .contains("kbguide.webhook.initial-backoff"));
        assertTrue(refusal(config.limits(10, 5, Duration.ofSeconds(1), Duration.ZERO))
                .contains("kbguide.webhook.timeout"));
    }

    @Test
    void shouldDoubleTheWaitBeforeEachRetryUpToFiveMinutes() {
        WebhookSettings settings = WebhookSettings.from(Config.of("https://helpdesk.example.com/hooks",
                "helpdesk.example.com")).orElseThrow();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8)), List.of(settings.backoff(1), settings.backoff(2), settings.backoff(3),
                settings.backoff(4)));
        assertEquals(Duration.ofMinutes(5), settings.backoff(10));
        assertEquals(Duration.ofMinutes(5), settings.backoff(1000));
    }

    private static String refusal(Config config) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> WebhookSettings.from(config));
        assertTrue(e.getMessage().startsWith("The help-desk webhook cannot start: "), e.getMessage());
        return e.getMessage();
    }
}
