package io.kbguide.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kbguide.dialogue.ConversationCodec;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.DialogueListener;
import io.kbguide.dialogue.StepMemo;
import io.kbguide.kb.ArticleRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one dialogue of the service, over the loaded kb, with every {@link DialogueListener} bean listening (metrics,
 * audit, the help-desk webhook), and the steps already taken kept in memory
 * ({@code kbguide.conversation.step-cache-size}). A new channel injects {@link Dialogue} and renders its outcomes; it
 * needs nothing else from here.
 */
@ApplicationScoped
public class DialogueWiring {

    @Produces
    @Singleton
    Dialogue dialogue(ArticleRegistry registry, ConversationCodec codec, Instance<DialogueListener> listeners,
            ConversationConfig config) {
        Cache<StepMemo.Key, StepMemo.Step> steps = Caffeine.newBuilder().maximumSize(config.stepCacheSize()).build();
        return new Dialogue(registry, codec, listeners.stream().toList(), StepMemo.of(steps.asMap()));
    }
}
