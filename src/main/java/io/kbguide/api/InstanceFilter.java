package io.kbguide.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.conversation.ConversationConfig;
import io.kbguide.conversation.ConversationService;
import io.kbguide.conversation.ConversationView;
import io.kbguide.diagnosis.DiagnosisService;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.ConversationCodec;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.Input;
import io.kbguide.dialogue.Outcome;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.render.TextRenderer;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.spi.CDI;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Response examples that are real answers of this service on the kb it was started with: the article
 * list, a diagnosis from no facts, and a conversation's first step, next step and diagnosis (each question answered
 * "unknown"), in JSON, Markdown and text. The conversation runs on a dialogue of its own with no listeners, so that
 * serving the document counts no conversation and writes no audit line.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class InstanceFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(InstanceFilter.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ArticleRegistry registry = CDI.current().select(ArticleRegistry.class).get();
        if (!registry.ready() || registry.all().isEmpty()) {
            return;
        }
        try {
            examples(openAPI, registry, registry.all().get(0));
        } catch (RuntimeException e) {
            // an example is an illustration: the document is served without it rather than not at all
            LOG.warnf(e, "The OpenAPI document's response examples could not be worked out");
        }
    }

    private static void examples(OpenAPI openAPI, ArticleRegistry registry, CompiledArticle article) {
        ObjectMapper mapper = CDI.current().select(ObjectMapper.class).get();
        TextRenderer renderer = CDI.current().select(TextRenderer.class).get();
        DiagnosisService diagnoses = CDI.current().select(DiagnosisService.class).get();

        example(openAPI, "/api/v1/articles", PathItem.HttpMethod.GET, "200", "application/json", "The articles",
                read(mapper, write(mapper, registry.all().stream()
                        .map(a -> io.kbguide.article.ArticleViews.ArticleSummary.of(a.article())).toList())));
        example(openAPI, "/api/v1/articles/{articleId}/diagnosis", PathItem.HttpMethod.POST, "200",
                "application/json", "No facts known yet", read(mapper, diagnoses.diagnose(diagnoses.json(), article,
                        Map.of(), null)));

        Dialogue quiet = new Dialogue(registry, CDI.current().select(ConversationCodec.class).get(), List.of());
        ConversationView first = view(quiet.start(article.id(), null, Channel.API));
        String conversations = "/api/v1/conversations";
        example(openAPI, conversations, PathItem.HttpMethod.POST, "201", "application/json", "The first question",
                json(mapper, first));
        example(openAPI, conversations, PathItem.HttpMethod.POST, "201", "text/markdown", "The first question",
                renderer.markdown(first));
        example(openAPI, conversations, PathItem.HttpMethod.POST, "201", "text/plain", "The first question",
                renderer.text(first));
        example(openAPI, conversations + "/{conversationId}", PathItem.HttpMethod.GET, "200", "application/json",
                "A question", json(mapper, first));
        ConversationView step = first;
        ConversationView second = null;
        for (int i = 0; i < 100 && step.step().question() != null; i++) {
            step = view(quiet.next(step.conversationId(), new Input.Answer(step.step().question().factId(),
                    Fact.UNKNOWN), Channel.API));
            second = second == null ? step : second;
        }
        if (second != null && second.step().question() != null) {
            example(openAPI, conversations + "/{conversationId}/replies", PathItem.HttpMethod.POST, "200",
                    "application/json", "The next question", json(mapper, second));
        }
        if (step.step().diagnosis() != null) {
            example(openAPI, conversations + "/{conversationId}/replies", PathItem.HttpMethod.POST, "200",
                    "application/json", "The diagnosis (every question answered \"unknown\")", json(mapper, step));
        }
    }

    private static ConversationView view(Outcome outcome) {
        if (!(outcome instanceof Outcome.Reply reply)) {
            throw new IllegalStateException("the example conversation was refused: " + outcome);
        }
        return ConversationService.viewOf(reply, CDI.current().select(ConversationConfig.class).get().helpDesk());
    }

    /** Adds an example to a response's media type, where the document has them (the first media type matching). */
    private static void example(OpenAPI openAPI, String path, PathItem.HttpMethod method, String code, String type,
            String name, Object value) {
        PathItem item = openAPI.getPaths().getPathItem(path);
        Operation operation = item == null ? null : item.getOperations().get(method);
        if (operation == null || operation.getResponses() == null
                || operation.getResponses().getAPIResponse(code) == null
                || operation.getResponses().getAPIResponse(code).getContent() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> media : operation.getResponses().getAPIResponse(code).getContent()
                .getMediaTypes().entrySet()) {
            if (media.getKey().startsWith(type)) {
                media.getValue().addExample(name, OASFactory.createExample().value(value));
                return;
            }
        }
    }

    private static Object json(ObjectMapper mapper, ConversationView view) {
        return read(mapper, write(mapper, view));
    }

    private static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(ObjectMapper mapper, byte[] json) {
        try {
            return mapper.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
