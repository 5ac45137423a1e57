package io.kbguide.dialogue;

import io.kbguide.answers.ArticleRouter;

import java.util.List;
import java.util.Optional;

/** The articles a dialogue can be about (the loaded kb). */
public interface Articles {

    Optional<KnowledgeBaseEntry> entry(String articleId);

    /** The ids of the articles there are, to name them when an unknown one is asked for. */
    List<String> ids();

    /** Where a first message that names no article leads: one article, several to choose from, or none. */
    ArticleRouter.Route route(String text);
}
