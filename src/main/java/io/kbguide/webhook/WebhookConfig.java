package io.kbguide.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The help-desk webhook: each diagnosis a conversation reaches, POSTed as signed JSON to one URL. Off unless
 * {@link #url()} is set; then a URL, secret or limit that is not acceptable stops the service at startup, saying
 * which key and why. The secret is never logged.
 */
@ConfigMapping(prefix = "kbguide.webhook")
public interface WebhookConfig {

    /**
     * Where each diagnosis is POSTed ({@code https://helpdesk.example.com/hooks/kb-guide}). Unset: the webhook is
     * off. Its host must be one of {@link #allowedHosts()}; it must use https unless the host is also one of
     * {@link #allowedInsecureHosts()}. Redirects are not followed.
     */
    Optional<String> url();

    /**
     * The shared secret the deliveries are signed with ({@code KBGUIDE_WEBHOOK_SECRET}), at least 16 characters;
     * required when {@link #url()} is set. The receiver computes the same HMAC-SHA256 to verify a delivery.
     */
    Optional<String> secret();

    /** The hosts {@link #url()} may name (exact names, case-insensitive); any other stops the service at startup. */
    Optional<List<String>> allowedHosts();

    /**
     * Hosts of {@link #allowedHosts()} that may be called over plain http (a receiver on the same machine, or a
     * test's); every other host needs https.
     */
    Optional<List<String>> allowedInsecureHosts();

    /**
     * How many diagnoses may wait to be sent. When the queue is full (the receiver is down or slow), the newest is
     * dropped and counted ({@code outcome="dropped"}): a conversation never waits for the webhook.
     */
    @WithDefault("1000")
    int queueCapacity();

    /**
     * How many times a delivery is attempted in all, when the receiver answers 5xx or 429, times out, or cannot be
     * reached; then it is given up (logged once, counted {@code outcome="gave-up"}). Other answers are not retried.
     */
    @WithDefault("5")
    int maxAttempts();

    /** The wait before the first retry; it doubles before each next one (at most 5 minutes). */
    @WithDefault("1S")
    Duration initialBackoff();

    /** How long one attempt may take: connecting, and then waiting for the answer. */
    @WithDefault("10S")
    Duration timeout();

    /**
     * Send, with the diagnosis, the words each typed or pasted fact was read from ({@code understood}, and in the
     * Markdown). Off: none of the person's words are sent (they may hold customer data).
     */
    @WithDefault("false")
    boolean includeText();
}
