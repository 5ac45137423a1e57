package io.kbguide.dialogue;

import io.kbguide.answers.KbAnswer;
import io.kbguide.text.Rejection;
import io.kbguide.text.Unclear;
import io.kbguide.text.Understood;

import java.util.List;

/**
 * What a typed or pasted message gave: the facts read from it and applied, and those it mentioned but that
 * could not be used, each with a reason code. The words to say it in belong to the channel's renderer and to
 * the article's language file, not to the dialogue.
 *
 * @param understood facts read and applied, with the words each came from
 * @param unclear    facts mentioned that are asked back rather than used
 * @param ignored    parts of the message not used, and why
 * @param asked      the questions the message asked, with what the article says to each
 */
public record Reading(List<Understood> understood, List<Query> unclear, List<io.kbguide.text.Ignored> ignored,
        List<KbAnswer> asked) {

    public Reading(List<Understood> understood, List<Query> unclear) {
        this(understood, unclear, List.of(), List.of());
    }

    public Reading(List<Understood> understood, List<Query> unclear, List<io.kbguide.text.Ignored> ignored) {
        this(understood, unclear, ignored, List.of());
    }

    public static final Reading NONE = new Reading(List.of(), List.of());

    public Reading {
        understood = List.copyOf(understood);
        unclear = List.copyOf(unclear);
        ignored = List.copyOf(ignored);
        asked = List.copyOf(asked);
    }

    /** The same reading with the questions the message asked. */
    public Reading withAsked(List<KbAnswer> answers) {
        return new Reading(understood, unclear, ignored, answers);
    }

    /** A fact a message mentioned that is not used as it stands. */
    public sealed interface Query {

        String factId();

        /** The values the person can choose between to settle it (empty when any answer may do). */
        List<String> values();
    }

    /** The message gives a value other than the earlier answer. */
    public record Changed(String factId, String prior, String value, String evidence) implements Query {

        @Override
        public List<String> values() {
            return List.of(prior, value);
        }
    }

    /** The message gives more than one value for the fact. */
    public record Several(String factId, List<Understood> candidates) implements Query {

        public Several {
            candidates = List.copyOf(candidates);
        }

        @Override
        public List<String> values() {
            return candidates.stream().map(Understood::value).distinct().toList();
        }
    }

    /** The message gives the fact in a form that cannot be used (the reader says why). */
    public record Rejected(Rejection rejection) implements Query {

        @Override
        public String factId() {
            return rejection.factId();
        }

        @Override
        public List<String> values() {
            return List.of();
        }
    }

    /** The message gives the fact with a doubt (hedged, about another server, pending a restart...). */
    public record Doubted(Unclear unclear) implements Query {

        @Override
        public String factId() {
            return unclear.factId();
        }

        @Override
        public List<String> values() {
            return unclear.value() == null ? List.of() : List.of(unclear.value());
        }
    }

    /**
     * The value cannot be true together with the other answers.
     *
     * @param reason  the engine's account of the contradiction
     * @param fitting the values that fit the other answers
     */
    public record Contradicts(String factId, String value, String evidence, String reason, List<String> fitting)
            implements Query {

        public Contradicts {
            fitting = List.copyOf(fitting);
        }

        @Override
        public List<String> values() {
            return fitting;
        }
    }

    /** Why a question is asked again, or what to confirm, for the channel to put in words. */
    public sealed interface Hint {
    }

    /** The message gave the current fact in an unusable form. */
    public record RejectedHint(Rejection rejection) implements Hint {
    }

    /** The message gave the current fact with a doubt. */
    public record DoubtHint(Unclear unclear) implements Hint {
    }

    /**
     * Nothing could be read from the message.
     *
     * @param excerpt    the message, whitespace folded and abbreviated to 80 characters
     * @param atQuestion whether a question is pending (the person can choose an answer instead)
     */
    public record NotReadHint(String excerpt, boolean atQuestion) implements Hint {
    }

    /** A version was given that covers versions the article treats differently ("5.0"). */
    public record SpanningHint(String value) implements Hint {
    }
}
