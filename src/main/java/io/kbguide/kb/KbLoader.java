package io.kbguide.kb;

import io.kbguide.answers.ArticleRouter;
import io.kbguide.answers.ArticleSearch;
import io.kbguide.answers.Synonyms;
import io.kbguide.dialogue.Deferred;
import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.Article;
import io.kbguide.engine.ArticleCompiler;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.engine.KbReader;
import io.kbguide.engine.StoredTables;
import io.kbguide.text.LanguageReader;
import io.kbguide.text.TextUnderstanding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * Reads a kb directory as start-up does: every article read, verified and compiled, with its guided flow and, when
 * it has a language.yaml, how its typed and pasted text is read. Plain Java, so that the start-up, the
 * {@code kb check} command and the tests share it.
 */
public final class KbLoader {

    private KbLoader() {
    }

    /**
     * Reads every article under a kb directory, with its flow and its text understanding: with the tables stored
     * when the application was built ({@link KbTables}) when the kb's files are those they were built from, else
     * verified and compiled in full. What the start-up and the tests load.
     *
     * @return the entries by article id, in the order read
     * @throws io.kbguide.engine.KbException naming the file and the rule, when an article is defective
     */
    public static Map<String, KnowledgeBaseEntry> loadAll(Path dir) {
        return load(dir).entries();
    }

    /** As {@link #loadAll(Path)}, saying whether the stored tables were used. */
    public static Kb load(Path dir) {
        return load(dir, KbTables.stored());
    }

    /** As {@link #load(Path)}, with these stored tables (empty: none, or none that could be read). */
    static Kb load(Path dir, Optional<StoredTables> stored) {
        String hash = KbTables.hash(dir);
        if (stored.isEmpty()) {
            return read(dir, hash, null, "no precomputed tables", (entry, millis) -> { });
        }
        if (!stored.get().kbHash().equals(hash)) {
            return read(dir, hash, null, "the kb differs from the one the precomputed tables were built from (hash "
                    + shortHash(stored.get().kbHash()) + ")", (entry, millis) -> { });
        }
        return read(dir, hash, stored.get(), "", (entry, millis) -> { });
    }

    /**
     * Reads, verifies and compiles every article under a kb directory in full, whatever tables are stored: what
     * {@code kb check} and the build of the stored tables run. Every flow is read first (so a fault in any is
     * found before any article is verified), then each article is verified and compiled and its language read.
     *
     * @param verified called with each article's entry and the milliseconds its verification, compilation and
     *                 language took, in the order read
     * @throws io.kbguide.engine.KbException naming the file and the rule, when an article is defective
     */
    public static Kb verifyAll(Path dir, ObjLongConsumer<KnowledgeBaseEntry> verified) {
        return read(dir, KbTables.hash(dir), null, "", verified);
    }

    /**
     * Reads the kb, with the compiled articles restored from {@code stored} (the kb's hash matched), or, when it is
     * null or does not fit the articles read, compiled. Restored, the articles' text understanding and search are
     * deferred (the build loaded them from these very files); compiled, they are built now, so that a fault in them
     * stops the start.
     */
    private static Kb read(Path dir, String hash, StoredTables stored, String why,
            ObjLongConsumer<KnowledgeBaseEntry> verified) {
        Deferred<Synonyms> synonyms = Deferred.of(() -> Synonyms.read(dir));
        if (stored == null) {
            synonyms.get();
        }
        List<Article> articles = new KbReader().readAll(dir);
        Map<String, CompiledArticle> restored = new LinkedHashMap<>();
        if (stored != null) {
            try {
                if (!stored.articleIds().equals(articles.stream().map(Article::id).toList())) {
                    throw new IllegalArgumentException("the stored articles are " + stored.articleIds());
                }
                articles.forEach(a -> restored.put(a.id(), stored.restore(a)));
            } catch (IllegalArgumentException e) {
                restored.clear();
                why = "the precomputed tables do not fit the kb: " + e.getMessage();
            }
        }
        boolean deferred = !restored.isEmpty();
        Map<String, KnowledgeBaseEntry> loaded = new LinkedHashMap<>();
        for (Article article : articles) {
            long start = System.nanoTime();
            CompiledArticle compiled = deferred ? restored.get(article.id())
                    : new ArticleCompiler().compile(article);
            Path folder = dir.resolve(article.folder());
            Supplier<Optional<TextUnderstanding>> text = () -> Files.exists(folder.resolve(
                    LanguageReader.LANGUAGE_FILE)) ? Optional.of(TextUnderstanding.forArticle(article,
                    new LanguageReader().read(folder, article))) : Optional.empty();
            Supplier<ArticleSearch> search = () -> ArticleSearch.of(article, synonyms.get());
            KnowledgeBaseEntry entry = new KnowledgeBaseEntry(compiled, new GuidedFlow(compiled),
                    deferred ? Deferred.of(text) : Deferred.done(text.get()),
                    deferred ? Deferred.of(search) : Deferred.done(search.get()));
            loaded.put(compiled.id(), entry);
            verified.accept(entry, (System.nanoTime() - start) / 1_000_000);
        }
        return new Kb(loaded, hash, deferred, why);
    }

