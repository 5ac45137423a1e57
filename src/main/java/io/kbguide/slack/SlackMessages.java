package io.kbguide.slack;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.kbguide.conversation.ConversationView;
import io.kbguide.diagnosis.CommandView;
import io.kbguide.diagnosis.DiagnosisView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

/**
 * Renders a conversation step as Slack messages with the SDK's Block Kit model: a question with a button per
 * choice, a read-back with confirm and change buttons, a diagnosis with findings as fields, numbered steps with
 * their commands in code blocks and citations as context. Every text from a person or the kb is escaped for
 * mrkdwn, so that an echoed {@code <!channel>} or link never pings or links. Slack's limits hold for every message:
 * long text is split over several sections, and more than {@value #MAX_BLOCKS} blocks over several messages (the
 * buttons always in the last), never cut.
 */
public final class SlackMessages {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_FIELD_TEXT = 2000;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_HEADER = 150;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_VALUE = 2000;
    public static final int MAX_ACTION_ID = 255;
    public static final int MAX_ACTIONS = 25;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    /** Where typed or pasted text is sent from, in a question or read-back message. */
    public static final String TEXT_BLOCK = "kb-text";

    /** One message: its blocks, and the text Slack shows in notifications. */
    public record Message(List<LayoutBlock> blocks, String text) {
    }

    private SlackMessages() {
    }

    /** The step as one or more messages, the interactive one last. */
    public static List<Message> render(ConversationView view) {
        return render(view, null);
    }

    /**
     * The step, with a warning first (why an input was refused, when the step is shown again).
     *
     * @param warning plain words, or null
     */
    public static List<Message> render(ConversationView view, String warning) {
        return render(view, warning, null);
    }

    /**
     * The step, with a warning first, and where the conversation has no answer yet and the service's public
     * address is known, the article's evidence collector to download.
     */
    public static List<Message> render(ConversationView view, String warning, String publicBaseUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String id = view.conversationId();
        if (view.collector() != null && publicBaseUrl != null && "question".equals(view.step().type())) {
            String base = publicBaseUrl.replaceAll("/+$", "");
            contextText(blocks, ":zap: Quicker: run the read-only checker on the server and paste what it prints"
                    + " (as a text snippet when long): <" + base + view.collector().cmd() + "|command prompt (.cmd)> or <"
                    + base + view.collector().ps1() + "|PowerShell (.ps1)>");
        }
        if (warning != null) {
            sections(blocks, ":warning: " + esc(warning));
        }
        if (view.notice() != null) {
            contextText(blocks, ":information_source: " + esc(view.notice()));
        }
        if (view.understood() != null && !view.understood().isEmpty()) {
            sections(blocks, "*Read from your message:*\n" + String.join("\n", view.understood().stream()
                    .map(u -> "• " + esc(u.name()) + ": *" + esc(u.label()) + "* (from \u201c" + esc(u.evidence())
                            + "\u201d)").toList()));
        }
        if (view.unclear() != null) {
            sections(blocks, String.join("\n", view.unclear().stream().map(u -> ":warning: " + esc(u.message()))
                    .toList()));
        }
        if (view.ignored() != null) {
            contextText(blocks, "*Not used from your message:* " + String.join("; ", view.ignored().stream()
                    .map(g -> "\u201c" + esc(g.text()) + "\u201d (" + esc(g.words()) + ")").toList()));
        }
        if (view.articleSays() != null) {
            for (ConversationView.ArticleSays says : view.articleSays()) {
                sections(blocks, ":book: _" + esc(says.question()) + "_\n" + esc(says.text())
                        + (says.link() != null && publicBaseUrl != null ? " <" + publicBaseUrl.replaceAll("/+$", "")
                        + says.link() + "|" + esc(says.sectionTitle()) + ">" : ""));
            }
        }
        ConversationView.TurnView step = view.step();
        if ("choose-article".equals(step.type()) || "no-article".equals(step.type())) {
            return routing(blocks, view, null);
        }
        if (!step.answers().isEmpty() && !"diagnosis".equals(step.type())) {
            contextText(blocks, "*Your answers:* " + String.join("; ", step.answers().stream()
                    .map(a -> esc(a.name()) + ": " + esc(a.label())).toList()));
        }
        String text;
        switch (step.type()) {
            case "question" -> text = question(blocks, step, id);
            case "readback" -> text = readBack(blocks, step, id);
            default -> text = diagnosis(blocks, step.diagnosis(), step, id);
        }
        return split(blocks, text);
    }

