package io.kbguide.conversation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden cases for answers that used to mislead where people actually are: facts left unknown, Windows 2000, a
 * healthy server, findings beside steps that change them, two ways out. Each was found by trying the service as a
 * support engineer would.
 */
@QuarkusTest
class AnswersNeverMisleadTest {

    static final String BASE = "/api/v1/conversations";
    static final String DIAGNOSIS = "/api/v1/articles/heartbeat-registry-driver/diagnosis";

    static JsonPath reply(String id, String factId, String value) {
        return given().contentType(ContentType.JSON).body(Map.of("factId", factId, "value", value))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath walk(String... pairs) {
        JsonPath step = given().contentType(ContentType.JSON).body(Map.of("articleId", "heartbeat-registry-driver"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
        for (String pair : pairs) {
            String[] kv = pair.split("=", 2);
            step = reply(step.getString("conversationId"), kv[0], kv[1]);
        }
        return step;
    }

    static JsonPath diagnose(Map<String, String> facts) {
        return given().contentType(ContentType.JSON).body(Map.of("facts", facts)).when().post(DIAGNOSIS).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldGoOnAskingAfterIDontKnowTo32Or64BitAndAnswerPerCase() {
        JsonPath step = walk("os=windows-2003", "architecture=unknown");
        assertEquals("question", step.getString("step.type"), "the conversation goes on");
        assertEquals("heartbeatVersion", step.getString("step.question.factId"));
        step = walk("os=windows-2003", "architecture=unknown", "heartbeatVersion=5.0.3", "servicePack=sp2",
                "useNewApi=zero", "leakPatch=not-installed");
        assertEquals("diagnosis", step.getString("step.type"), step.prettify());
        assertEquals(List.of("architecture"), step.getList("step.diagnosis.missingFacts"));
        assertEquals(List.of("x86", "x64"), step.getList("step.diagnosis.plansByCase.when.architecture"));
        assertEquals(List.of("remove-usenewapi", "restart-server"),
                step.getList("step.diagnosis.plansByCase[0].remediation"), "x86: the article's plan");
        assertEquals(List.of("contact-support"), step.getList("step.diagnosis.plansByCase[1].remediation"),
                "x64: outside the article");
        assertEquals("answers-needed", step.getString("step.diagnosis.verdict.kind"));
        assertEquals("1 answer still needed: the Windows architecture", step.getString("step.diagnosis.verdict.text"));
    }

    @Test
    void shouldAskTheWindowsVersionFirstAndNeverAskWindows2000For32Or64Bit() {
        JsonPath first = walk();
        assertEquals("os", first.getString("step.question.factId"));
        JsonPath step = walk("os=windows-2000");
        assertEquals("heartbeatVersion", step.getString("step.question.factId"), "x86 is taken as given");
        // help and commands only for what Windows 2000 has
        for (String fact : List.of("heartbeatVersion", "threeGb", "leakPatch")) {
            if (!fact.equals(step.getString("step.question.factId"))) {
                step = reply(step.getString("conversationId"), fact.equals("threeGb") ? "heartbeatVersion" : fact,
                        fact.equals("threeGb") ? "5.0.3" : "unknown");
            }
            String help = step.getString("step.question.help") + " " + step.getList("step.question.commands");
            assertFalse(help.contains("systeminfo") || help.contains("bootcfg") || help.contains("wmic"),
                    step.getString("step.question.factId") + " on Windows 2000: " + help);
        }
        // there is no x64 Windows 2000
        given().contentType(ContentType.JSON).body(Map.of("facts", Map.of("os", "windows-2000", "architecture",
                "x64"))).when().post(DIAGNOSIS).then().statusCode(400)
                .body("errors.field", hasItem("facts.architecture"));
    }

    @Test
    void shouldNotSendAHealthyServerToSupport() {
        JsonPath d = diagnose(Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "sp2",
                "useNewApi", "absent", "heartbeatVersion", "6.0.1"));
        assertEquals(List.of(), d.getList("remediation.id"));
        assertEquals("nothing-to-do", d.getString("verdict.kind"));
        assertEquals("Nothing needs to be done", d.getString("verdict.text"));
        assertTrue(d.getList("notes.text", String.class).stream().anyMatch(n -> n.contains("only for Heartbeat"
                + " 5.0.x and 5.1.0")), d.prettify());
        // with the hookers on Windows 2000 it still is
        assertEquals(List.of("contact-support"), diagnose(Map.of("os", "windows-2000", "threeGb", "no",
                "heartbeatVersion", "6.0.1")).getList("remediation.id"));
    }

    @Test
    void shouldSayWhyThePatchIsNeededWhereTheLeakIsNotExpectedYet() {
        JsonPath d = diagnose(Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "none",
                "useNewApi", "absent", "threeGb", "no", "heartbeatVersion", "5.0.3", "leakPatch", "not-installed"));
        assertEquals("not-expected", d.getString("findings.leakExposure"));
        assertEquals(List.of("set-usenewapi-zero", "apply-leak-patch", "restart-server"), d.getList("remediation.id"));
        String patch = d.getString("remediation.find { it.id == 'apply-leak-patch' }.detail");
        assertTrue(patch.contains("switches it to the hookers"), patch);
        assertTrue(d.getString("findingDetails.leakExposure.statement").contains("uses now"),
                d.getString("findingDetails.leakExposure.statement"));
        // a server that runs Heartbeat: the installer's refusal is about a reinstall or an upgrade
        JsonPath refused = diagnose(Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "none",
                "useNewApi", "zero", "threeGb", "yes", "heartbeatVersion", "5.0.3", "leakPatch", "installed"));
        assertTrue(refused.getString("findingDetails.installSupported.statement").contains("reinstall or an upgrade"),
                refused.getString("findingDetails.installSupported.statement"));
    }

    @Test
    void shouldOfferTwoCompleteWaysOutInsteadOfAPlanThatDefeatsItself() {
        Map<String, String> facts = Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "none",
                "useNewApi", "absent", "threeGb", "no", "heartbeatVersion", "5.0.1");
        JsonPath d = diagnose(facts);
        assertEquals(List.of(), d.getList("remediation.id"), "nothing picked for the person");
        assertEquals(List.of("keep-windows", "service-pack"), d.getList("plansByCase.when.wayOut"));
        assertEquals(List.of("set-usenewapi-zero", "restart-server", "contact-support"),
                d.getList("plansByCase[0].remediation"));
        assertEquals(List.of("install-service-pack"), d.getList("plansByCase[1].remediation"),
                "the service pack alone: UseNewApi is not set to 0 first");
        // no plan anywhere sets UseNewApi to 0 and then installs the service pack
        for (String way : List.of("keep-windows", "service-pack")) {
            Map<String, String> chosen = new java.util.HashMap<>(facts);
            chosen.put("wayOut", way);
            List<String> steps = diagnose(chosen).getList("remediation.id");
            assertFalse(steps.contains("set-usenewapi-zero") && steps.contains("install-service-pack"), way + ": "
                    + steps);
        }
    }

