package io.kbguide.kb;

import io.kbguide.dialogue.Articles;
import io.kbguide.answers.ArticleRouter;
import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.text.TextUnderstanding;
import io.kbguide.dialogue.Deferred;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every article of the kb, verified and compiled at startup. A defective article stops the service from
 * starting, with a message naming the file and the rule; readiness is UP only once this has loaded.
 */
@Startup
@ApplicationScoped
public class ArticleRegistry implements Articles {

    private static final Logger LOG = Logger.getLogger(ArticleRegistry.class);

    private final KbConfig config;
    private volatile Map<String, KnowledgeBaseEntry> entries = Map.of();
    private volatile Deferred<KbLoader.Routing> routing = Deferred.done(text -> new ArticleRouter.None());

    public ArticleRegistry(KbConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        java.nio.file.Path dir = config.dir().toAbsolutePath().normalize();
        // In dev mode, engine code changes are reloaded without the build step that stores the tables, which could
        // then be stale: the kb is verified in full there.
        boolean dev = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        Optional<KbPreload.Loaded> preloaded = dev ? Optional.empty() : KbPreload.take(dir);
        KbLoader.Kb loaded = preloaded.map(KbPreload.Loaded::kb).orElseGet(() -> dev
                ? KbLoader.verifyAll(dir, (entry, millis) -> { }) : KbLoader.load(dir));
        long waited = (System.nanoTime() - start) / 1_000_000;
        entries = Map.copyOf(loaded.entries());
        routing = Deferred.of(() -> KbLoader.router(loaded.entries()));
        LOG.infof("%s%s", KbLoader.summary(loaded, dir, preloaded.map(KbPreload.Loaded::millis).orElse(waited)),
                preloaded.isPresent() ? " (read beside Quarkus's start; waited " + waited + " ms for it)" : "");
    }

    /**
     * Once the service has started, builds on a thread of its own what the loader deferred (each article's text
     * understanding and search, and the router), so that the first question or message does not wait for it; one
     * that comes earlier builds what it needs itself.
     */
    void prepare(@Observes StartupEvent started) {
        Thread preparing = new Thread(() -> {
            try {
                entries.values().forEach(KnowledgeBaseEntry::prepare);
                routing.get();
            } catch (RuntimeException e) { // the build loaded this very kb, so this is not expected: said, not hidden
                LOG.errorf(e, "Preparing the kb's text understanding and search failed");
            }
        }, "kb-prepare");
        preparing.setDaemon(true);
        preparing.start();
    }

    /** Whether the kb has been loaded and verified. */
    public boolean ready() {
        return !entries.isEmpty();
    }

    public List<CompiledArticle> all() {
        return entries.values().stream().map(KnowledgeBaseEntry::article)
                .sorted(java.util.Comparator.comparing(CompiledArticle::id)).toList();
    }

    public Optional<CompiledArticle> find(String id) {
        return entry(id).map(KnowledgeBaseEntry::article);
    }

    /** The article's entry: compiled article, guided flow and text understanding. */
    @Override
    public Optional<KnowledgeBaseEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public List<String> ids() {
        return entries.keySet().stream().sorted().toList();
    }

    @Override
    public ArticleRouter.Route route(String text) {
        return routing.get().route(text);
    }

    /** How typed and pasted text is read for an article, if its kb folder has a language file. */
    public Optional<TextUnderstanding> understanding(String id) {
        return entry(id).flatMap(KnowledgeBaseEntry::understanding);
    }

    /** How text is read for an article. @throws TextNotSupportedException when it has no language file */
    public TextUnderstanding requireUnderstanding(String id) {
        return understanding(id).orElseThrow(() -> new TextNotSupportedException(id));
    }

    /** The article. @throws UnknownArticleException naming the articles there are */
    public CompiledArticle require(String id) {
        return find(id).orElseThrow(() -> new UnknownArticleException(id, List.copyOf(entries.keySet())));
    }
}
