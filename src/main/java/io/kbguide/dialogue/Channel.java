package io.kbguide.dialogue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a conversation takes place, for events (metrics, audit, the webhook): the JSON API, a Markdown or text client, the
 * web widget, Slack. A channel is a label, not behaviour: every channel gets the same steps.
 */
public record Channel(String id) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public static final Channel API = new Channel("api");
    public static final Channel TEXT = new Channel("text");
    public static final Channel WIDGET = new Channel("widget");
    public static final Channel SLACK = new Channel("slack");

    public Channel {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a channel id is a short lower-case token: '" + id + "'");
        }
    }
}
