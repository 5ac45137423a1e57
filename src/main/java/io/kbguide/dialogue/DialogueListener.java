package io.kbguide.dialogue;

/**
 * Hears every event of every conversation, after the outcome is decided. A listener must be quick and must not
 * throw; one that throws is reported and the conversation goes on.
 */
@FunctionalInterface
public interface DialogueListener {

    void on(DialogueEvent event);
}
