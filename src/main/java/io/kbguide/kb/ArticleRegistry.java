package io.kbguide.kb;

import io.kbguide.engine.ArticleCompiler;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.KbReader;
import io.kbguide.text.LanguageReader;
import io.kbguide.text.TextUnderstanding;
import io.kbguide.problem.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every article of the kb, verified and compiled at startup. A defective article stops the service from
 * starting, with a message naming the file and the rule; readiness is UP only once this has loaded.
 */
@Startup
@ApplicationScoped
public class ArticleRegistry {

    private static final Logger LOG = Logger.getLogger(ArticleRegistry.class);

    private final KbConfig config;
    private volatile Map<String, CompiledArticle> articles = Map.of();
    private volatile Map<String, TextUnderstanding> understandings = Map.of();

    public ArticleRegistry(KbConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        Map<String, CompiledArticle> loaded = new LinkedHashMap<>();
        Map<String, TextUnderstanding> texts = new LinkedHashMap<>();
        int combinations = 0;
        java.nio.file.Path dir = config.dir().toAbsolutePath().normalize();
        for (var article : new KbReader().readAll(dir)) {
            CompiledArticle compiled = new ArticleCompiler().compile(article);
            loaded.put(compiled.id(), compiled);
            combinations += compiled.combinations();
            java.nio.file.Path folder = dir.resolve(article.folder());
            if (java.nio.file.Files.exists(folder.resolve(LanguageReader.LANGUAGE_FILE))) {
                texts.put(compiled.id(), TextUnderstanding.forArticle(article,
                        new LanguageReader().read(folder, article)));
            }
        }
        understandings = Map.copyOf(texts);
        articles = Map.copyOf(loaded);
        LOG.infof("Loaded and verified %d article(s) from %s in %d ms: %d fact combinations enumerated, %d"
                + " distinct diagnoses", loaded.size(), config.dir().toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1_000_000, combinations,
                loaded.values().stream().mapToInt(CompiledArticle::distinctDiagnoses).sum());
    }

    /** Whether the kb has been loaded and verified. */
    public boolean ready() {
        return !articles.isEmpty();
    }

    public List<CompiledArticle> all() {
        return articles.values().stream().sorted(java.util.Comparator.comparing(CompiledArticle::id)).toList();
    }

    public Optional<CompiledArticle> find(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    /** How typed and pasted text is read for an article, if its kb folder has a language file. */
    public Optional<TextUnderstanding> understanding(String id) {
        return Optional.ofNullable(understandings.get(id));
    }

    /** How text is read for an article, or a 400 problem when the article has no language file. */
    public TextUnderstanding requireUnderstanding(String id) {
        return understanding(id).orElseThrow(() -> ProblemException.badRequest("text-not-understood",
                "Text not supported", "Article '" + id + "' has no language file, so it cannot read typed or pasted"
                        + " text; send the facts (factId and value) instead.",
                List.of(new io.kbguide.problem.Problem.FieldError("text", "not supported for this article",
                        "facts"))));
    }

    /** The article, or a 404 problem naming the articles there are. */
    public CompiledArticle require(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("unknown-article", "Unknown article",
                "There is no article '" + id + "'. Articles: " + String.join(", ", articles.keySet()) + "."));
    }
}
