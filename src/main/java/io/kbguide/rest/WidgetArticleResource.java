package io.kbguide.rest;

import io.kbguide.kb.ArticleRegistry;
import jakarta.ws.rs.Path;

/** The articles as the web widget sees them: public, like {@link WidgetConversationResource}. */
@Path("/widget/v1/articles")
public class WidgetArticleResource extends ArticleResource {

    public WidgetArticleResource(ArticleRegistry registry) {
        super(registry);
    }
}
