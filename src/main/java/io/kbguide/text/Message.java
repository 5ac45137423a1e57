package io.kbguide.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message split into lines. Readers of pasted output mark the lines they read as consumed, so that the
 * free-text reader does not read them again (a non-default boot entry's /3GB, a systeminfo install date 2003).
 */
final class Message {

    private static final Pattern PROMPT = Pattern.compile("^\\s*(?:[A-Za-z]:\\\\[^>]*>|PS [A-Za-z]:\\\\[^>]*>)");

    final String text;
    final String currentFactId;
    /** Answers the conversation already has (fact id to value), for attributing what the message says. */
    final java.util.Map<String, String> known;
    final List<String> lines;
    final boolean[] consumed;
    /** Parts not used, and why: said back to the person. */
    final List<Ignored> ignored = new ArrayList<>();

    Message(String text, String currentFactId) {
        this(text, currentFactId, java.util.Map.of());
    }

    Message(String text, String currentFactId, java.util.Map<String, String> known) {
        this.text = text;
        this.currentFactId = currentFactId;
        this.known = known;
        this.lines = new ArrayList<>(List.of(text.split("\\r?\\n|\\r", -1)));
        this.consumed = new boolean[lines.size()];
    }

    int size() {
        return lines.size();
    }

    String line(int i) {
        return lines.get(i);
    }

    void consume(int i) {
        consumed[i] = true;
    }

    /** Blanks part of a line that was read, leaving the rest of the line to the free-text reader. */
    void blank(int i, int start, int end) {
        String line = lines.get(i);
        lines.set(i, line.substring(0, start) + " ".repeat(end - start) + line.substring(end));
    }

    /** True for a command echoed after a cmd.exe prompt ({@code C:\>reg query ...}). */
    static boolean isPrompt(String line) {
        return PROMPT.matcher(line).find();
    }
}
