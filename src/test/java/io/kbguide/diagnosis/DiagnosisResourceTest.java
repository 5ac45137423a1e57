package io.kbguide.diagnosis;

import io.kbguide.engine.GoldenCase;
import io.kbguide.engine.KbReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

@QuarkusTest
class DiagnosisResourceTest {

    static final String URL = "/api/v1/articles/heartbeat-registry-driver/diagnosis";

    @TestFactory
    Stream<DynamicTest> shouldGiveEveryGoldenOutcomeThroughTheApi() {
        Path folder = Path.of("kb/heartbeat-registry-driver");
        return new KbReader().readGolden(folder).stream().map(g -> DynamicTest.dynamicTest(g.name(), () -> check(g)));
    }

    private static void check(GoldenCase g) {
        var response = given().contentType(ContentType.JSON).body(Map.of("facts", g.facts()))
                .when().post(URL).then().statusCode(200).contentType(ContentType.JSON);
        g.findings().forEach((k, v) -> response.body("findings." + k, equalTo(v)));
        response.body("remediation.id", equalTo(g.steps()));
        if (g.missingFacts() != null) {
            response.body("missingFacts", equalTo(g.missingFacts()))
                    .body("complete", equalTo(g.missingFacts().isEmpty()));
        }
    }

    @Test
    void shouldAnswerWithTheWholeContractAndCiteTheArticle() {
        given().contentType(ContentType.JSON).body("""
                {"facts": {"architecture": "x86", "os": "windows-2003", "servicePack": "sp1", "useNewApi": "zero",
                 "threeGb": "no", "heartbeatVersion": "5.0.3", "leakPatch": "not-installed"}}""")
                .when().post(URL)
                .then().statusCode(200)
                .body("article.id", equalTo("heartbeat-registry-driver"))
                .body("article.title", notNullValue())
                .body("article.version", equalTo("2"))
                .body("complete", is(true))
                .body("missingFacts", empty())
                .body("findings.driverMethod", equalTo("hookers"))
                .body("findings.recommendedMethod", equalTo("callbacks"))
                .body("findings.leakExposure", equalTo("exposed"))
                .body("findings.bluescreenRisk", equalTo("none-known"))
                .body("findings.installSupported", equalTo("yes"))
                .body("findings.scope", equalTo("in-article"))
                .body("remediation.id", contains("remove-usenewapi", "restart-server"))
                .body("remediation[0].commands[0]", containsString("reg delete"))
                .body("remediation[0].source", equalTo("article"))
                .body("remediation[0].citations.section", hasItem("patch"))
                .body("remediation[1].detail", containsString("Restarting the Heartbeat service is not enough"))
                .body("citations.section", hasItem("runtime-decision"))
                .body("citations.quote", everyItem(notNullValue()))
                .body("findingDetails.driverMethod.source", equalTo("article"))
                .body("findingDetails.driverMethod.citations[0].quote",
                        equalTo("If the registry value is present and is zero then the driver will use the hookers."))
                .body("notes.text", hasItem(containsString("Installing a service pack does not switch")))
                .body("summary", containsString("Delete the UseNewApi registry value"));
    }

    @Test
    void shouldMarkInferencesBeyondTheArticle() {
        given().contentType(ContentType.JSON).body("{\"facts\": {\"architecture\": \"x64\"}}")
                .when().post(URL)
                .then().statusCode(200)
                .body("findings.scope", equalTo("outside-article"))
                .body("findingDetails.scope.source", equalTo("inference"))
                .body("remediation.id", contains("contact-support"))
                .body("remediation[0].source", equalTo("inference"))
                .body("remediation.id", not(hasItem("apply-leak-patch")));
    }

    @Test
    void shouldTreatOmittedNullAndUnknownFactsAlikeAndSayHowToFindThemOut() {
        String omitted = given().contentType(ContentType.JSON)
                .body("{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2003\", \"useNewApi\": \"zero\"}}")
                .when().post(URL).then().statusCode(200).extract().asString();
        String nulls = given().contentType(ContentType.JSON)
                .body("{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2003\", \"useNewApi\": \"zero\","
                        + " \"servicePack\": null, \"threeGb\": \"unknown\"}}")
                .when().post(URL).then().statusCode(200)
                .body("complete", is(false))
                .body("missingFacts", hasItem("servicePack"))
                .body("toFindOut.factId", hasItem("servicePack"))
                .body("toFindOut.find { it.factId == 'servicePack' }.commands[0]", containsString("systeminfo"))
                .body("remediation.id", not(hasItem("remove-usenewapi")))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(omitted, nulls);
    }

