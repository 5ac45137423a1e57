package io.kbguide.rest;

import io.kbguide.article.ArticleViews;
import io.kbguide.engine.Article;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.problem.Problem;
import io.kbguide.problem.ProblemException;
import io.kbguide.problem.ProblemMappers;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
@APIResponse(responseCode = "default", description = ProblemMappers.ANY_OTHER, content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(responseCode = "200", description = "The articles", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = ArticleViews.ArticleSummary.class)))
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

    @GET
    @Path("/{articleId}/collector")
    @Produces("text/plain;charset=UTF-8")
    @Operation(operationId = "getCollector", summary = "The article's evidence collector, a read-only script",
            description = "Run it on the server and paste what it prints into a conversation (or send it as text to"
                    + " the diagnosis): every fact it gathers is read exactly, with no read-back. format=cmd (the"
                    + " default: Windows 2000 and 2003, only what ships with Windows) or ps1 (PowerShell, Windows"
                    + " Server 2008 or later). Windows line ends; served as a download.")
    @APIResponse(responseCode = "200", description = "The script")
    @APIResponse(responseCode = "400", description = "format is neither cmd nor ps1")
    @APIResponse(responseCode = "404", description = "No such article, or it has no collector")
    public Response collector(@PathParam("articleId") String articleId, @QueryParam("format") String format) {
        Article article = registry.require(articleId).article();
        if (article.collector() == null) {
            throw ProblemException.notFound("no-collector", "No evidence collector",
                    "Article '" + articleId + "' has no evidence collector; answer its questions instead.");
        }
        String f = format == null || format.isBlank() ? "cmd" : format;
        if (!f.equals("cmd") && !f.equals("ps1")) {
            throw ProblemException.badRequest("invalid-format", "Invalid format", "'" + f + "' is not a format of"
                    + " the collector.", List.of(new Problem.FieldError("format", "not a collector format",
                    "cmd, ps1")));
        }
        String script = f.equals("cmd") ? article.collector().cmd(article) : article.collector().ps1(article);
        return Response.ok(script).header("Content-Disposition", "attachment; filename=\"kb-guide-" + articleId
                + "." + f + "\"").build();
    }
}
