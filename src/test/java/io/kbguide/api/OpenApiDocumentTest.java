package io.kbguide.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document integrators generate clients from: facts as an object with one property per fact and its
 * values from the kb, an operationId and a description on every operation, a problem document for every error,
 * the API-key scheme, the headers of every response, and the conversation step as a discriminated union. Writes it
 * to target/openapi.json for Spectral ({@code src/test/spectral/lint.sh}) and the generated TypeScript client
 * ({@code src/test/client/run.sh}), both run in the verify phase.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeFactsFromTheKbAndNameEveryOperation() throws Exception {
        String body = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target/openapi.json"), body);
        JsonPath doc = JsonPath.from(body);
        Map<String, Object> facts = doc.getMap("components.schemas.DiagnosisRequest.properties.facts.properties");
        assertEquals(List.of("os", "architecture", "heartbeatVersion", "servicePack", "useNewApi", "threeGb",
                "leakPatch", "wayOut"), List.copyOf(facts.keySet()));
        assertEquals(List.of("windows-2000", "windows-2003", "windows-2003-r2", "windows-2008-or-later", "other",
                "unknown"), doc.getList("components.schemas.DiagnosisRequest.properties.facts.properties.os.enum")
                .stream().filter(v -> v != null).toList());
        assertEquals(Boolean.FALSE, doc.get("components.schemas.DiagnosisRequest.properties.facts.additionalProperties"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                assertTrue(op.getValue().get("operationId") instanceof String, where + " has no operationId");
                Object description = op.getValue().get("description");
                assertTrue(description instanceof String s && !s.isBlank(), where + " has no description");
            }
        }
        assertFalse(body.contains("JsonNode"), "internal types leak into the document");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerEveryErrorOfEveryOperationWithAProblemDocumentAndNameTheHeaders() {
        JsonPath doc = JsonPath.from(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.getValue()
                        .get("responses");
                assertTrue(responses.containsKey("default"), where + " has no default response");
                assertTrue(responses.containsKey("429") && responses.containsKey("406"), where);
                for (var response : responses.entrySet()) {
                    String code = response.getKey();
                    Map<String, Object> headers = (Map<String, Object>) response.getValue().get("headers");
                    assertTrue(headers.containsKey("X-Request-Id") && headers.containsKey("RateLimit"),
                            where + " " + code + " names no X-Request-Id or RateLimit");
                    if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                        Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response
                                .getValue().get("content");
                        assertEquals("#/components/schemas/Problem", ((Map<String, Object>) content
                                .get("application/problem+json").get("schema")).get("$ref"), where + " " + code);
                    }
                }
                assertTrue(((Map<String, Object>) responses.get("429").get("headers")).containsKey("Retry-After"));
                List<Map<String, Object>> security = (List<Map<String, Object>>) op.getValue().get("security");
                boolean collector = path.getKey().endsWith("/collector");
                assertEquals(collector ? List.of(Map.of()) : List.of(Map.of("ApiKey", List.of())), security, where);
                assertEquals(!collector, responses.containsKey("401"), where);
            }
        }
        assertEquals("X-Api-Key", doc.getString("components.securitySchemes.ApiKey.name"));
        assertEquals(List.of("type", "title", "status", "detail", "instance", "requestId"),
                doc.getList("components.schemas.Problem.required"));
        assertEquals(Boolean.FALSE, doc.get("servers[0].x-internal"));
    }

    @Test
    void shouldDescribeTheStepAsAUnionOnTypeWithTheFieldsEachKindAlwaysHas() {
        JsonPath doc = JsonPath.from(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        assertEquals("type", doc.getString("components.schemas.ConversationStep.discriminator.propertyName"));
        assertEquals(Map.of("question", "#/components/schemas/QuestionStep", "readback",
                "#/components/schemas/ReadBackStep", "diagnosis", "#/components/schemas/DiagnosisStep",
                "choose-article", "#/components/schemas/ChooseArticleStep", "no-article",
                "#/components/schemas/NoArticleStep"), doc.getMap("components.schemas.ConversationStep.discriminator.mapping"));
        assertEquals(List.of("type", "question", "answers", "progress"),
                doc.getList("components.schemas.QuestionStep.required"));
        assertEquals("readback", doc.getString("components.schemas.ReadBackStep.properties.type.const"));
        assertEquals(List.of("type", "diagnosis", "answers"), doc.getList("components.schemas.DiagnosisStep.required"));
        assertEquals(List.of("conversationId", "step"), doc.getList("components.schemas.Conversation.required"));
        // a field that can be null says so; text answers are strings
        assertEquals(List.of("string", "null"), doc.getList("components.schemas.FactView.properties.format.type"));
        assertEquals("string", doc.getString("paths.'/api/v1/conversations'.post.responses.'201'.content."
                + "'text/markdown'.schema.type"));
        // findings and plan cases name their values from the kb
        assertEquals(List.of("windows-2000", "windows-2003", "windows-2003-r2", "windows-2008-or-later", "other"),
                doc.getList("components.schemas.PlanCaseView.properties.when.properties.os.enum"));
        assertEquals(Boolean.FALSE, doc.get("components.schemas.PlanCaseView.properties.when.additionalProperties"));
        assertTrue(doc.getList("components.schemas.Diagnosis.properties.findings.properties.driverMethod.enum")
                .contains("undetermined"));
    }
}
