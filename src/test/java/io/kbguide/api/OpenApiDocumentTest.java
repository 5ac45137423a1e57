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
 * values from the kb, an operationId and a description on every operation. Writes it to target/openapi.json for
 * Spectral ({@code src/test/spectral/lint.sh}, run by .ci/run).
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
}
