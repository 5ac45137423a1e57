package io.kbguide.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.Message;
import io.kbguide.conversation.ConversationConfig;
import io.kbguide.conversation.ConversationService;
import io.kbguide.dialogue.Articles;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.Input;
import io.kbguide.dialogue.Outcome;
import io.kbguide.render.LinkConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Slack channel: a thin adapter over the {@link Dialogue}. A slash command starts a conversation; a button
 * click is an input at the step its message showed (the conversation id is the button's value); a mention or
 * direct message starts or continues the conversation of its thread, whose state is the conversation id in the
 * metadata of the bot's last message there. Nothing is stored here, so a conversation goes on after a restart and
 * on any instance with the same signing key.
 */
@ApplicationScoped
public class SlackChannel {

    private static final Pattern MENTION = Pattern.compile("<[@#!][^>]*>");
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]*)(?:\\|([^>]*))?>");

    private final Dialogue dialogue;
    private final Articles articles;
    private final SlackClient client;
    private final SlackConfig config;
    /** Messages answered lately by this instance (channel and ts), so that a retried event is answered once. */
    private final Set<String> answered = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    /** Whom to ask when the kb has no answer. */
    private final String helpDesk;

    /** The service's public address, for links in messages (the evidence collector); null when not set. */
    private final String publicBaseUrl;

    public SlackChannel(Dialogue dialogue, Articles articles, SlackClient client, SlackConfig config,
            LinkConfig links, ConversationConfig conversations) {
        this.publicBaseUrl = links.base().orElse(null);
        this.helpDesk = conversations.helpDesk();
        this.dialogue = dialogue;
        this.articles = articles;
        this.client = client;
        this.config = config;
    }

    /** The slash command's reply: the first step, or what the text already settles. */
    public List<SlackMessages.Message> command(String text) {
        String words = plain(text);
        if (words.equalsIgnoreCase("help")) {
            return SlackMessages.notice(help(), null);
        }
        return messages(start(words), null);
    }

    /** A button click, after it was acknowledged: the next step replaces the message clicked on. */
    public void interaction(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return;
        }
        BlockActionPayload.Action action = payload.getActions().get(0);
        Optional<String> chosen = SlackActions.chosenArticle(action.getActionId());
        String typed = typed(payload);
        Optional<Input> input = SlackActions.input(action.getActionId(), typed);
        if (action.getValue() == null) {
            return; // not one of ours
        }
        Outcome outcome;
        List<SlackMessages.Message> messages;
        String current = action.getValue();
        if (chosen.isPresent()) {
            // a choose-article button: the conversation about that article starts with the first message
            current = null;
            outcome = dialogue.start(chosen.get(), action.getValue().isBlank() ? null : action.getValue(),
                    Channel.SLACK);
            messages = messages(outcome, null);
        } else if (input.isEmpty() && SlackActions.TEXT.equals(action.getActionId())) {
            // "Send text" with nothing typed: the same step again, saying so
            outcome = dialogue.show(action.getValue(), Channel.SLACK);
            messages = outcome instanceof Outcome.Reply reply
                    ? SlackMessages.render(ConversationService.viewOf(reply, helpDesk), EMPTY_TEXT)
                    : messages(outcome, action.getValue());
        } else if (input.isEmpty()) {
            return; // not one of ours
        } else {
            outcome = dialogue.next(action.getValue(), input.get(), Channel.SLACK);
            messages = messages(outcome, action.getValue());
        }
        boolean inThread = payload.getContainer() != null && !payload.getContainer().isEphemeral()
                && payload.getMessage() != null;
        Map<String, Object> metadata = null;
        if (inThread) {
            metadata = new LinkedHashMap<>();
            String id = idOf(outcome, current);
            if (id != null) {
                metadata.put("conversation_id", id);
            }
            Message.Metadata before = payload.getMessage().getMetadata();
            if (before != null && before.getEventPayload() != null && before.getEventPayload().get("reply_to") != null) {
                metadata.put("reply_to", before.getEventPayload().get("reply_to"));
            }
        }
        client.respond(payload.getResponseUrl(), messages, true, metadata);
    }

    /**
     * A mention or direct message: starts a conversation (in the thread under it), or continues the one of the
     * thread it was written in. Answered once, even when Slack retries the event or another instance got it first.
     */
    public void message(String channel, String ts, String threadTs, String text) {
        message(channel, ts, threadTs, text, List.of());
    }

    /** A file shared with a message: its name, type and private download URL, as the event gives them. */
    public record SharedFile(String name, String mimetype, String filetype, String url) {

        /** Text a person can paste: a snippet, or a plain-text file. */
        boolean text() {
            return mimetype != null && mimetype.toLowerCase(java.util.Locale.ROOT).startsWith("text/")
                    || "text".equals(filetype) || "snippet".equals(filetype);
        }
    }

    /**
     * A mention or direct message with files: a paste longer than a message box takes, posted as a text snippet or
     * file, is read with the message (up to {@link SlackConfig#maxFileChars()} characters, never cut silently).
     */
    public void message(String channel, String ts, String threadTs, String text, List<SharedFile> files) {
        if (channel == null || ts == null || !answered.add(channel + "/" + ts)) {
            return;
        }
        StringBuilder shared = new StringBuilder();
        List<String> refused = new ArrayList<>();
        for (SharedFile f : files) {
            String name = f.name() == null ? "a file" : "\u201c" + f.name() + "\u201d";
            if (!f.text()) {
                refused.add(name + " is not text, so it was not read; paste its text, or share it as a text"
                        + " snippet.");
                continue;
            }
            Optional<String> content = client.download(f.url(), config.maxFileChars());
            if (content.isEmpty()) {
                refused.add(name + " could not be read.");
            } else if (shared.length() + content.get().length() > config.maxFileChars()) {
                refused.add(name + " is longer than the " + config.maxFileChars() + " characters that can be read"
                        + " at once, so it was not read; share the part with the answers.");
            } else {
                shared.append('\n').append(content.get());
            }
        }
        if (!refused.isEmpty()) {
            String root = threadTs != null ? threadTs : ts;
            client.post(channel, root, SlackMessages.notice(String.join(" ", refused), null), Map.of("reply_to",
                    ts + "/files"));
        }
        if (shared.length() > 0) {
            text = (text == null ? "" : text) + "\n" + shared;
        } else if (!refused.isEmpty() && plain(text).isEmpty()) {
            return; // nothing else to read: the notice says why
        }
        answer(channel, ts, threadTs, text);
    }

    private void answer(String channel, String ts, String threadTs, String text) {
        String root = threadTs != null ? threadTs : ts;
        String conversationId = null;
        for (Message m : client.thread(channel, root)) {
            Message.Metadata metadata = m.getMetadata();
            if (metadata == null || !SlackClient.METADATA_TYPE.equals(metadata.getEventType())
                    || metadata.getEventPayload() == null) {
                continue;
            }
            if (ts.equals(metadata.getEventPayload().get("reply_to"))) {
                return; // already answered (by another instance, or before a restart)
            }
            Object id = metadata.getEventPayload().get("conversation_id");
            if (id instanceof String s) {
                conversationId = s;
            }
        }
        String words = plain(text);
        Outcome outcome;
        if (conversationId == null || threadTs == null) {
            if (words.equalsIgnoreCase("help")) {
                client.post(channel, root, SlackMessages.notice(help(), null), Map.of("reply_to", ts));
                return;
            }
            outcome = start(words);
        } else {
            outcome = dialogue.next(conversationId, SlackActions.typed(words), Channel.SLACK);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        String id = idOf(outcome, conversationId);
        if (id != null) {
            metadata.put("conversation_id", id);
        }
        metadata.put("reply_to", ts);
        client.post(channel, root, messages(outcome, conversationId), metadata);
    }

    /**
     * A new conversation: on the article the text starts with, else the configured one, else the kb's only one;
     * with several and none configured, the one the text is about (several found are offered, none is said).
     */
    private Outcome start(String words) {
        String article = config.defaultArticle().orElse(articles.ids().size() == 1 ? articles.ids().get(0) : null);
        String rest = words;
        String[] first = words.split("\\s+", 2);
        if (!first[0].isEmpty() && articles.ids().contains(first[0])) {
            article = first[0];
            rest = first.length > 1 ? first[1] : "";
        }
        return dialogue.start(article, rest.isBlank() ? null : rest, Channel.SLACK);
    }

    /** The messages for an outcome; a refused input shows the step it was given at again, with why. */
    List<SlackMessages.Message> messages(Outcome outcome, String currentId) {
        if (outcome instanceof Outcome.Reply reply) {
            return SlackMessages.render(ConversationService.viewOf(reply, helpDesk), null, publicBaseUrl);
        }
        if (outcome instanceof Outcome.ChooseArticle choose) {
            return SlackMessages.routing(ConversationService.routingView(outcome, helpDesk), choose.text());
        }
        if (outcome instanceof Outcome.NoArticle) {
            return SlackMessages.routing(ConversationService.routingView(outcome, helpDesk), null);
        }
        Outcome.Refused refused = (Outcome.Refused) outcome;
        String why = switch (refused.reason()) {
            case UNKNOWN_ARTICLE -> "There is no article '" + refused.articleId() + "'. Articles: "
                    + refused.allowed() + ".";
            case TEXT_NOT_SUPPORTED -> "This article cannot read typed text; please use the buttons.";
            case INVALID_ID -> "This conversation cannot be continued (" + refused.detail() + "). Start a new one"
                    + " with the slash command or by mentioning the app.";
            case ARTICLE_GONE -> "This conversation was about an article the service no longer has. Start a new"
                    + " one.";
            case UNKNOWN_FACT, INVALID_VALUE -> "That answer is not one of the choices.";
            case CONTRADICTORY_ANSWER -> "That answer cannot be true together with your other answers: "
                    + refused.detail() + " Please choose again, or go back and correct the other answer.";
            case NOTHING_TO_UNDO -> "This is the first question; there is nothing to go back to.";
        };
        if (currentId != null) {
            Outcome current = dialogue.show(currentId, Channel.SLACK);
            if (current instanceof Outcome.Reply reply) {
                return SlackMessages.render(ConversationService.viewOf(reply, helpDesk), why);
            }
        }
        return SlackMessages.notice(why, null);
    }

    /**
     * A message as the person wrote it: Slack sends {@code <@U123>} for mentions, {@code <https://..|label>} for
     * links, and {@code &amp;}, {@code &lt;}, {@code &gt;} for the three characters it escapes; pasted output often
     * comes in a code block. Mentions are dropped, links become their text, the escapes are undone and the fences
     * removed, so that pasted {@code reg query} or {@code systeminfo} output reads as it was.
     */
    static String plain(String slackText) {
        if (slackText == null) {
            return "";
        }
        String text = MENTION.matcher(slackText).replaceAll(" ");
        text = LINK.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(2) != null ? m.group(2) : m.group(1)));
        text = text.replace("```", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.strip();
    }

    /** What "Send text" with an empty box says, above the same step. */
    static final String EMPTY_TEXT = "The text box was empty: type or paste an answer, then press Send text.";

    private static String idOf(Outcome outcome, String otherwise) {
        return outcome instanceof Outcome.Reply reply ? reply.turn().conversationId() : otherwise;
    }

    private static String typed(BlockActionPayload payload) {
        if (payload.getState() == null || payload.getState().getValues() == null) {
            return null;
        }
        var block = payload.getState().getValues().get(SlackMessages.TEXT_BLOCK);
        var value = block == null ? null : block.get(SlackActions.TEXT_INPUT);
        return value == null ? null : value.getValue();
    }

    private String help() {
        List<String> lines = new ArrayList<>();
        lines.add("I walk you through a support article's checks and tell you what to do. Start with the slash"
                + " command, or mention me, optionally with what you already know or with pasted command output (a"
                + " long paste as a text snippet). Answer with the buttons, or type in the thread; \"back\","
                + " \"start over\" and \"confirm\" work there too.");
        lines.add("Articles: " + String.join(", ", articles.ids()) + " (default: " + config.defaultArticle()
                + "; name another as the first word).");
        return String.join("\n", lines);
    }
}
