package io.kbguide.dialogue;

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

/**
 * One article as the service uses it, built once when the kb is loaded: the verified article, its guided flow,
 * and how its typed and pasted text is read (absent when the article has no language.yaml).
 */
public record KnowledgeBaseEntry(CompiledArticle article, GuidedFlow flow,
        Optional<TextUnderstanding> understanding) {

    public String id() {
        return article.id();
    }

    /**
     * Reads, verifies and compiles every article under a kb directory, with its flow and its text understanding.
     *
     * @return the entries by article id, in the order read
     * @throws io.kbguide.engine.KbException naming the file and the rule, when an article is defective
     */
    public static Map<String, KnowledgeBaseEntry> loadAll(Path dir) {
        Map<String, KnowledgeBaseEntry> loaded = new LinkedHashMap<>();
        for (var article : new KbReader().readAll(dir)) {
            CompiledArticle compiled = new ArticleCompiler().compile(article);
            Path folder = dir.resolve(article.folder());
            Optional<TextUnderstanding> text = Files.exists(folder.resolve(LanguageReader.LANGUAGE_FILE))
                    ? Optional.of(TextUnderstanding.forArticle(article, new LanguageReader().read(folder, article)))
                    : Optional.empty();
            loaded.put(compiled.id(), new KnowledgeBaseEntry(compiled, new GuidedFlow(compiled), text));
        }
        return loaded;
    }
}
