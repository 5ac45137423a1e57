package io.kbguide.dialogue;

import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.GuidedFlow;
import io.kbguide.text.TextUnderstanding;

import java.util.Optional;

/**
 * One article as the service uses it, built once when the kb is loaded: the verified article, its guided flow,
 * and how its typed and pasted text is read (absent when the article has no language.yaml). Built by the kb
 * loader (KbLoader).
 */
public record KnowledgeBaseEntry(CompiledArticle article, GuidedFlow flow,
        Optional<TextUnderstanding> understanding) {

    public String id() {
        return article.id();
    }
}
