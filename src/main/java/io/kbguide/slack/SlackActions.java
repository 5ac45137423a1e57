package io.kbguide.slack;

import io.kbguide.dialogue.Input;

import java.util.Optional;

/**
 * What a button means, carried in its {@code action_id} ({@code answer|servicePack|sp1}, {@code back}, ...); the
 * button's value is the conversation id of the step it was shown on. So a click, however old, always means the
 * same thing: that input, at that step.
 */
public final class SlackActions {

    public static final String BACK = "back";
    public static final String RESTART = "restart";
    public static final String CONFIRM = "confirm";
    /** "Send text": the typed text is in the message's input block. */
    public static final String TEXT = "text";
    /** The text input's own action id. */
    public static final String TEXT_INPUT = "text-input";

    private static final String ANSWER = "answer|";
    /** A button of a choose-article step: {@code article|<id>}; its value is the first message. */
    private static final String ARTICLE = "article|";
    private static final String UNKNOWN = "unknown|";

    private SlackActions() {
    }

    public static String answer(String factId, String value) {
        return ANSWER + factId + "|" + value;
    }

    public static String unknown(String factId) {
        return UNKNOWN + factId;
    }

    public static String article(String articleId) {
        return ARTICLE + articleId;
    }

    /** The article a choose-article button stands for; empty for any other action. */
    public static Optional<String> chosenArticle(String actionId) {
        return actionId != null && actionId.startsWith(ARTICLE) && actionId.length() > ARTICLE.length()
                ? Optional.of(actionId.substring(ARTICLE.length())) : Optional.empty();
    }

    /**
     * The input a button stands for.
     *
     * @param typed the text in the message's input block, for "Send text"
     * @return empty for an action id this app did not make, or "Send text" with nothing typed
     */
    public static Optional<Input> input(String actionId, String typed) {
        if (actionId == null) {
            return Optional.empty();
        }
        if (actionId.startsWith(ANSWER)) {
            String[] parts = actionId.substring(ANSWER.length()).split("\\|", 2);
            return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                    ? Optional.of(new Input.Answer(parts[0], parts[1])) : Optional.empty();
        }
        if (actionId.startsWith(UNKNOWN)) {
            String factId = actionId.substring(UNKNOWN.length());
            return factId.isEmpty() ? Optional.empty() : Optional.of(new Input.DontKnow(factId));
        }
        return switch (actionId) {
            case BACK -> Optional.of(new Input.Back());
            case RESTART -> Optional.of(new Input.Restart());
            case CONFIRM -> Optional.of(new Input.Confirm());
            case TEXT -> typed == null || typed.isBlank() ? Optional.empty() : Optional.of(new Input.Text(typed));
            default -> Optional.empty();
        };
    }

    /** What a message typed in a thread means: a few words steer the conversation; anything else is read. */
    public static Input typed(String text) {
        String words = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!]+$", "");
        return switch (words) {
            case "back", "go back" -> new Input.Back();
            case "start over", "restart", "start again" -> new Input.Restart();
            case "confirm", "confirmed" -> new Input.Confirm();
            default -> new Input.Text(text);
        };
    }
}
