package io.kbguide.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Slack app. With no signing secret the Slack endpoints are off (404): they never act on unverified requests.
 * The secrets are read from Slack's usual environment variables and never logged.
 */
@ConfigMapping(prefix = "kbguide.slack")
public interface SlackConfig {

    /** The app's signing secret ({@code SLACK_SIGNING_SECRET}); unset: the Slack endpoints answer 404. */
    Optional<String> signingSecret();

    /**
     * The bot token ({@code SLACK_BOT_TOKEN}, {@code xoxb-...}) for replies to mentions and direct messages; unset:
     * the slash command and buttons work, events are acknowledged and not answered.
     */
    Optional<String> botToken();

    /**
     * The article a command or mention is about unless its text starts with another article's id. Unset: the kb's
     * only article, or with several, the one the text is about (several found are offered as buttons).
     */
    Optional<String> defaultArticle();

    /** Hosts a {@code response_url} may point to; any other is never called. */
    @WithDefault("hooks.slack.com")
    List<String> responseUrlHosts();

    /** Schemes a {@code response_url} may use (tests add http for a local stub). */
    @WithDefault("https")
    List<String> responseUrlSchemes();

    /**
     * Hosts a shared file (a text snippet or file posted with a mention or in a direct message, for a paste longer
     * than a message box takes) may be downloaded from, with the bot token; any other is never called.
     */
    @WithDefault("files.slack.com")
    List<String> fileHosts();

    /** The most characters read from shared files with one message, as the API reads from one text. */
    @WithDefault("12000")
    int maxFileChars();

    /** The Slack Web API's base URL (chat.postMessage, conversations.replies). */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** How far a request's timestamp may be from now, in either direction. */
    @WithDefault("5M")
    Duration maxClockSkew();

    /** Largest Slack request body accepted (a button click carries the whole message it was on). */
    @WithDefault("262144")
    long maxBodyBytes();
}
