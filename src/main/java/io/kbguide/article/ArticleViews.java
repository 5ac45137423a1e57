package io.kbguide.article;

import io.kbguide.engine.Article;
import io.kbguide.engine.Fact;
import io.kbguide.engine.Section;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What the article endpoints return. */
public final class ArticleViews {

    private ArticleViews() {
    }

    @Schema(description = "An article the service can diagnose from.", requiredProperties = {"id", "title",
            "version"})
    public record ArticleSummary(
            @Schema(examples = "heartbeat-registry-driver") String id,
            @Schema(examples = "Technical Description of the Registry Driver (Neverfail Heartbeat HookRegistryDriver.sys)")
            String title,
            @Schema(description = "Changes whenever the article's flow changes", examples = "1") String version) {

        public static ArticleSummary of(Article a) {
            return new ArticleSummary(a.id(), a.title(), a.version());
        }
    }

    @Schema(description = "An article: its facts with their questions, and its text by section.",
            requiredProperties = {"id", "title", "version", "facts", "sections"})
    public record ArticleDetail(String id, String title, String version, List<FactView> facts,
            List<SectionView> sections) {

        public static ArticleDetail of(Article a) {
            return new ArticleDetail(a.id(), a.title(), a.version(),
                    a.facts().stream().map(f -> FactView.of(a, f)).toList(),
                    a.sections().stream().map(SectionView::of).toList());
        }
    }

    @Schema(description = "A fact the diagnosis takes, in the order the conversation asks them.",
            requiredProperties = {"id", "type", "question", "help", "commands", "choices", "format", "instructions"})
    public record FactView(
            @Schema(examples = "servicePack") String id,
            @Schema(description = "choice: one of the choices; version: a dotted version; number: a number",
                    enumeration = {"choice", "version", "number"}) String type,
            String question,
            @Schema(description = "How to find the answer on the server") String help,
            @Schema(description = "Commands that show the answer") List<String> commands,
            @Schema(description = "The values a choice fact accepts, or a version fact's bands or a number fact's"
                    + " ranges (besides \"unknown\")")
            List<ChoiceView> choices,
            @Schema(description = "For a version or number fact: what a valid answer looks like; null for a choice"
                    + " fact",
                    nullable = true) String format,
            @Schema(description = "What to run or click to find the answer, with the output to expect and the"
                    + " Windows versions each applies to") List<io.kbguide.diagnosis.CommandView> instructions) {

        static FactView of(io.kbguide.engine.Article article, Fact f) {
            List<io.kbguide.diagnosis.CommandView> instructions = io.kbguide.diagnosis.CommandView.of(article,
                    f.commands(), java.util.Map.of());
            return new FactView(f.id(), f.type().name(), f.question(), f.help(),
                    io.kbguide.diagnosis.CommandView.lines(instructions),
                    f.type().options().stream().map(c -> new ChoiceView(c.value(), c.label())).toList(),
                    f.type().format().orElse(null), instructions);
        }
    }

    @Schema(requiredProperties = {"value", "label"})
    public record ChoiceView(String value, String label) {
    }

    @Schema(description = "One section of the article; citations name it by anchor.", requiredProperties = {"anchor",
            "title", "markdown"})
    public record SectionView(String anchor, String title, String markdown) {

        static SectionView of(Section s) {
            return new SectionView(s.anchor(), s.title(), s.markdown());
        }
    }
}