    /**
     * A kb as loaded.
     *
     * @param entries     the entries by article id, in the order read
     * @param hash        the SHA-256 of the kb's files ({@link KbTables#hash})
     * @param precomputed whether the tables were the ones stored when the application was built, for this very
     *                    hash; if not, every article was verified and compiled in full
     * @param why         why the stored tables were not used when that is not the caller's choice, else empty
     */
    public record Kb(Map<String, KnowledgeBaseEntry> entries, String hash, boolean precomputed, String why) {
    }

    /**
     * The router over a loaded kb's articles, with the synonyms they were indexed with: finds the article a first
     * message is about. A message is put in English with the packs of the first article that has them.
     */
    public static Routing router(Map<String, KnowledgeBaseEntry> entries) {
        Synonyms synonyms = entries.values().stream().findFirst().map(e -> e.search().synonyms())
                .orElse(Synonyms.NONE);
        ArticleRouter router = ArticleRouter.of(entries.values().stream().map(e -> e.article().article()).toList(),
                synonyms);
        KnowledgeBaseEntry languages = entries.values().stream().filter(e -> e.understanding().isPresent())
                .findFirst().orElse(null);
        return text -> router.route(languages == null ? text : languages.inEnglish(text));
    }

    /** Where a first message leads, in the kb it was made for. */
    @FunctionalInterface
    public interface Routing {
        ArticleRouter.Route route(String text);
    }

    /**
     * The line that says a kb was loaded: "Loaded and verified 1 article(s) from /srv/kb in 850 ms: 18144 fact
     * combinations enumerated, 979 distinct diagnoses", followed by why the precomputed tables were not used
     * when the start-up would have used them; or, with them, "Loaded 1 article(s) from /srv/kb in 90 ms, loaded
     * precomputed tables (hash 3f2a9c1e04b7, verified when the application was built): ...". The start-up logs
     * it, and {@code kb check} prints it.
     */
    public static String summary(Kb kb, Path dir, long millis) {
        int combinations = kb.entries().values().stream().mapToInt(e -> e.article().combinations()).sum();
        int diagnoses = kb.entries().values().stream().mapToInt(e -> e.article().distinctDiagnoses()).sum();
        if (kb.precomputed()) {
            return String.format(Locale.ROOT, "Loaded %d article(s) from %s in %d ms, loaded precomputed tables"
                    + " (hash %s, verified when the application was built): %d fact combinations, %d distinct"
                    + " diagnoses; text understanding and search built once started", kb.entries().size(), dir, millis,
                    shortHash(kb.hash()), combinations, diagnoses);
        }
        return String.format(Locale.ROOT, "Loaded and verified %d article(s) from %s in %d ms: %d fact"
                + " combinations enumerated, %d distinct diagnoses%s", kb.entries().size(), dir, millis, combinations,
                diagnoses, kb.why().isEmpty() ? "" : " (verified: " + kb.why() + "; hash " + shortHash(kb.hash())
                        + ")");
    }

    /** The first 12 hex digits of a hash, enough to tell kbs apart in a log line. */
    private static String shortHash(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
