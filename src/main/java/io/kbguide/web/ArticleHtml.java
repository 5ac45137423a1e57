package io.kbguide.web;

import io.kbguide.engine.Article;
import io.kbguide.engine.Section;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * An article's sections as HTML, each under its anchor, so that every citation links to its section. Markdown is
 * rendered by commonmark-java with raw HTML escaped and unsafe URLs dropped: the article's text is shown, never
 * run.
 */
public final class ArticleHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** One section: its anchor, its title (text, escaped by the template) and its body as safe HTML. */
    public record SectionHtml(String anchor, String title, String html) {
    }

    private ArticleHtml() {
    }

    public static List<SectionHtml> sections(Article article) {
        return article.sections().stream().map(ArticleHtml::section).toList();
    }

    static SectionHtml section(Section s) {
        return new SectionHtml(s.anchor(), s.title(), RENDERER.render(PARSER.parse(s.markdown())));
    }
}
