package io.kbguide.web;

import io.kbguide.article.ArticleViews;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.kb.ArticleRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The service's own pages, for people: the articles with the chat widget, and each article with an anchor per
 * section (the target of every citation). The widget itself is a static script, {@code /widget/kb-guide.js}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    private final ArticleRegistry registry;

    public PageResource(ArticleRegistry registry) {
        this.registry = registry;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ArticleViews.ArticleSummary> articles, String widgetArticle);

        static native TemplateInstance article(ArticleViews.ArticleSummary article,
                List<ArticleHtml.SectionHtml> sections);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance index() {
        List<ArticleViews.ArticleSummary> articles = registry.all().stream()
                .map(a -> ArticleViews.ArticleSummary.of(a.article())).toList();
        // with several articles the widget finds the one a first message is about
        return Templates.index(articles, articles.size() == 1 ? articles.get(0).id() : null);
    }

    @GET
    @Path("articles/{articleId}")
    @Operation(hidden = true)
    public TemplateInstance article(@PathParam("articleId") String articleId) {
        CompiledArticle article = registry.require(articleId);
        return Templates.article(ArticleViews.ArticleSummary.of(article.article()),
                ArticleHtml.sections(article.article()));
    }
}
