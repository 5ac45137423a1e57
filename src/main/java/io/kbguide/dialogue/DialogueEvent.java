package io.kbguide.dialogue;

import io.kbguide.engine.Answer;
import io.kbguide.engine.Diagnosis;

import java.util.List;

/**
 * One thing that happened in a conversation, for listeners such as metrics and an audit log.
 *
 * @param factId    the fact concerned (asked, answered, unknown, confirmed, corrected, not understood), or null
 * @param value     the answer given (answered, corrected), or null
 * @param source    how an answer came: {@code button} (a choice or value), {@code typed} or {@code pasted} text
 * @param refusal   why the input was refused (refused only)
 * @param answers   the answers on the path (diagnosed only; empty otherwise)
 * @param diagnosis the diagnosis given (diagnosed only)
 * @param repeated  for asked: the same question as before the input (asked again), not a new one reached
 * @param conversationId the id of the step the outcome shows (null for a refusal)
 * @param evidence  diagnosed only: the words each typed or pasted fact was read from (free text, for an audit log
 *                  configured to keep it)
 * @param origins   diagnosed only: where each answer read from a message came from (fact id to {@code typed},
 *                  {@code pasted} or {@code collected}; the others came by button), so that a listener can show the
 *                  diagnosis as the channels do
 */
public record DialogueEvent(Kind kind, String articleId, String articleVersion, Channel channel, String factId,
        String value, String source, Refusal refusal, List<Answer> answers, Diagnosis diagnosis, boolean repeated,
        String conversationId, java.util.Map<String, String> evidence, java.util.Map<String, String> origins) {

    public DialogueEvent {
        answers = answers == null ? List.of() : List.copyOf(answers);
        evidence = evidence == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(evidence));
        origins = origins == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(origins));
    }

    /** An event without origins (every answer by button, or none). */
    public DialogueEvent(Kind kind, String articleId, String articleVersion, Channel channel, String factId,
            String value, String source, Refusal refusal, List<Answer> answers, Diagnosis diagnosis, boolean repeated,
            String conversationId, java.util.Map<String, String> evidence) {
        this(kind, articleId, articleVersion, channel, factId, value, source, refusal, answers, diagnosis, repeated,
                conversationId, evidence, null);
    }

    public enum Kind {
        /** A conversation began. */
        STARTED,
        /** A question was put to the person (factId). */
        ASKED,
        /** A fact was answered (factId, value, source). */
        ANSWERED,
        /** "I don't know" to a fact (factId). */
        UNKNOWN,
        /**
         * A message asked a question of the article: value is the section quoted, if any; source is {@code quoted},
         * {@code purpose} (why a question is asked: factId) or {@code not-said}.
         */
        KB_QUESTION,
        /**
         * A first message that named no article was matched against the articles: value is {@code one} (articleId
         * the article started), {@code several} or {@code none}.
         */
        ROUTED,
        /** A message gave nothing that could be read; factId is the question pending, if any. */
        NOT_UNDERSTOOD,
        /** Facts read from typed words are shown for confirmation before the diagnosis (one event per fact). */
        READ_BACK,
        /** A fact read from typed words was confirmed as read (factId). */
        CONFIRMED,
        /** A fact read from typed words, awaiting confirmation, was changed by the person (factId, value). */
        CORRECTED,
        /** The person went back one question. */
        WENT_BACK,
        /** The person started the conversation again. */
        RESTARTED,
        /** The diagnosis was given (answers, diagnosis). */
        DIAGNOSED,
        /** An input was refused (refusal); nothing changed. */
        REFUSED
    }
}
