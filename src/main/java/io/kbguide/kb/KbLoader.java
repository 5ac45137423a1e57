package io.kbguide.kb;

import io.kbguide.answers.ArticleRouter;
import io.kbguide.answers.ArticleSearch;
import io.kbguide.answers.Synonyms;
import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.ArticleCompiler;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.engine.KbReader;
import io.kbguide.text.LanguageReader;
import io.kbguide.text.TextUnderstanding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

/**
 * Reads a kb directory as start-up does: every article read, verified and compiled, with its guided flow and, when
 * it has a language.yaml, how its typed and pasted text is read. Plain Java, so that the start-up, the
 * {@code kb check} command and the tests share it.
 */
public final class KbLoader {

    private KbLoader() {
    }

    /**
     * Reads, verifies and compiles every article under a kb directory, with its flow and its text understanding.
     *
     * @return the entries by article id, in the order read
     * @throws io.kbguide.engine.KbException naming the file and the rule, when an article is defective
     */
    public static Map<String, KnowledgeBaseEntry> loadAll(Path dir) {
        return loadAll(dir, (entry, millis) -> { });
    }

    /**
     * As {@link #loadAll(Path)}, telling as each article is ready: every flow is read first (so a fault in any is
     * found before any article is verified), then each article is verified and compiled and its language read.
     *
     * @param verified called with each article's entry and the milliseconds its verification, compilation and
     *                 language took, in the order read
     */
    public static Map<String, KnowledgeBaseEntry> loadAll(Path dir, ObjLongConsumer<KnowledgeBaseEntry> verified) {
        Map<String, KnowledgeBaseEntry> loaded = new LinkedHashMap<>();
        Synonyms synonyms = Synonyms.read(dir);
        for (var article : new KbReader().readAll(dir)) {
            long start = System.nanoTime();
            CompiledArticle compiled = new ArticleCompiler().compile(article);
            Path folder = dir.resolve(article.folder());
            Optional<TextUnderstanding> text = Files.exists(folder.resolve(LanguageReader.LANGUAGE_FILE))
                    ? Optional.of(TextUnderstanding.forArticle(article, new LanguageReader().read(folder, article)))
                    : Optional.empty();
            KnowledgeBaseEntry entry = new KnowledgeBaseEntry(compiled, new GuidedFlow(compiled), text,
                    ArticleSearch.of(article, synonyms));
            loaded.put(compiled.id(), entry);
            verified.accept(entry, (System.nanoTime() - start) / 1_000_000);
        }
        return loaded;
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
     * combinations enumerated, 60 distinct diagnoses". The start-up logs it, and {@code kb check} prints it.
     */
    public static String summary(Map<String, KnowledgeBaseEntry> entries, Path dir, long millis) {
        int combinations = entries.values().stream().mapToInt(e -> e.article().combinations()).sum();
        int diagnoses = entries.values().stream().mapToInt(e -> e.article().distinctDiagnoses()).sum();
        return String.format(java.util.Locale.ROOT, "Loaded and verified %d article(s) from %s in %d ms: %d fact"
                + " combinations enumerated, %d distinct diagnoses", entries.size(), dir, millis, combinations,
                diagnoses);
    }
}
