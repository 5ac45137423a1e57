package io.kbguide.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import io.kbguide.conversation.ConversationService;
import io.kbguide.conversation.ConversationView;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.DialogueTest;
import io.kbguide.dialogue.Input;
import io.kbguide.dialogue.Outcome;
import io.kbguide.engine.Fact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Slack message the flow can produce stays within Slack's limits, and its buttons mean what they say. The
 * messages are generated, not listed: every path of the flow by buttons (each choice, "I don't know", back and
 * start over at every question), and every corpus message typed at the start and at each question (read-backs,
 * confirmations, text not understood).
 */
class SlackMessagesTest {

    static final String ARTICLE = "heartbeat-registry-driver";
    static Dialogue dialogue;

    private final Set<String> seen = new HashSet<>();
    private int messages;
    private int steps;
    private int maxBlocks;

    @BeforeAll
    static void load() {
        if (DialogueTest.kb == null) {
            DialogueTest.loadKb();
        }
        dialogue = DialogueTest.dialogue();
    }

    @Test
    void shouldKeepEveryMessageOfTheFlowWithinSlacksLimits() throws IOException {
        walk(dialogue.start(ARTICLE, null, Channel.SLACK), 0);
        for (String text : corpus()) {
            Outcome first = dialogue.start(ARTICLE, text, Channel.SLACK);
            check(first);
            if (first instanceof Outcome.Reply reply) {
                for (Input input : List.of(new Input.Confirm(), new Input.Back(), new Input.Text(text))) {
                    check(dialogue.next(reply.turn().conversationId(), input, Channel.SLACK));
                }
            }
        }
        System.out.printf("Slack: %d distinct steps rendered, %d messages, at most %d blocks in one%n", steps,
                messages, maxBlocks);
        assertTrue(steps > 300, "the walk covers the flow: " + steps);
    }

    private void walk(Outcome outcome, int depth) {
        if (!(outcome instanceof Outcome.Reply reply) || !seen.add(reply.turn().conversationId())) {
            return;
        }
        check(outcome);
        String id = reply.turn().conversationId();
        if (outcome instanceof Outcome.Ask ask) {
            Fact fact = ask.fact();
            List<String> values = new ArrayList<>();
            fact.domain().forEach(v -> values.add(fact.representative(v)));
            for (String value : values) {
                walk(dialogue.next(id, new Input.Answer(fact.id(), value), Channel.SLACK), depth + 1);
            }
            walk(dialogue.next(id, new Input.DontKnow(fact.id()), Channel.SLACK), depth + 1);
            if (depth > 0) {
                check(dialogue.next(id, new Input.Back(), Channel.SLACK));
            }
        }
    }

    private void check(Outcome outcome) {
        if (!(outcome instanceof Outcome.Reply reply)) {
            return;
        }
        steps++;
        ConversationView view = ConversationService.viewOf(reply, "the help desk");
        List<SlackMessages.Message> rendered = SlackMessages.render(view);
        assertFalse(rendered.isEmpty());
        boolean interactive = false;
        for (int i = 0; i < rendered.size(); i++) {
            SlackMessages.Message m = rendered.get(i);
            messages++;
            maxBlocks = Math.max(maxBlocks, m.blocks().size());
            assertTrue(m.blocks().size() <= SlackMessages.MAX_BLOCKS, "blocks: " + m.blocks().size());
            assertFalse(m.text().isBlank(), "a notification text");
            Set<String> actionIds = new HashSet<>();
            for (LayoutBlock block : m.blocks()) {
                checkBlock(block, view, actionIds);
                interactive |= block instanceof ActionsBlock;
            }
            if (interactive) {
                assertEquals(rendered.size() - 1, i, "the buttons are in the last message");
            }
            new Gson().toJson(m.blocks()); // serialisable
            GsonFactory.createSnakeCase().toJson(m.blocks());
        }
        assertTrue(interactive, "every step can be acted on (at least start over)");
    }