    @Test
    void shouldSayWhenAnUnknownVersionIsTakenToBeOneTheArticleAppliesTo() {
        given().contentType(ContentType.JSON)
                .body("{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2000\", \"threeGb\": \"no\"}}")
                .when().post(URL).then().statusCode(200)
                .body("findings.scope", equalTo("in-article"))
                .body("findings.driverMethod", equalTo("hookers"))
                .body("missingFacts", contains("heartbeatVersion", "leakPatch"))
                .body("notes.text", hasItem(containsString("taken to be v6.2.x or earlier")));
    }

    @Test
    void shouldTellWindows2000UsersThatUseNewApiIsIgnored() {
        given().contentType(ContentType.JSON)
                .body("{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2000\", \"useNewApi\": \"zero\"}}")
                .when().post(URL).then().statusCode(200)
                .body("findings.driverMethod", equalTo("hookers"))
                .body("missingFacts", not(hasItem("useNewApi")))
                .body("notes.text", hasItem(containsString("does not read it")));
    }

    @Test
    void shouldExplainR2AsGeneralKnowledge() {
        given().contentType(ContentType.JSON)
                .body("{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2003-r2\", \"useNewApi\": \"zero\"}}")
                .when().post(URL).then().statusCode(200)
                .body("missingFacts", not(hasItem("servicePack")))
                .body("notes.find { it.text.contains('R2') }.source", equalTo("inference"))
                .body("notes.find { it.text.contains('R2') }.text", containsString("not part of the article"));
    }

    @Test
    void shouldRejectAnUnknownFactNamingTheFactsThereAre() {
        given().contentType(ContentType.JSON).body("{\"facts\": {\"colour\": \"blue\"}}")
                .when().post(URL)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kb-guide:problem:invalid-facts"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("facts.colour"))
                .body("errors[0].allowed", containsString("os, architecture, heartbeatVersion"));
    }

