package io.kbguide.conversation;

import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.Input;

/** Short ways for tests to drive a conversation through the service, as the API does (channel API). */
final class Drive {

    private Drive() {
    }

    static ConversationView start(ConversationService service, String articleId) {
        return service.start(articleId, null, Channel.API);
    }

    /** Answers the current question, corrects an earlier answer, or answers a later question early. */
    static ConversationView reply(ConversationService service, String conversationId, String factId, String value) {
        return service.next(conversationId, new Input.Answer(factId, value), Channel.API);
    }

    /** A typed or pasted message. */
    static ConversationView replyText(ConversationService service, String conversationId, String text) {
        return service.next(conversationId, new Input.Text(text), Channel.API);
    }
}