    /**
     * A first message that named no article: its articles as buttons to choose from (each button's value the
     * message itself, to start the chosen article's conversation with), or that the kb has none.
     */
    public static List<Message> routing(ConversationView view, String firstMessage) {
        return routing(new ArrayList<>(), view, firstMessage);
    }

    private static List<Message> routing(List<LayoutBlock> blocks, ConversationView view, String firstMessage) {
        ConversationView.TurnView step = view.step();
        sections(blocks, esc(step.message()));
        if (step.articles() != null) {
            String text = firstMessage == null ? "" : cut(firstMessage, MAX_VALUE - 1);
            addActions(blocks, step.articles().stream().map(a -> (BlockElement) button(SlackActions.article(a.id()),
                    a.title(), text.isEmpty() ? " " : text, null)).toList());
        }
        return split(blocks, step.message());
    }

    /** A refusal or failure in words, with a way to start over when the id is still usable. */
    public static List<Message> notice(String words, String conversationId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        sections(blocks, ":warning: " + esc(words));
        if (conversationId != null) {
            blocks.add(actions(List.of(button(SlackActions.RESTART, "Start over", conversationId, null))));
        }
        return split(blocks, words);
    }

    private static String question(List<LayoutBlock> blocks, ConversationView.TurnView step, String id) {
        ConversationView.Question q = step.question();
        headerOrSection(blocks, q.text());
        StringBuilder body = new StringBuilder();
        if (q.hint() != null) {
            body.append('_').append(esc(q.hint())).append("_\n\n");
        }
        if (q.help() != null) {
            body.append(esc(q.help()));
        }
        if (!q.instructions().isEmpty()) {
            body.append("\n\n").append(instructions(q.instructions(), ""));
        }
        if (body.length() > 0) {
            sections(blocks, body.toString().strip());
        }
        List<String> longLabels = q.choices().stream().map(ConversationView.Choice::label)
                .filter(l -> l.length() > MAX_BUTTON_TEXT).toList();
        if (!longLabels.isEmpty()) {
            sections(blocks, String.join("\n", q.choices().stream().map(c -> "• " + esc(c.label())).toList()));
        }
        List<BlockElement> choices = new ArrayList<>();
        for (ConversationView.Choice c : q.choices()) {
            choices.add(button(SlackActions.answer(q.factId(), c.value()), c.label(), id, null));
        }
        addActions(blocks, choices);
        List<BlockElement> navigation = new ArrayList<>();
        navigation.add(button(SlackActions.unknown(q.factId()), "I don't know", id, null));
        if (!step.answers().isEmpty()) {
            navigation.add(button(SlackActions.BACK, "Back", id, null));
        }
        navigation.add(button(SlackActions.RESTART, "Start over", id, null));
        addActions(blocks, navigation);
        typedInput(blocks, q.typeIn() != null
                ? "Or type " + q.typeIn() + " (" + q.format() + ")" : "Or type or paste your answer", id);
        if (step.progress() != null) {
            contextText(blocks, "Question " + (step.progress().answered() + 1) + "; at most "
                    + step.progress().remainingAtMost() + " to go, this one included. A paste longer than the box"
                    + " takes (3,000 characters): share it as a text snippet with a mention of the app.");
        }
        return q.text();
    }

    private static String readBack(List<LayoutBlock> blocks, ConversationView.TurnView step, String id) {
        headerOrSection(blocks, "Please check what I read");
        sections(blocks, "These answers came from typed words, and the steps to advise depend on them. Confirm"
                + " them, or change any that is wrong.");
        for (ConversationView.ReadBackItem item : step.readBack()) {
            sections(blocks, "*" + esc(item.question()) + "*\n" + esc(item.label()) + (item.weak()
                    ? " (:warning: from one word only: \u201c" : " (from \u201c") + esc(item.evidence()) + "\u201d)");
            List<BlockElement> changes = new ArrayList<>();
            for (ConversationView.Choice c : item.choices()) {
                if (!c.value().equals(item.value())) {
                    changes.add(button(SlackActions.answer(item.factId(), c.value()), "Change to: " + c.label(), id,
                            null));
                }
            }
            addActions(blocks, changes);
        }
        addActions(blocks, List.of(button(SlackActions.CONFIRM, "Confirm", id, "primary"),
                button(SlackActions.BACK, "Back", id, null), button(SlackActions.RESTART, "Start over", id, null)));
        typedInput(blocks, "Or type a correction (for a version, the exact version)", id);
        return "Please check what I read";
    }