    @Test
    void shouldListEveryQuestionAHelpDeskNeedsAtOnceSayingWhenEachMatters() {
        // a help-desk agent writing to a customer: four facts unknown
        JsonPath d = diagnose(Map.of("architecture", "x86", "os", "windows-2000", "servicePack", "sp2",
                "useNewApi", "zero"));
        assertEquals(List.of("heartbeatVersion", "threeGb", "leakPatch"), d.getList("missingFacts"));
        assertEquals("only if the Heartbeat version is 5.0.3",
                d.getString("toFindOut.find { it.factId == 'leakPatch' }.onlyIfText"));
        assertEquals(List.of("5.0.3"), d.getList("toFindOut.find { it.factId == 'leakPatch' }.onlyIf.heartbeatVersion"));
        given().contentType(ContentType.JSON).accept("text/markdown")
                .body(Map.of("facts", Map.of("architecture", "x86", "os", "windows-2000", "servicePack", "sp2",
                        "useNewApi", "zero")))
                .when().post(DIAGNOSIS).then().statusCode(200)
                .body(containsString("## 3 answers still needed: the Heartbeat version, the /3GB switch, the leak"
                        + " patch\n"))
                .body(containsString("_(only if the Heartbeat version is 5.0.3)_"))
                .body(containsString("**For:** the Windows version: Windows 2000 (given)"))
                // "nothing needs to be done" only for a case whose every server needs nothing
                .body(containsString("- If the Heartbeat version is \"5.0.3\" and the /3GB switch is \"No\" and the leak"
                        + " patch is \"Installed\": nothing needs to be done."))
                .body(not(containsString("- If the Heartbeat version is \"5.0.3\": nothing")));
    }

    @Test
    void shouldSayWhereEachAnswerCameFrom() {
        JsonPath step = given().contentType(ContentType.JSON)
                .body(Map.of("articleId", "heartbeat-registry-driver", "text",
                        "OS Name: Microsoft(R) Windows(R) Server 2003, Standard Edition\n"
                                + "OS Version: 5.2.3790 Service Pack 2 Build 3790\nSystem Type: X86-based PC"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("pasted", "pasted"), step.getList("step.answers.origin"), step.prettify());
        step = reply(step.getString("conversationId"), "heartbeatVersion", "5.0.1");
        assertEquals("button", step.getString("step.answers.find { it.factId == 'heartbeatVersion' }.origin"));
        assertEquals("pasted", step.getString("step.answers.find { it.factId == 'os' }.origin"),
                "an earlier answer keeps its origin");
        given().when().get(BASE + "/" + reply(step.getString("conversationId"), "useNewApi", "absent")
                .getString("conversationId")).then().statusCode(200)
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.facts.origin", contains("pasted", "pasted", "button", "pasted", "button"))
                .body("step.diagnosis.verdict.text", equalTo("Nothing needs to be done"))
                .body("step.diagnosis.stillNeeded", nullValue())
                .body("step.answers.origin", everyItem(not(equalTo("given"))));
    }
}