    private void checkBlock(LayoutBlock block, ConversationView view, Set<String> actionIds) {
        if (block instanceof SectionBlock s) {
            if (s.getText() != null) {
                assertTrue(s.getText().getText().length() <= SlackMessages.MAX_SECTION_TEXT);
            }
            if (s.getFields() != null) {
                assertTrue(s.getFields().size() <= SlackMessages.MAX_FIELDS);
                for (TextObject f : s.getFields()) {
                    assertTrue(((MarkdownTextObject) f).getText().length() <= SlackMessages.MAX_FIELD_TEXT);
                }
            }
        } else if (block instanceof HeaderBlock h) {
            assertTrue(h.getText().getText().length() <= SlackMessages.MAX_HEADER);
        } else if (block instanceof ContextBlock c) {
            assertTrue(c.getElements().size() <= SlackMessages.MAX_CONTEXT_ELEMENTS);
        } else if (block instanceof ActionsBlock a) {
            assertTrue(a.getElements().size() <= SlackMessages.MAX_ACTIONS);
            for (BlockElement e : a.getElements()) {
                ButtonElement b = (ButtonElement) e;
                assertTrue(b.getText().getText().length() <= SlackMessages.MAX_BUTTON_TEXT);
                assertFalse(b.getText().getText().endsWith("\u2026"), "no button label was cut: "
                        + b.getText().getText());
                assertTrue(b.getValue().length() <= SlackMessages.MAX_VALUE, "value " + b.getValue().length());
                assertTrue(b.getActionId().length() <= SlackMessages.MAX_ACTION_ID);
                assertTrue(actionIds.add(b.getActionId()), "action ids are unique in a message: " + b.getActionId());
                assertEquals(view.conversationId(), b.getValue(), "a button carries its step's id");
                Optional<Input> input = SlackActions.input(b.getActionId(), "typed");
                assertTrue(input.isPresent(), "every button means an input: " + b.getActionId());
            }
        }
    }

    @Test
    void shouldSplitLongTextOverSectionsWithoutLosingAnything() {
        String line = "A line of text with <!channel> & <https://example.com|a link> in it.\n";
        String text = SlackMessages.esc(line.repeat(120));
        List<LayoutBlock> blocks = new ArrayList<>();
        SlackMessages.sections(blocks, text);
        assertTrue(blocks.size() >= 3, "split into sections: " + blocks.size());
        StringBuilder back = new StringBuilder();
        for (LayoutBlock b : blocks) {
            String part = ((SectionBlock) b).getText().getText();
            assertTrue(part.length() <= SlackMessages.MAX_SECTION_TEXT);
            back.append(part).append('\n');
        }
        assertEquals(text.strip(), back.toString().strip(), "nothing cut");
        String one = "x".repeat(7000);
        assertEquals(one, String.join("", SlackMessages.split(one, SlackMessages.MAX_SECTION_TEXT)));
    }

    @Test
    void shouldEscapeWhatAPersonTypedSoThatNothingPingsOrLinks() {
        Outcome.Reply first = (Outcome.Reply) dialogue.start(ARTICLE, null, Channel.SLACK);
        Outcome outcome = dialogue.next(first.turn().conversationId(),
                new Input.Text("<!channel> <@U123> <https://evil.example|click> & more"), Channel.SLACK);
        String json = new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(SlackMessages.render(
                ConversationService.viewOf((Outcome.Reply) outcome, "the help desk")));
        assertTrue(json.contains("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; more"),
                "the message is echoed, escaped: " + json);
        assertFalse(json.contains("<!channel>"), json);
        assertFalse(json.contains("<@U123>"));
        assertFalse(json.contains("<https://evil"));
        assertEquals("&lt;!channel&gt; &amp; &lt;@U1&gt;", SlackMessages.esc("<!channel> & <@U1>"));
    }

    @Test
    void shouldSplitMoreThanFiftyBlocksOverMessagesKeepingTheButtonsLast() {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            SlackMessages.sections(blocks, "part " + i);
        }
        blocks.add(com.slack.api.model.block.Blocks.actions(List.of()));
        List<SlackMessages.Message> messages = SlackMessages.split(blocks, "text");
        assertEquals(3, messages.size());
        assertTrue(messages.stream().allMatch(m -> m.blocks().size() <= SlackMessages.MAX_BLOCKS));
        assertEquals(121, messages.stream().mapToInt(m -> m.blocks().size()).sum(), "no block lost");
        List<LayoutBlock> last = messages.get(2).blocks();
        assertTrue(last.get(last.size() - 1) instanceof ActionsBlock);
    }

    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String file : List.of("heartbeat-registry-driver.yaml", "heartbeat-registry-driver-holdout.yaml")) {
            JsonNode root = yaml.readTree(Files.readString(Path.of("src/test/resources/corpus", file)));
            root.path("cases").forEach(c -> texts.add(c.path("text").asText()));
        }
        return texts;
    }
}