    private static String diagnosis(List<LayoutBlock> blocks, DiagnosisView d, ConversationView.TurnView step,
            String id) {
        // the answer first: the verdict, the steps, then why (the findings), then the sources
        String verdict = d.verdict() != null ? d.verdict().text() : d.summary();
        headerOrSection(blocks, verdict);
        if (!d.remediation().isEmpty()) {
            int n = 1;
            for (DiagnosisView.StepView s : d.remediation()) {
                StringBuilder text = new StringBuilder("*").append(n++).append(". ").append(esc(s.title()))
                        .append('*');
                if ("inference".equals(s.source())) {
                    text.append(" _(inference beyond the article)_");
                }
                text.append('\n').append(esc(s.detail()));
                if (!s.instructions().isEmpty()) {
                    text.append('\n').append(instructions(s.instructions(), ""));
                }
                sections(blocks, text.toString());
                addContext(blocks, s.citations().stream().map(SlackMessages::citation).toList());
            }
        }
        if (d.plansByCase() != null && !d.plansByCase().isEmpty()) {
            sections(blocks, "*What each answer would lead to*\n" + String.join("\n", d.plansByCase().stream()
                    .map(c -> "\u2022 " + esc(c.text())).toList()));
        }
        if (d.toFindOut() != null && !d.toFindOut().isEmpty()) {
            StringBuilder text = new StringBuilder("*Still to find out*");
            for (DiagnosisView.FactToCheck m : d.toFindOut()) {
                text.append("\n\u2022 *").append(esc(m.question())).append('*');
                if (m.onlyIfText() != null) {
                    text.append(" _(").append(esc(m.onlyIfText())).append(")_");
                }
                text.append(' ').append(esc(m.help()));
                if (!m.instructions().isEmpty()) {
                    text.append('\n').append(instructions(m.instructions(), "   "));
                }
            }
            sections(blocks, text.toString());
        }
        blocks.add(divider());
        List<String> fields = new ArrayList<>();
        List<String> findingCitations = new ArrayList<>();
        for (Map.Entry<String, DiagnosisView.FindingDetail> f : d.findingDetails().entrySet()) {
            DiagnosisView.FindingDetail detail = f.getValue();
            if ("undetermined".equals(detail.value())) {
                continue; // said once, in the still-needed line
            }
            String field = "*" + esc(detail.label()) + "*\n" + esc(detail.statement())
                    + ("inference".equals(detail.source()) ? " _(inference beyond the article)_" : "");
            fields.add(field);
            detail.citations().forEach(c -> findingCitations.add(citation(c)));
        }
        if (fields.stream().allMatch(f -> f.length() <= MAX_FIELD_TEXT)) {
            for (int i = 0; i < fields.size(); i += MAX_FIELDS) {
                List<TextObject> part = new ArrayList<>();
                fields.subList(i, Math.min(fields.size(), i + MAX_FIELDS)).forEach(f -> part.add(markdownText(f)));
                blocks.add(section(s -> s.fields(part)));
            }
        } else {
            // a field holds 2000 characters: longer findings get sections of their own
            fields.forEach(f -> sections(blocks, f));
        }
        if (d.stillNeeded() != null) {
            sections(blocks, "_" + esc(d.stillNeeded()) + "_");
        }
        addContext(blocks, findingCitations.stream().distinct().toList());
        if (d.notes() != null && !d.notes().isEmpty()) {
            sections(blocks, "*Notes*\n" + String.join("\n", d.notes().stream().map(n -> "\u2022 " + esc(n.text())
                    + ("inference".equals(n.source()) ? " _(inference beyond the article)_" : "")).toList()));
        }
        contextText(blocks, "Article \u201c" + esc(d.article().title()) + "\u201d, version "
                + esc(d.article().version()) + ". For: " + String.join("; ", (d.facts() == null ? List.<DiagnosisView
                .FactUsed>of() : d.facts()).stream().map(a -> esc(a.name()) + ": " + esc(a.label()) + " ("
                + esc(a.origin()) + ")").toList()));
        List<BlockElement> navigation = new ArrayList<>();
        if (!step.answers().isEmpty()) {
            navigation.add(button(SlackActions.BACK, "Back", id, null));
        }
        navigation.add(button(SlackActions.RESTART, "Start over", id, null));
        addActions(blocks, navigation);
        return verdict;
    }

