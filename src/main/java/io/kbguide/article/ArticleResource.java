package io.kbguide.article;

import io.kbguide.kb.ArticleRegistry;
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

    public ArticleResource(ArticleRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List the articles the service can diagnose from")
    public List<ArticleViews.ArticleSummary> list() {
        return registry.all().stream().map(a -> ArticleViews.ArticleSummary.of(a.article())).toList();
    }

    @GET
    @Path("/{articleId}")
    @Operation(summary = "One article: its facts, questions, help, choices and text")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No such article")
    public ArticleViews.ArticleDetail get(@PathParam("articleId") String articleId) {
        return ArticleViews.ArticleDetail.of(registry.require(articleId).article());
    }
}
