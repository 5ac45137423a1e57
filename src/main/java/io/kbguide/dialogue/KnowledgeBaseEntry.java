package io.kbguide.dialogue;

import io.kbguide.answers.ArticleSearch;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.text.TextUnderstanding;

import java.util.Optional;

/**
 * One article as the service uses it, built when the kb is loaded: the verified article, its guided flow, how its
 * typed and pasted text is read (absent when the article has no language.yaml), and its sentences, searched to answer
 * questions. Built by the kb loader (KbLoader), which may defer the last two (a kb that the build has already loaded
 * in full): they are then built when first needed or when the entry is {@link #prepare prepared}.
 */
public record KnowledgeBaseEntry(CompiledArticle article, GuidedFlow flow,
        Deferred<Optional<TextUnderstanding>> text, Deferred<ArticleSearch> sentences) {

    public String id() {
        return article.id();
    }

    /** How the article's typed and pasted text is read; empty without a language.yaml. */
    public Optional<TextUnderstanding> understanding() {
        return text.get();
    }

    /** The article's sentences, to answer questions from. */
    public ArticleSearch search() {
        return sentences.get();
    }

    /** Builds what was deferred, if it was. */
    public void prepare() {
        text.get();
        sentences.get();
    }

    /** A message in English as far as the article's language packs go (as written without a language file). */
    public String inEnglish(String text) {
        return understanding().map(u -> u.inEnglish(text)).orElse(text);
    }
}