    /** Commands as code blocks, each with where it applies and the output to expect. */
    private static String instructions(List<CommandView> instructions, String indent) {
        StringBuilder text = new StringBuilder();
        for (CommandView i : instructions) {
            if (i.onlyOn() != null) {
                text.append(indent).append('_').append(esc(i.onlyOn())).append(":_\n");
            }
            if (i.command() != null) {
                text.append("```").append(esc(i.command())).append("```\n");
            } else {
                text.append(indent).append(esc(i.gui())).append('\n');
            }
            if (i.expect() != null) {
                text.append(indent).append("Expect: ").append(esc(i.expect())).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    private static String citation(DiagnosisView.CitationView c) {
        return "\u00a7 *" + esc(io.kbguide.present.Wording.sectionName(c.sectionTitle())) + "*: \u201c" + esc(c.quote()) + "\u201d";
    }

    private static void typedInput(List<LayoutBlock> blocks, String label, String id) {
        blocks.add(input(i -> i.blockId(TEXT_BLOCK).optional(true).label(plainText(label))
                .element(plainTextInput(p -> p.actionId(SlackActions.TEXT_INPUT).multiline(true).maxLength(3000)))));
        addActions(blocks, List.of(button(SlackActions.TEXT, "Send text", id, null)));
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        if (actionId.length() > MAX_ACTION_ID) {
            throw new IllegalStateException("action_id over " + MAX_ACTION_ID + " characters: " + actionId);
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalStateException("button value over " + MAX_VALUE + " characters");
        }
        return com.slack.api.model.block.element.BlockElements.button(b -> b.actionId(actionId).text(plainText(cut(label, MAX_BUTTON_TEXT), true)).value(value)
                .style(style));
    }

    private static void addActions(List<LayoutBlock> blocks, List<BlockElement> elements) {
        for (int i = 0; i < elements.size(); i += MAX_ACTIONS) {
            List<BlockElement> part = new ArrayList<>(elements.subList(i, Math.min(elements.size(), i + MAX_ACTIONS)));
            blocks.add(actions(part));
        }
    }

    /** Small print, ten to a context block; a text too long for a context element gets a section. */
    private static void addContext(List<LayoutBlock> blocks, List<String> texts) {
        List<ContextBlockElement> part = new ArrayList<>();
        for (String t : texts) {
            if (t.length() > MAX_FIELD_TEXT) {
                sections(blocks, t);
                continue;
            }
            part.add(markdownText(t));
            if (part.size() == MAX_CONTEXT_ELEMENTS) {
                blocks.add(context(new ArrayList<>(part)));
                part.clear();
            }
        }
        if (!part.isEmpty()) {
            blocks.add(context(part));
        }
    }

    private static void contextText(List<LayoutBlock> blocks, String mrkdwn) {
        addContext(blocks, List.of(mrkdwn));
    }

    private static void headerOrSection(List<LayoutBlock> blocks, String title) {
        if (title.length() <= MAX_HEADER) {
            blocks.add(header(h -> h.text(plainText(title, true))));
        } else {
            sections(blocks, "*" + esc(title) + "*");
        }
    }

    /** Text in as many sections as it needs, split at line ends (or, for a very long line, anywhere). */
    static void sections(List<LayoutBlock> blocks, String mrkdwn) {
        for (String part : split(mrkdwn, MAX_SECTION_TEXT)) {
            blocks.add(section(s -> s.text(markdownText(part))));
        }
    }

    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int at = rest.lastIndexOf('\n', max);
            if (at <= 0) {
                at = max;
                if (Character.isHighSurrogate(rest.charAt(at - 1))) {
                    at--;
                }
            }
            parts.add(rest.substring(0, at));
            rest = rest.substring(at).replaceFirst("^\n", "");
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Messages of at most {@link #MAX_BLOCKS} blocks; the last, interactive one keeps the buttons. */
    static List<Message> split(List<LayoutBlock> blocks, String text) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
            messages.add(new Message(new ArrayList<>(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS))),
                    esc(text)));
        }
        return messages;
    }

    /**
     * A button's text: as is when it fits; otherwise cut with an ellipsis, and only where the full text is shown in
     * the same message (a long choice label is listed above its buttons).
     */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** Escapes text for mrkdwn: {@code &}, {@code <} and {@code >}, so that nothing pings, links or formats a date. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
