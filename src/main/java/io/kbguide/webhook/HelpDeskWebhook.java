package io.kbguide.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.DialogueListener;
import io.kbguide.edge.RequestSignature;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.render.TextRenderer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The help-desk webhook: each diagnosis a conversation reaches (complete, or with facts still missing; on any
 * channel) is POSTed as JSON to {@code kbguide.webhook.url}, signed as Slack signs its requests
 * ({@value #SIGNATURE}: {@code v0=} and the hex HMAC-SHA256 of {@code v0:{timestamp}:{body}} under the secret, with
 * {@value #TIMESTAMP}). Off unless the URL is configured; a URL that is not allowed stops the service at startup.
 *
 * <p>The listener only puts the event in a bounded queue (when it is full, the newest is dropped and counted): a
 * conversation never waits for the help desk. One thread of its own writes each payload and sends it, one at a
 * time, retrying a 5xx, a 429, a timeout or a failed connection after a wait that doubles each time, and gives up
 * after {@code kbguide.webhook.max-attempts} (one WARN line, with the article and the last status, never the
 * person's words). Every outcome is counted in {@value #METRIC} ({@code kbguide_webhook_deliveries_total}, by
 * {@code outcome}: delivered, retried, gave-up, dropped), each at 0 from the start.
 */
@ApplicationScoped
public class HelpDeskWebhook implements DialogueListener {

    static final String TIMESTAMP = "X-KB-Guide-Request-Timestamp";
    static final String SIGNATURE = "X-KB-Guide-Signature";
    static final String METRIC = "kbguide.webhook.deliveries";

    private static final Logger LOG = Logger.getLogger(HelpDeskWebhook.class);

    /** A diagnosis waiting to be sent, with when it was given. */
    private record Pending(DialogueEvent event, Instant time) {
    }

    /**
     * What one attempt came to: an HTTP status, or (status 0) a failure to get one.
     *
     * @param failure what went wrong when there is no status, in words that hold nothing of the payload
     */
    private record Attempt(int status, String failure) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }

        boolean retryable() {
            return status == 0 || status >= 500 || status == 429;
        }

        String describe() {
            return status == 0 ? failure : "HTTP " + status;
        }
    }

    /** Null when the webhook is off. */
    private final WebhookSettings settings;
    private final BlockingQueue<Pending> queue;
    private final WebhookPayloads payloads;
    private final RequestSignature signer;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter retried;
    private final Counter gaveUp;
    private final Counter dropped;
    /** Whether a delivery was dropped since the queue was last empty (the WARN is said once per backlog). */
    private final AtomicBoolean full = new AtomicBoolean();
    private volatile Thread worker;

    /** @throws io.quarkus.runtime.configuration.ConfigurationException when the configuration is not acceptable */
    public HelpDeskWebhook(WebhookConfig config, ArticleRegistry articles, TextRenderer renderer, ObjectMapper mapper,
            MeterRegistry registry) {
        this.delivered = counter(registry, "delivered");
        this.retried = counter(registry, "retried");
        this.gaveUp = counter(registry, "gave-up");
        this.dropped = counter(registry, "dropped");
        this.settings = WebhookSettings.from(config).orElse(null);
        if (settings == null) {
            this.queue = null;
            this.payloads = null;
            this.signer = null;
            this.http = null;
            return;
        }
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.payloads = new WebhookPayloads(articles, renderer, mapper, settings.includeText());
        this.signer = new RequestSignature(settings.secret(), Duration.ZERO);
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(METRIC).description("Help-desk webhook deliveries by outcome: delivered, retried (an"
                + " attempt failed and is tried again), gave-up (after the last attempt, or an answer not retried),"
                + " dropped (the queue was full)").tag("outcome", outcome).register(registry);
    }

    /** Checks the configuration (the constructor) and starts the sending thread, when the webhook is on. */
    void start(@Observes StartupEvent started) {
        if (settings == null) {
            LOG.debug("Help-desk webhook off (kbguide.webhook.url is not set)");
            return;
        }
        Thread thread = new Thread(this::work, "kbguide-webhook");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        LOG.infof("Help-desk webhook on: each diagnosis is sent to %s (queue of %d, up to %d attempts%s)",
                settings.url().getHost(), settings.queueCapacity(), settings.maxAttempts(),
                settings.includeText() ? ", with the words facts were read from" : "");
    }

    @PreDestroy
    void stop() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            int left = queue.size();
            if (left > 0) {
                LOG.warnf("Help-desk webhook stopped with %d diagnosis(es) not sent", left);
            }
        }
    }

    @Override
    public void on(DialogueEvent event) {
        if (queue == null || event.kind() != DialogueEvent.Kind.DIAGNOSED) {
            return;
        }
        if (!queue.offer(new Pending(event, Instant.now()))) {
            dropped.increment();
            if (full.compareAndSet(false, true)) {
                LOG.warnf("Help-desk webhook queue is full (%d waiting): new diagnoses are dropped until it has"
                        + " room (counted in kbguide_webhook_deliveries_total{outcome=\"dropped\"})",
                        settings.queueCapacity());
            }
        }
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Pending next = queue.take();
                if (queue.isEmpty()) {
                    full.set(false);
                }
                deliver(next);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Pending pending) throws InterruptedException {
        DialogueEvent event = pending.event();
        UUID id = UUID.randomUUID();
        byte[] body;
        try {
            body = payloads.body(event, id, pending.time());
        } catch (RuntimeException e) { // the message could quote an answer: the kind of fault only
            gaveUp.increment();
            LOG.warnf("Help-desk webhook gave up on delivery %s (a diagnosis of article %s, version %s): it could"
                    + " not be written (%s)", id, event.articleId(), event.articleVersion(), e.getClass().getName());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Attempt result = attempt(body);
            if (result.delivered()) {
                delivered.increment();
                return;
            }
            if (!result.retryable() || attempt >= settings.maxAttempts()) {
                gaveUp.increment();
                LOG.warnf("Help-desk webhook gave up on delivery %s (a diagnosis of article %s, version %s, channel"
                        + " %s) after %d attempt(s): %s%s", id, event.articleId(), event.articleVersion(),
                        event.channel().id(), attempt, result.describe(), result.retryable() ? "" : " (not retried)");
                return;
            }
            retried.increment();
            Thread.sleep(settings.backoff(attempt).toMillis());
        }
    }

    /** One POST, signed now (so that a retry's timestamp is fresh; the body stays the same). */
    private Attempt attempt(byte[] body) throws InterruptedException {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "kb-guide-webhook")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return new Attempt(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (HttpTimeoutException e) {
            return new Attempt(0, "timed out after " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Attempt(0, "no answer (" + e.getClass().getSimpleName() + ")");
        }
    }
}
