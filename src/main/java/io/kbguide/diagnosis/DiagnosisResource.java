package io.kbguide.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.FactError;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.problem.ProblemException;
import io.kbguide.problem.Problem;
import io.kbguide.render.TextRenderer;
import io.kbguide.text.Conflict;
import io.kbguide.text.Extraction;
import io.kbguide.text.Rejection;
import io.kbguide.text.TextUnderstanding;
import io.kbguide.text.Understood;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/articles/{articleId}/diagnosis")
@Tag(name = "Diagnosis")
public class DiagnosisResource {

    private final ArticleRegistry registry;
    private final TextRenderer renderer;

    public DiagnosisResource(ArticleRegistry registry, TextRenderer renderer) {
        this.registry = registry;
        this.renderer = renderer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("text/markdown;charset=UTF-8")
    public String diagnoseAsMarkdown(@PathParam("articleId") String articleId, @Valid DiagnosisRequest request) {
        return renderer.markdown(diagnose(articleId, request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String diagnoseAsText(@PathParam("articleId") String articleId, @Valid DiagnosisRequest request) {
        return renderer.text(diagnose(articleId, request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Diagnose a server from the facts known about it",
            description = "Stateless. Unknown facts are allowed: a finding is given only when every possible value"
                    + " of the unknown facts agrees, and only steps right for every possible value are advised.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "SP1 installed after Heartbeat", value = "{\"facts\":{\"architecture\":\"x86\","
                    + "\"os\":\"windows-2003\",\"servicePack\":\"sp1\",\"useNewApi\":\"zero\",\"threeGb\":\"no\","
                    + "\"heartbeatVersion\":\"5.0.3\",\"leakPatch\":\"not-installed\"}}"),
            @ExampleObject(name = "Service pack unknown", value = "{\"facts\":{\"architecture\":\"x86\",\"os\":"
                    + "\"windows-2003\",\"servicePack\":\"unknown\",\"useNewApi\":\"zero\"}}")}))
    @APIResponse(responseCode = "200", description = "The diagnosis")
    @APIResponse(responseCode = "400", description = "Unknown fact, value outside the choices, malformed version,"
            + " contradictory facts or malformed JSON (application/problem+json naming the field and the allowed"
            + " values)")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "413", description = "Body too large")
    public DiagnosisView diagnose(@PathParam("articleId") String articleId, @Valid DiagnosisRequest request) {
        CompiledArticle article = registry.require(articleId);
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "Missing body",
                    "Send a JSON body such as {\"facts\": {\"os\": \"windows-2003\"}}.", List.of());
        }
        Map<String, String> answers = answers(request.facts());
        if (request.text() == null || request.text().isBlank()) {
            return DiagnosisView.of(article.article(), article.diagnose(answers));
        }
        TextUnderstanding understanding = registry.understanding(articleId).orElseThrow(() ->
                ProblemException.badRequest("text-not-understood", "Text not supported", "Article '" + articleId
                        + "' has no language file, so it cannot read text; send facts.",
                        List.of(new Problem.FieldError("text", "not supported for this article", "facts"))));
        Extraction extraction = understanding.extract(request.text());
        Map<String, String> merged = new LinkedHashMap<>();
        List<DiagnosisView.UnderstoodView> understood = new ArrayList<>();
        for (Understood u : extraction.understood()) {
            merged.put(u.factId(), u.value());
            understood.add(new DiagnosisView.UnderstoodView(u.factId(), u.value(),
                    article.article().fact(u.factId()).orElseThrow().labelOf(u.value()), u.evidence()));
        }
        merged.putAll(answers); // explicit facts win
        List<DiagnosisView.UnclearView> unclear = new ArrayList<>();
        for (Conflict c : extraction.conflicts()) {
            unclear.add(new DiagnosisView.UnclearView(c.factId(), "The text gives more than one value: "
                    + String.join(", ", c.candidates().stream().map(u -> u.value() + " (from \"" + u.evidence()
                    + "\")").toList()) + "; it is left unknown.", c.candidates().stream().map(Understood::value)
                    .distinct().toList()));
        }
        for (Rejection r : extraction.rejections()) {
            unclear.add(new DiagnosisView.UnclearView(r.factId(), r.reason() + " (from \"" + r.evidence() + "\")",
                    List.of()));
        }
        return DiagnosisView.of(article.article(), article.diagnose(merged)).withText(understood,
                unclear.isEmpty() ? null : unclear);
    }

    /** Fact values must be JSON strings (or null for unknown). */
    static Map<String, String> answers(Map<String, JsonNode> facts) {
        Map<String, String> answers = new LinkedHashMap<>();
        List<FactError> errors = new ArrayList<>();
        if (facts != null) {
            facts.forEach((id, node) -> {
                if (node == null || node.isNull()) {
                    answers.put(id, null);
                } else if (node.isTextual()) {
                    answers.put(id, node.textValue());
                } else {
                    errors.add(new FactError(id, "facts." + id + " must be a JSON string, not " + node.getNodeType()
                            .name().toLowerCase(java.util.Locale.ROOT), "a string value"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidFactsException(errors);
        }
        return answers;
    }
}