    @Test
    void shouldRejectAValueOutsideTheChoicesNamingTheAllowedValues() {
        given().contentType(ContentType.JSON).body("{\"facts\": {\"os\": \"windows-xp\", \"threeGb\": \"maybe\"}}")
                .when().post(URL)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("facts.os", "facts.threeGb"))
                .body("errors[0].allowed", equalTo(
                        "windows-2000, windows-2003, windows-2003-r2, windows-2008-or-later, other, or unknown"))
                .body("errors[1].allowed", equalTo("yes, no, or unknown"))
                .body("detail", containsString("'windows-xp' is not a valid value for os"));
    }

    @Test
    void shouldRejectAMalformedVersion() {
        for (String version : new String[] {"five", "5..3", "", "5.0.3.1.2", "v", "5.0.3.1.x", "latest"}) {
            given().contentType(ContentType.JSON).body(Map.of("facts", Map.of("heartbeatVersion", version)))
                    .when().post(URL)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("facts.heartbeatVersion"))
                    .body("errors[0].allowed", containsString("a version such as 1.2.3"))
                    .body("errors[0].allowed", containsString("5.0.4-5.1.0"));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            6.1              | in-article      | not-stated   | false
            V5.0.3           | in-article      | exposed      | false
            v6.2.x           | in-article      | not-stated   | false
            5.0.3 build 221  | in-article      | exposed      | false
            4.5              | in-article      | not-affected | false
            7.0              | outside-article | not-stated   | false
            5.0              | in-article      | undetermined | true
            5.0.4-5.1.0      | in-article      | exposed      | false
            """)
    void shouldAcceptVersionsAsPeopleWriteThem(String version, String scope, String leak, boolean missing) {
        given().contentType(ContentType.JSON).body(Map.of("facts", Map.of("architecture", "x86", "os", "windows-2003",
                        "servicePack", "sp2", "useNewApi", "zero", "leakPatch", "not-installed", "heartbeatVersion",
                        version)))
                .when().post(URL).then().statusCode(200)
                .body("findings.scope", equalTo(scope))
                .body("findings.leakExposure", equalTo(leak))
                .body("missingFacts.contains('heartbeatVersion')", is(missing));
    }

    @Test
    void shouldRejectContradictoryFacts() {
        given().contentType(ContentType.JSON)
                .body("{\"facts\": {\"os\": \"windows-2003-r2\", \"servicePack\": \"none\"}}")
                .when().post(URL)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("facts.os", "facts.servicePack"))
                .body("errors[0].allowed", equalTo("a value that does not contradict servicePack"))
                .body("detail", containsString("R2 is built on Service Pack 1 or later"));
    }

    @Test
    void shouldRejectWrongJsonTypesNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"facts\": {\"os\": 2003}}")
                .when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("facts.os"))
                .body("detail", containsString("must be a JSON string"));
        given().contentType(ContentType.JSON).body("{\"facts\": [\"x86\"]}")
                .when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("facts"))
                .body("detail", containsString("expected a JSON object"));
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("must be a JSON object"));
        given().contentType(ContentType.JSON).body("{\"fact\": {}}")
                .when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'fact' is not a known field; known fields: facts"));
    }

    @Test
    void shouldRejectMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"facts\": {\"os\": ")
                .when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kb-guide:problem:malformed-json"));
        given().contentType(ContentType.JSON).body("")
                .when().post(URL).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldReturn404ForAnUnknownArticle() {
        given().contentType(ContentType.JSON).body("{\"facts\": {}}")
                .when().post("/api/v1/articles/no-such-article/diagnosis")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("Articles: heartbeat-registry-driver"));
    }

    @Test
    void shouldReturn413ForAnOversizedBody() {
        String big = "{\"facts\": {\"os\": \"" + "x".repeat(20_000) + "\"}}";
        given().contentType(ContentType.JSON).body(big)
                .when().post(URL).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void shouldAnswerProblemsForWrongMethodsMediaTypesAndPaths() {
        // RESTEasy Reactive answers a wrong method on this path with 404 rather than 405; either way a problem
        given().when().get(URL).then().statusCode(oneOf(404, 405)).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("os=windows-2003").when().post(URL)
                .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldNeverAnswer500ForOddButWellFormedInput() {
        for (String body : new String[] {"{}", "{\"facts\": null}", "{\"facts\": {}}", "null", "\"text\"", "42",
                "{\"facts\": {\"os\": null}}", "{\"facts\": {\"os\": {\"a\": 1}}}", "{\"facts\": {\"\": \"x\"}}"}) {
            given().contentType(ContentType.JSON).body(body).when().post(URL)
                    .then().statusCode(oneOf(200, 400));
        }
    }

    @Test
    void shouldDiagnoseWithNoFactsAtAll() {
        given().contentType(ContentType.JSON).body("{}").when().post(URL).then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("{\"verdict\":{\"kind\":\"answers-needed\",\"text\":\"8 answers"
                        + " still needed: the Windows version, "))
                .body("complete", is(false))
                .body("findings", hasKey("driverMethod"))
                .body("missingFacts", contains("os", "architecture", "heartbeatVersion", "servicePack", "useNewApi",
                        "threeGb", "leakPatch", "wayOut"));
    }

    @Test
    void shouldAdviseNoServerChangeWhenTheUnknownsDisagreeAndShowWhatEachAnswerLeadsTo() {
        Map<String, Object> facts = Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "none",
                "useNewApi", "absent", "heartbeatVersion", "5.0.3", "leakPatch", "not-installed");
        given().contentType(ContentType.JSON).body(Map.of("facts", facts))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body("remediation.id", org.hamcrest.Matchers.empty())
                .body("missingFacts", contains("threeGb"))
                .body("plansByCase.when.threeGb", contains("yes", "no"))
                .body("plansByCase[0].remediation", contains("set-usenewapi-zero", "remove-3gb-switch",
                        "apply-leak-patch", "restart-server"))
                .body("plansByCase[1].remediation", contains("set-usenewapi-zero", "apply-leak-patch",
                        "restart-server"))
                .body("plansByCase[1].text", org.hamcrest.Matchers.startsWith("If the /3GB switch is \"No\": 1."));
        given().contentType(ContentType.JSON).accept("text/markdown").body(Map.of("facts", facts))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("### What each answer would lead to"),
                        org.hamcrest.Matchers.containsString("- If the /3GB switch is \"Yes, /3GB is set\": 1. Set"));
        // with every fact known there is no case to show
        given().contentType(ContentType.JSON).body(Map.of("facts", Map.of("architecture", "x64")))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body("plansByCase", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldPreferDeletingUseNewApiToThePatchOnlyWhereThePatchIsNotInstalled() {
        Map<String, Object> facts = new java.util.HashMap<>(Map.of("architecture", "x86", "os", "windows-2003",
                "servicePack", "sp2", "useNewApi", "zero", "heartbeatVersion", "5.0.3", "leakPatch", "not-installed"));
        given().contentType(ContentType.JSON).body(Map.of("facts", facts)).when().post(URL).then().statusCode(200)
                .body("remediation[0].id", equalTo("remove-usenewapi"))
                .body("remediation[0].detail", containsString("preferred to the patch"));
        facts.put("leakPatch", "installed");
        given().contentType(ContentType.JSON).body(Map.of("facts", facts)).when().post(URL).then().statusCode(200)
                .body("remediation[0].id", equalTo("remove-usenewapi"))
                .body("remediation[0].detail", not(containsString("patch")));
    }
}
