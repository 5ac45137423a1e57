package io.kbguide.rest;

import io.kbguide.article.ArticleViews;

import io.kbguide.kb.ArticleRegistry;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleRegistry registry;
    private final List<ArticleViews.ArticleSummary> summaries;

    public ArticleResource(ArticleRegistry registry) {
        this.registry = registry;
        this.summaries = registry.all().stream().map(a -> ArticleViews.ArticleSummary.of(a.article())).toList();
    }

    /** A constant list (the kb is loaded once), served on the I/O thread. */
    @GET
    @NonBlocking
    @Operation(operationId = "listArticles", summary = "List the articles the service can diagnose from",
            description = "Each article's id, title and version; use the id in the diagnosis and conversation calls.")
    public List<ArticleViews.ArticleSummary> list() {
        return summaries;
    }

    @GET
    @Path("/{articleId}")
    @Operation(operationId = "getArticle", summary = "One article: its facts, questions, help, choices and text",
            description = "Everything a client needs to ask the questions itself: the facts in asking order, with their"
                    + " question, help, commands, choices or version bands, and the article's sections.")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No such article")
    public ArticleViews.ArticleDetail get(@PathParam("articleId") String articleId) {
        return ArticleViews.ArticleDetail.of(registry.require(articleId).article());
    }
}
