package io.kbguide.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.conversation.ConversationService;
import io.kbguide.diagnosis.DiagnosisView;
import io.kbguide.dialogue.Articles;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.Answer;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.render.TextRenderer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of a delivery: the diagnosis a conversation reached, as the conversation API shows it and as its
 * Markdown renders it (the same {@link TextRenderer} and templates), with the article, the channel, a delivery id and
 * the time. Never the conversation id (it would resume the conversation, and its state holds what the person
 * typed); the person's words only when {@code kbguide.webhook.include-text} is on.
 */
final class WebhookPayloads {

    /**
     * One delivery, as JSON.
     *
     * @param type           always {@code diagnosis}
     * @param deliveryId     a UUID, the same on every attempt (for the receiver to ignore a repeat)
     * @param time           when the diagnosis was given (ISO-8601, UTC)
     * @param channel        where the conversation took place: {@code api}, {@code text}, {@code widget},
     *                       {@code slack}
     * @param diagnosis      the diagnosis object, as the conversation API returns it
     * @param markdown       the diagnosis as Markdown, as the API renders it for tickets
     */
    record Payload(String type, String deliveryId, String time, String articleId, String articleVersion,
            String channel, DiagnosisView diagnosis, String markdown) {
    }

    private final Articles articles;
    private final TextRenderer renderer;
    private final ObjectMapper mapper;
    private final boolean includeText;

    WebhookPayloads(Articles articles, TextRenderer renderer, ObjectMapper mapper, boolean includeText) {
        this.articles = articles;
        this.renderer = renderer;
        this.mapper = mapper;
        this.includeText = includeText;
    }

    /** The payload of a diagnosed event. */
    Payload payload(DialogueEvent event, UUID deliveryId, Instant time) {
        KnowledgeBaseEntry entry = articles.entry(event.articleId()).orElseThrow(() -> new IllegalStateException(
                "article '" + event.articleId() + "' is not loaded"));
        GuidedFlow.Position position = entry.flow().replay(event.answers());
        DiagnosisView diagnosis = ConversationService.diagnosisView(entry.article(), position, event.origins())
                .withTextRead(includeText ? read(entry, event) : null);
        return new Payload("diagnosis", deliveryId.toString(), time.toString(), event.articleId(),
                event.articleVersion(), event.channel().id(), diagnosis, renderer.markdown(diagnosis));
    }

    /** The JSON of a diagnosed event's payload. */
    byte[] body(DialogueEvent event, UUID deliveryId, Instant time) {
        try {
            return mapper.writeValueAsBytes(payload(event, deliveryId, time));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook delivery could not be written as JSON", e);
        }
    }

    /** The facts on the diagnosis's path that were read from the person's words, with those words. */
    private static List<DiagnosisView.UnderstoodView> read(KnowledgeBaseEntry entry, DialogueEvent event) {
        List<DiagnosisView.UnderstoodView> read = new ArrayList<>();
        for (Answer answer : event.answers()) {
            String words = event.evidence().get(answer.factId());
            if (words != null) {
                read.add(DiagnosisView.UnderstoodView.of(entry.article().article(), answer.factId(), answer.value(),
                        words, event.origins().getOrDefault(answer.factId(), "typed")));
            }
        }
        return read;
    }
}
