package io.kbguide.kb;

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
