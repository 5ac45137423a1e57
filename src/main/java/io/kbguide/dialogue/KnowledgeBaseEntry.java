package io.kbguide.dialogue;

import io.kbguide.answers.ArticleSearch;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.text.TextUnderstanding;

import java.util.Optional;

/**
 * One article as the service uses it, built once when the kb is loaded: the verified article, its guided flow,
 * how its typed and pasted text is read (absent when the article has no language.yaml), and its sentences, searched
 * to answer questions. Built by the kb
 * loader (KbLoader).
 */
public record KnowledgeBaseEntry(CompiledArticle article, GuidedFlow flow,
        Optional<TextUnderstanding> understanding, ArticleSearch search) {

    public String id() {
        return article.id();
    }

    /** A message in English as far as the article's language packs go (as written without a language file). */
    public String inEnglish(String text) {
        return understanding.map(u -> u.inEnglish(text)).orElse(text);
    }
}
