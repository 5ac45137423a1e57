package io.kbguide.dialogue;

import java.util.List;
import java.util.Map;

/**
 * Steps already taken, kept by a channel that wants to answer the same input at the same step without working it out
 * again. A step is a pure function of the conversation id, the input and the channel (the id carries the whole
 * state, and the kb does not change while the service runs), so a remembered step is the step: the same outcome,
 * and the same events, delivered again. Only steps that succeeded are remembered, keyed by an id that was verified,
 * so a forged id is never a hit. Typed text is never remembered (it is rarely sent twice, and may hold customer
 * data).
 */
public interface StepMemo {

    /** What was done at which step. */
    record Key(String conversationId, Input input, Channel channel) {
    }

    /** The step's outcome, with the events it emitted. */
    record Step(Outcome.Reply outcome, List<DialogueEvent> events) {

        public Step {
            events = List.copyOf(events);
        }
    }

    /** The remembered step, or null. */
    Step get(Key key);

    void put(Key key, Step step);

    /**
     * Remembers in {@code map}: a bounded one (a Caffeine cache's {@code asMap()}) for a service, a plain one for a
     * test. The map must be safe for the threads that use the dialogue.
     */
    static StepMemo of(Map<Key, Step> map) {
        return new StepMemo() {
            @Override
            public Step get(Key key) {
                return map.get(key);
            }

            @Override
            public void put(Key key, Step step) {
                map.put(key, step);
            }
        };
    }

    /** Remembers nothing. */
    StepMemo NONE = new StepMemo() {
        @Override
        public Step get(Key key) {
            return null;
        }

        @Override
        public void put(Key key, Step step) {
            // nothing kept
        }
    };
}
