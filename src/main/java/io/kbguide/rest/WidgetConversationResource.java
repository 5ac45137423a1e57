package io.kbguide.rest;

import io.kbguide.conversation.ConversationService;
import io.kbguide.edge.JsonBodies;
import io.kbguide.render.TextRenderer;
import jakarta.ws.rs.Path;

/**
 * The web widget's conversations: the same steps as {@link ConversationResource}, on a path of their own that is
 * public by design (a page anyone can open embeds the widget, so no key could stay secret there). It never needs
 * an API key, whatever {@code kbguide.api.keys} says, and has a rate limit of its own; the help-desk API under
 * {@code /api/v1} needs the key when keys are set, whatever {@code Origin} a request claims. Not in the OpenAPI
 * document: integrators use {@code /api/v1}.
 */
@Path("/widget/v1/conversations")
public class WidgetConversationResource extends ConversationResource {

    public WidgetConversationResource(ConversationService conversations, TextRenderer renderer, JsonBodies bodies) {
        super(conversations, renderer, bodies);
    }
}
