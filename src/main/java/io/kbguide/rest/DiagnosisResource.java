package io.kbguide.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbguide.diagnosis.DiagnosisFormat;
import io.kbguide.diagnosis.DiagnosisRequest;
import io.kbguide.diagnosis.DiagnosisService;
import io.kbguide.diagnosis.DiagnosisView;
import io.kbguide.edge.JsonBodies;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.FactError;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.problem.Problem;
import io.kbguide.problem.ProblemMappers;
import io.kbguide.render.TextRenderer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/articles/{articleId}/diagnosis")
@Tag(name = "Diagnosis")
@APIResponse(responseCode = "default", description = ProblemMappers.ANY_OTHER, content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DiagnosisResource {

    private final ArticleRegistry registry;
    private final DiagnosisService diagnoses;
    private final TextRenderer renderer;
    private final JsonBodies bodies;

    static final String AS_TEXT = "The diagnosis (JSON, Markdown or plain text as accepted)";

    /** Shown when the body is missing. */
    static final String EXAMPLE = "{\"facts\": {\"os\": \"windows-2003\"}}";

    public DiagnosisResource(ArticleRegistry registry, DiagnosisService diagnoses, TextRenderer renderer,
            JsonBodies bodies) {
        this.registry = registry;
        this.diagnoses = diagnoses;
        this.renderer = renderer;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Representation.MARKDOWN_TYPE, MediaType.TEXT_PLAIN})
    @Operation(operationId = "diagnose", summary = "Diagnose a server from the facts known about it",
            description = "Stateless. Unknown facts are allowed: a finding is given only when every possible value"
                    + " of the unknown facts agrees, and steps that change the server only when every possible value"
                    + " gives the same ones (plansByCase then shows what each answer leads to). Also served as"
                    + " text/markdown and text/plain.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DiagnosisRequest.class), examples = {
            @ExampleObject(name = "SP1 installed after Heartbeat", value = "{\"facts\":{\"architecture\":\"x86\","
                    + "\"os\":\"windows-2003\",\"servicePack\":\"sp1\",\"useNewApi\":\"zero\",\"threeGb\":\"no\","
                    + "\"heartbeatVersion\":\"5.0.3\",\"leakPatch\":\"not-installed\"}}"),
            @ExampleObject(name = "Service pack unknown", value = "{\"facts\":{\"architecture\":\"x86\",\"os\":"
                    + "\"windows-2003\",\"servicePack\":\"unknown\",\"useNewApi\":\"zero\"}}")}))
    @APIResponseSchema(value = DiagnosisView.class, responseCode = "200",
            responseDescription = AS_TEXT)
    @APIResponse(responseCode = "400", description = "Unknown fact, value outside the choices, malformed version,"
            + " contradictory facts or malformed JSON (application/problem+json naming the field and the allowed"
            + " values)")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "413", description = "Body too large")
    @NonBlocking
    public Response diagnose(@PathParam("articleId") String articleId, byte[] body, HttpHeaders headers)
            throws IOException {
        CompiledArticle article = registry.require(articleId);
        DiagnosisRequest request = bodies.read(body, DiagnosisRequest.class, EXAMPLE);
        Representation as = Representation.of(headers);
        Map<String, String> answers = answers(request.facts());
        DiagnosisFormat format = switch (as) {
            case JSON -> diagnoses.json();
            case MARKDOWN -> renderer.markdownDiagnosis();
            case TEXT -> renderer.textDiagnosis();
        };
        return Response.ok(diagnoses.diagnose(format, article, answers, request.text()), as.mediaType).build();
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
