package io.kbguide.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Calls Slack with the SDK's client: replies through a {@code response_url} (only on an allowed host and scheme,
 * never to any other URL a payload names), {@code chat.postMessage} and {@code conversations.replies} with the
 * bot token. Work that must not hold up Slack's 3-second acknowledgement runs on a small bounded pool. The token
 * is never logged.
 */
@ApplicationScoped
public class SlackClient {

    private static final Logger LOG = Logger.getLogger(SlackClient.class);

    /** The metadata type on the bot's messages that carries a conversation's state in a thread. */
    public static final String METADATA_TYPE = "kb_guide_step";

    private final SlackConfig config;
    private final Slack slack;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "slack-reply");
                t.setDaemon(true);
                return t;
            });

    public SlackClient(SlackConfig config, MeterRegistry registry) {
        this.config = config;
        Gauge.builder("kbguide.slack.replies.waiting", pool, p -> p.getQueue().size() + p.getActiveCount())
                .description("Slack replies queued or being sent (more than a few means Slack is slow to answer)")
                .register(registry);
        com.slack.api.SlackConfig sdk = new com.slack.api.SlackConfig();
        String api = config.apiUrl().endsWith("/") ? config.apiUrl() : config.apiUrl() + "/";
        sdk.setMethodsEndpointUrlPrefix(api);
        sdk.setPrettyResponseLoggingEnabled(false);
        sdk.setStatsEnabled(false); // the SDK's own API-call metrics would call auth.test: not wanted
        this.slack = Slack.getInstance(sdk);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs work after the request is acknowledged; a full queue drops it with a warning rather than blocking. */
    public void later(Runnable work) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Slack reply failed");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack reply dropped: too many replies waiting");
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Whether a response_url may be called: https (or a configured scheme) on an allowed host. */
    public boolean allowed(String responseUrl) {
        if (responseUrl == null) {
            return false;
        }
        try {
            URI uri = new URI(responseUrl);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getUserInfo() == null && config.responseUrlSchemes().contains(scheme)
                    && config.responseUrlHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * Posts messages to a response_url: the first replaces the message clicked on (when asked), the others
     * follow it. Does nothing, with a warning, when the URL is not allowed.
     */
    public void respond(String responseUrl, List<SlackMessages.Message> messages, boolean replace,
            Map<String, Object> metadata) {
        if (!allowed(responseUrl)) {
            LOG.warnf("Slack response_url refused: host or scheme not allowed (%s)", hostOf(responseUrl));
            return;
        }
        ActionResponseSender sender = new ActionResponseSender(slack);
        for (int i = 0; i < messages.size(); i++) {
            SlackMessages.Message m = messages.get(i);
            boolean last = i == messages.size() - 1;
            ActionResponse response = ActionResponse.builder().responseType("ephemeral").text(m.text())
                    .blocks(m.blocks()).replaceOriginal(replace && i == 0)
                    .metadata(last && metadata != null ? new Message.Metadata(METADATA_TYPE, metadata) : null)
                    .build();
            try {
                var result = sender.send(responseUrl, response);
                if (result.getCode() >= 300) {
                    LOG.warnf("Slack response_url answered %d", result.getCode());
                }
            } catch (IOException e) {
                LOG.warnf("Slack response_url failed: %s", e.getMessage());
            }
        }
    }

    /** Posts messages in a thread with the bot token; the last carries the conversation's metadata. */
    public void post(String channel, String threadTs, List<SlackMessages.Message> messages,
            Map<String, Object> metadata) {
        String token = config.botToken().orElse(null);
        if (token == null) {
            LOG.warn("Slack event not answered: no bot token configured (SLACK_BOT_TOKEN)");
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            SlackMessages.Message m = messages.get(i);
            boolean last = i == messages.size() - 1;
            try {
                ChatPostMessageResponse response = slack.methods(token).chatPostMessage(r -> r.channel(channel)
                        .threadTs(threadTs).text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)
                        .metadata(last ? new Message.Metadata(METADATA_TYPE, metadata) : null));
                if (!response.isOk()) {
                    LOG.warnf("Slack chat.postMessage failed: %s", response.getError());
                }
            } catch (IOException | SlackApiException e) {
                LOG.warnf("Slack chat.postMessage failed: %s", e.getMessage());
            }
        }
    }

    /** The messages of a thread, with their metadata; empty when they cannot be read. */
    public List<Message> thread(String channel, String threadTs) {
        String token = config.botToken().orElse(null);
        if (token == null) {
            return List.of();
        }
        try {
            ConversationsRepliesResponse response = slack.methods(token).conversationsReplies(r -> r.channel(channel)
                    .ts(threadTs).includeAllMetadata(true).limit(200));
            if (!response.isOk()) {
                LOG.warnf("Slack conversations.replies failed: %s", response.getError());
                return List.of();
            }
            return response.getMessages() == null ? List.of() : response.getMessages();
        } catch (IOException | SlackApiException e) {
            LOG.warnf("Slack conversations.replies failed: %s", e.getMessage());
            return List.of();
        }
    }

    /**
     * The text of a file shared with a message (a snippet or a text file), downloaded with the bot token from an
     * allowed host: at most {@code maxChars + 1} characters are read, so a caller can tell a file too long. Empty
     * when it cannot be read (no token, another host, not text, an error). Hand-written on the JDK's HTTP client:
     * the Slack SDK has no call for downloading a file's content.
     */
    public Optional<String> download(String url, int maxChars) {
        String token = config.botToken().orElse(null);
        if (token == null || url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getUserInfo() != null || !config.responseUrlSchemes().contains(scheme)
                    || config.fileHosts().stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
                LOG.warnf("Slack file refused: host or scheme not allowed (%s)", host);
                return Optional.empty();
            }
            HttpResponse<InputStream> response = files.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    LOG.warnf("Slack file download answered %d", response.statusCode());
                    return Optional.empty();
                }
                // UTF-8 takes at most 4 bytes a character: read no more than the longest text allowed, plus one
                byte[] bytes = in.readNBytes((maxChars + 1) * 4);
                String text = new String(bytes, StandardCharsets.UTF_8);
                return Optional.of(text.length() > maxChars + 1 ? text.substring(0, maxChars + 1) : text);
            }
        } catch (java.net.URISyntaxException | IOException e) {
            LOG.warnf("Slack file download failed: %s", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private final HttpClient files = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static String hostOf(String url) {
        try {
            return String.valueOf(new URI(url).getHost());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "unparsable URL";
        }
    }
}
