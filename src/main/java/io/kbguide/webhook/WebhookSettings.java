package io.kbguide.webhook;

import io.quarkus.runtime.configuration.ConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook's configuration, checked: the URL parsed, its host on the allow-list, https unless the host may be
 * called insecurely, a secret, and limits that make sense. Whatever is wrong is said with its key, never with the
 * secret nor the whole URL (whose path or query may hold a token of the receiver's).
 *
 * @param url            where deliveries are POSTed
 * @param secret         what they are signed with
 * @param queueCapacity  how many may wait
 * @param maxAttempts    attempts in all, the first included
 * @param initialBackoff the wait before the first retry (doubling)
 * @param timeout        for connecting, and for the answer
 * @param includeText    whether the person's words are sent
 */
record WebhookSettings(URI url, String secret, int queueCapacity, int maxAttempts, Duration initialBackoff,
        Duration timeout, boolean includeText) {

    static final String PREFIX = "kbguide.webhook.";
    static final int MIN_SECRET_LENGTH = 16;
    /** The longest wait between two attempts, however many are configured. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Override
    public String toString() { // never the secret
        return "WebhookSettings[host=" + url.getHost() + ", queueCapacity=" + queueCapacity + ", maxAttempts="
                + maxAttempts + ", initialBackoff=" + initialBackoff + ", timeout=" + timeout + ", includeText="
                + includeText + "]";
    }

    /**
     * The settings, or empty when no URL is configured (the webhook is off).
     *
     * @throws ConfigurationException naming the key and what is wrong with it
     */
    static Optional<WebhookSettings> from(WebhookConfig config) {
        Optional<String> configured = config.url().map(String::trim).filter(u -> !u.isEmpty());
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        URI url = parse(configured.get());
        String host = url.getHost().toLowerCase(Locale.ROOT);
        List<String> allowed = hosts(config.allowedHosts());
        if (!allowed.contains(host)) {
            throw invalid("url", "its host '" + host + "' is not in " + PREFIX + "allowed-hosts ("
                    + (allowed.isEmpty() ? "none are set" : String.join(", ", allowed)) + "). Add the help desk's"
                    + " host there to send diagnoses to it.", "allowed-hosts");
        }
        if ("http".equals(url.getScheme()) && !hosts(config.allowedInsecureHosts()).contains(host)) {
            throw invalid("url", "it uses http, and '" + host + "' is not in " + PREFIX + "allowed-insecure-hosts."
                    + " Use an https URL (plain http is for a receiver on this machine, such as a test's).",
                    "allowed-insecure-hosts");
        }
        String secret = config.secret().orElse("");
        if (secret.isBlank()) {
            throw invalid("secret", "it is required when " + PREFIX + "url is set: every delivery is signed with"
                    + " it (KBGUIDE_WEBHOOK_SECRET).");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw invalid("secret", "it has " + secret.length() + " characters; it needs at least "
                    + MIN_SECRET_LENGTH + " (e.g. openssl rand -hex 32).");
        }
        if (config.queueCapacity() < 1) {
            throw invalid("queue-capacity", "it is " + config.queueCapacity() + "; it must be at least 1.");
        }
        if (config.maxAttempts() < 1) {
            throw invalid("max-attempts", "it is " + config.maxAttempts() + "; it must be at least 1 (1: never"
                    + " retried).");
        }
        if (config.initialBackoff().isNegative()) {
            throw invalid("initial-backoff", "it is negative (" + config.initialBackoff() + ").");
        }
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw invalid("timeout", "it must be longer than zero (" + config.timeout() + ").");
        }
        return Optional.of(new WebhookSettings(url, secret, config.queueCapacity(), config.maxAttempts(),
                config.initialBackoff(), config.timeout(), config.includeText()));
    }

    /** The wait after the given failed attempt (1 for the first): the initial backoff, doubled each time. */
    Duration backoff(int failedAttempt) {
        int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
        try {
            Duration wait = initialBackoff.multipliedBy(1L << doublings);
            return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
        } catch (ArithmeticException overflow) {
            return MAX_BACKOFF;
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("url", "it is not a valid URL (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("url", "it must be an absolute https URL (it has " + (scheme.isEmpty() ? "no scheme"
                    : "the scheme '" + scheme + "'") + ").");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url", "it names no host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url", "it carries a user name or password; the deliveries are authenticated by their"
                    + " signature (" + PREFIX + "secret).");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url", "it has a fragment (#...), which is never sent.");
        }
        return uri;
    }

    private static List<String> hosts(Optional<List<String>> configured) {
        return configured.orElse(List.of()).stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
    }

    private static ConfigurationException invalid(String key, String why, String... related) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        keys.add(PREFIX + key);
        for (String other : related) {
            keys.add(PREFIX + other);
        }
        return new ConfigurationException("The help-desk webhook cannot start: " + PREFIX + key + " is not"
                + " acceptable: " + why, Set.copyOf(keys));
    }
}
