package io.kbguide.conversation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Typed and pasted replies in a conversation, and text on the stateless diagnosis endpoint. */
@QuarkusTest
class TextRepliesTest {

    static final String BASE = "/api/v1/conversations";
    static final String PASTE = """
            C:\\>systeminfo

            Host Name:                 HBSRV01
            OS Name:                   Microsoft(R) Windows(R) Server 2003, Enterprise Edition
            OS Version:                5.2.3790 Service Pack 2 Build 3790
            System Type:               X86-based PC

            C:\\>reg query "HKLM\\Software\\Neverfail\\R2\\HookRegistryDriver" /v UseNewApi

            HKEY_LOCAL_MACHINE\\Software\\Neverfail\\R2\\HookRegistryDriver
                UseNewApi    REG_DWORD    0x0

            C:\\>wmic product where "Name like '%Heartbeat%'" get Name,Version
            Name                         Version
            Neverfail Heartbeat          5.0.1
            """;

    static JsonPath startWith(String text) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("articleId", "heartbeat-registry-driver", "text", text))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath say(String id, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldGoStraightToTheDiagnosisFromPastedSysteminfoRegQueryAndVersion() {
        given().contentType(ContentType.JSON).body(Map.of("articleId", "heartbeat-registry-driver", "text", PASTE))
                .when().post(BASE).then().statusCode(201)
                .body("understood.factId", containsInAnyOrder("architecture", "os", "servicePack", "useNewApi",
                        "heartbeatVersion"))
                .body("understood.find { it.factId == 'useNewApi' }.evidence", containsString("REG_DWORD    0x0"))
                .body("understood.find { it.factId == 'servicePack' }.value", equalTo("sp2"))
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.findings.driverMethod", equalTo("hookers"))
                .body("step.diagnosis.remediation.id", contains("remove-usenewapi", "restart-server"));
    }

    @Test
    void shouldReadSeveralFactsFromOneTypedMessage() {
        String id = startWith("hello").getString("conversationId");
        JsonPath step = say(id, "it's a w2k3 box, SP2, no /3GB, 32-bit");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("architecture", "os", "servicePack",
                "threeGb"), step.getList("understood.factId").stream().sorted(
                        java.util.Comparator.comparing(f -> java.util.List.of("architecture", "os", "servicePack",
                                "threeGb").indexOf(f))).toList());
        org.junit.jupiter.api.Assertions.assertEquals("heartbeatVersion", step.getString("step.question.factId"));
    }

    @Test
    void shouldReadABareAnswerAgainstTheCurrentQuestion() {
        JsonPath step = startWith("x86, Windows Server 2003, Heartbeat 5.0.2");
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("step.question.factId"));
        JsonPath next = say(step.getString("conversationId"), "none");
        org.junit.jupiter.api.Assertions.assertEquals("useNewApi", next.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertEquals("none",
                next.getString("step.answers.find { it.factId == 'servicePack' }.value"));
    }

    @Test
    void shouldAskAgainWhenTwoNodesAreDescribedWithDifferentValues() {
        JsonPath step = startWith("x86 windows 2003. The primary has SP1, the secondary SP2.");
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("unclear[0].factId"));
        org.junit.jupiter.api.Assertions.assertTrue(step.getString("unclear[0].message")
                .contains("more than one server"), step.prettify());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("os", "architecture"),
                step.getList("step.answers.factId"), "no service pack was picked");
        org.junit.jupiter.api.Assertions.assertNull(step.get("step.earlyAnswers"));
    }

    @Test
    void shouldAskToConfirmWhenOneMessageGivesTwoServicePacks() {
        JsonPath step = startWith("x86 windows 2003 with SP1. Checked again, it has SP2.");
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("unclear[0].factId"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("sp1", "sp2"),
                step.getList("unclear[0].candidates"));
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("sp1", "sp2"),
                step.getList("step.question.choices.value"));
        org.junit.jupiter.api.Assertions.assertTrue(step.getString("step.question.hint").startsWith("Please confirm"));
        // the confirmation survives a reload of the id, and a button reply settles it
        String id = step.getString("conversationId");
        given().when().get(BASE + "/" + id).then().body("step.question.factId", equalTo("servicePack"))
                .body("step.question.choices.value", contains("sp1", "sp2"));
        given().contentType(ContentType.JSON).body(Map.of("factId", "servicePack", "value", "sp2"))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body("step.question.factId", equalTo("heartbeatVersion"))
                .body("step.question.hint", nullValue());
    }

    @Test
    void shouldAskToConfirmATypedAnswerThatContradictsAnEarlierOne() {
        String id = startWith("x86 windows 2003 sp1, heartbeat 5.0.3").getString("conversationId");
        JsonPath step = say(id, "sorry, it is SP2");
        org.junit.jupiter.api.Assertions.assertTrue(step.getString("unclear[0].message")
                .contains("You answered \"Service Pack 1\" before"));
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertEquals("sp1",
                step.getString("step.answers.find { it.factId == 'servicePack' }.value"), "nothing changed yet");
        JsonPath confirmed = say(step.getString("conversationId"), "SP2");
        org.junit.jupiter.api.Assertions.assertEquals("sp2",
                confirmed.getString("step.answers.find { it.factId == 'servicePack' }.value"));
    }

    @Test
    void shouldTreatIDontKnowAsUnknownForTheCurrentQuestion() {
        String id = startWith("x86 windows 2003").getString("conversationId");
        JsonPath step = say(id, "no idea, sorry");
        org.junit.jupiter.api.Assertions.assertEquals("unknown",
                step.getString("step.answers.find { it.factId == 'heartbeatVersion' }.value"));
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("step.question.factId"));
    }

    @Test
    void shouldReAskWithAHintWhenNothingIsUnderstood() {
        String id = startWith("x86 windows 2003").getString("conversationId");
        given().contentType(ContentType.JSON).body(Map.of("text", "purple elephants"))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body("understood", empty())
                .body("step.question.factId", equalTo("heartbeatVersion"))
                .body("step.question.hint", containsString("could not read an answer to this question from"
                        + " \"purple elephants\""))
                .body("step.answers.factId", contains("os", "architecture"));
    }

    @Test
    void shouldExplainWhyARegSzUseNewApiIsNotZero() {
        JsonPath step = startWith("x86, windows server 2003, sp2, heartbeat 5.0.1");
        JsonPath next = say(step.getString("conversationId"),
                "    UseNewApi    REG_SZ    0");
        org.junit.jupiter.api.Assertions.assertEquals("useNewApi", next.getString("unclear[0].factId"));
        org.junit.jupiter.api.Assertions.assertEquals("useNewApi", next.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertTrue(next.getString("step.question.hint").contains("REG_DWORD"),
                next.getString("step.question.hint"));
    }

    @Test
    void shouldRejectTextAndAnAnswerTogether() {
        String id = startWith("x86").getString("conversationId");
        given().contentType(ContentType.JSON).body(Map.of("text", "x64", "factId", "os", "value", "other"))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("value", "other"))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .body("errors.field", contains("factId"));
    }

    @Test
    void shouldSayWhatPartOfAMessageWasNotUsedInJsonAndMarkdown() {
        String id = startWith("x86").getString("conversationId");
        String text = "## Server details\nIt is Windows Server 2003.\nOn Mon, 4 May 2009, Ann wrote:\n> SP1 there";
        given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body("ignored.why", org.hamcrest.Matchers.contains("heading", "quoted-history"))
                .body("ignored[1].words", containsString("quoted older e-mail text"));
        given().contentType(ContentType.JSON).accept("text/markdown").body(Map.of("text", text))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body(containsString("**Not used from your message:** \"## Server details\" (a heading names a"
                        + " question, it does not answer it)"));
    }

    @Test
    void shouldRenderWhatWasReadInMarkdown() {
        String id = startWith("it's a w2k3 box, SP2, no /3GB, 32-bit").getString("conversationId");
        given().accept("text/markdown").when().get(BASE + "/" + id).then().statusCode(200)
                .body(containsString("**Your answers:** the Windows version: Windows Server 2003; the Windows architecture: 32-bit (x86)"));
    }

    @Test
    void shouldShowAnswersGivenBeforeTheirQuestionCame() {
        JsonPath step = startWith("it's a w2k3 box, SP2, no /3GB, 32-bit");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("os", "architecture"),
                step.getList("step.answers.factId"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("servicePack", "threeGb"),
                step.getList("step.earlyAnswers.factId").stream().sorted().toList());
        given().accept("text/markdown").when().get(BASE + "/" + step.getString("conversationId")).then()
                .statusCode(200).body(containsString("**Given early (used when asked):** "),
                        containsString("the service pack: Service Pack 2"));
    }

    @Test
    void shouldMarkAValueThatRestsOnOneBareWordAsWeakInTheReadBack() {
        String id = startWith("x86 w2k3, heartbeat 5.0.1, UseNewApi is 0").getString("conversationId");
        JsonPath step = given().contentType(ContentType.JSON).body(Map.of("text", "2")).when()
                .post(BASE + "/" + id + "/replies").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("readback", step.getString("step.type"), step.prettify());
        org.junit.jupiter.api.Assertions.assertTrue(step.getBoolean(
                "step.readBack.find { it.factId == 'servicePack' }.weak"), step.prettify());
        org.junit.jupiter.api.Assertions.assertFalse(step.getBoolean(
                "step.readBack.find { it.factId == 'useNewApi' }.weak"), step.prettify());
        given().accept("text/markdown").when().get(BASE + "/" + step.getString("conversationId")).then()
                .statusCode(200).body(containsString("Service Pack 2 (from one word only \"2\")"));
    }

    @Test
    void shouldShowAnswersTheDiagnosisDidNotNeed() {
        // /3GB does not matter on Windows Server 2003 SP1 or later: it is never asked
        JsonPath typed = startWith("x86 w2k3 SP2 with /3GB, UseNewApi 0, heartbeat 5.0.1");
        org.junit.jupiter.api.Assertions.assertEquals("readback", typed.getString("step.type"));
        JsonPath step = given().when().post(BASE + "/" + typed.getString("conversationId") + "/confirm").then()
                .statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("diagnosis", step.getString("step.type"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("threeGb"),
                step.getList("step.earlyAnswers.factId"));
        given().accept("text/plain").when().get(BASE + "/" + step.getString("conversationId")).then()
                .statusCode(200).body(containsString("Also given, not needed for this diagnosis: the /3GB switch: "));
    }

    @Test
    void shouldTreatAnExplicitFactThatContradictsTheTextAsUnknownOnTheStatelessDiagnosis() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", PASTE, "facts", Map.of("servicePack", "none")))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().log().ifValidationFails()
                .statusCode(200)
                .body("understood.find { it.factId == 'useNewApi' }.source", equalTo("pasted"))
                .body("understood.find { it.factId == 'heartbeatVersion' }.source", equalTo("pasted"))
                .body("unclear.factId", contains("servicePack"))
                .body("unclear[0].candidates", contains("none", "sp2"))
                .body("missingFacts", hasItem("servicePack"))
                .body("remediation.id", not(hasItem("remove-usenewapi")))
                .body("remediation.id", not(hasItem("set-usenewapi-zero")));
        // an explicit fact the text agrees with, or says nothing about, is used and listed as explicit
        given().contentType(ContentType.JSON)
                .body(Map.of("text", PASTE, "facts", Map.of("servicePack", "sp2", "threeGb", "no")))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body("unclear", nullValue())
                .body("understood.find { it.factId == 'threeGb' }.source", equalTo("explicit"))
                .body("findings.driverMethod", equalTo("hookers"))
                .body("remediation.id", contains("remove-usenewapi", "restart-server"))
                .body("dependsOnTypedText", nullValue());
    }

    @Test
    void shouldTakeAnExplicitVersionWrittenDifferentlyAsAgreeingWithTheText() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", PASTE, "facts", Map.of("heartbeatVersion", "V5.0.1 build 17")))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body("unclear", nullValue())
                .body("understood.find { it.factId == 'heartbeatVersion' }.source", equalTo("explicit"));
    }

    @Test
    void shouldRefuseAnInvalidExplicitFactEvenWhenTheTextGivesThatFact() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", PASTE, "facts", Map.of("servicePack", "sp3")))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(400)
                .body("errors[0].field", equalTo("facts.servicePack"));
    }

    @Test
    void shouldSayWhichTypedFactsTheStepsDependOnOnTheStatelessDiagnosis() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "x86 w2k3 SP2, UseNewApi is 0, heartbeat 5.0.1"))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body("understood.source", everyItem(equalTo("typed")))
                .body("understood.find { it.factId == 'useNewApi' }.evidence", equalTo("UseNewApi is 0"))
                .body("remediation.id", contains("remove-usenewapi", "restart-server"))
                .body("dependsOnTypedText", hasItems("useNewApi", "servicePack"));
        given().contentType(ContentType.JSON).accept("text/markdown")
                .body(Map.of("text", "x86 w2k3 SP2, UseNewApi is 0, heartbeat 5.0.1"))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body(containsString("**Check before acting: the steps depend on answers read from typed words ("), containsString("UseNewApi: Present, data 0 (typed: \"UseNewApi is 0\")"));
    }

    @Test
    void shouldReadBackTypedFactsBeforeAdviceThatChangesTheServer() {
        JsonPath step = startWith("x86 w2k3 SP2, UseNewApi is 0, heartbeat 5.0.1");
        org.junit.jupiter.api.Assertions.assertEquals("readback", step.getString("step.type"), step.prettify());
        org.junit.jupiter.api.Assertions.assertNull(step.get("step.diagnosis"), "no advice before the read-back");
        org.junit.jupiter.api.Assertions.assertTrue(step.getList("step.readBack.factId").containsAll(
                java.util.List.of("servicePack", "useNewApi")), step.prettify());
        org.junit.jupiter.api.Assertions.assertEquals("UseNewApi is 0",
                step.getString("step.readBack.find { it.factId == 'useNewApi' }.evidence"));
        String id = step.getString("conversationId");
        given().accept("text/markdown").when().get(BASE + "/" + id).then().statusCode(200)
                .body(containsString("Please check what I read"), containsString("UseNewApi is 0"));
        // changing one fact with a button keeps the read-back for the others
        JsonPath changed = given().contentType(ContentType.JSON).body(Map.of("factId", "useNewApi", "value", "absent"))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertNotEquals(java.util.List.of(),
                changed.getList("step.answers.factId"));
        // confirming gives the diagnosis; confirming again is harmless
        String after = given().when().post(BASE + "/" + id + "/confirm").then().statusCode(200)
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.remediation.id", contains("remove-usenewapi", "restart-server"))
                .extract().path("conversationId");
        given().when().post(BASE + "/" + after + "/confirm").then().statusCode(200)
                .body("step.type", equalTo("diagnosis"));
    }

    @Test
    void shouldNotApplyIDontKnowToTheCurrentQuestionWhenTheMessageIsAboutAnotherFact() {
        JsonPath step = startWith("x86 windows 2003 with no sp, heartbeat 5.0.3, UseNewApi is absent");
        String id = step.getString("conversationId");
        org.junit.jupiter.api.Assertions.assertEquals("threeGb", step.getString("step.question.factId"),
                step.prettify());
        JsonPath next = say(id, "no idea about the patch, the guy who installed it left");
        org.junit.jupiter.api.Assertions.assertEquals("threeGb", next.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertNull(next.get("step.answers.find { it.factId == 'threeGb' }"));
    }

    @Test
    void shouldNotTakeIDontKnowAboutTheVersionAsTheAnswerToTheServicePackQuestion() {
        JsonPath step = startWith("x86 windows 2003, Heartbeat 5.0.3");
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", step.getString("step.question.factId"));
        JsonPath next = say(step.getString("conversationId"), "no idea which build of heartbeat it is exactly");
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", next.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertNull(next.get("step.answers.find { it.factId == 'servicePack' }"));
    }

    @Test
    void shouldAskBackATypedAnswerThatContradictsTheOthersInsteadOfAdvising() {
        JsonPath step = startWith("x86 windows server 2003 r2, heartbeat 5.0.1, UseNewApi is 0");
        JsonPath next = say(step.getString("conversationId"), "it has no service pack");
        org.junit.jupiter.api.Assertions.assertEquals("question", next.getString("step.type"), next.prettify());
        org.junit.jupiter.api.Assertions.assertNull(next.get("step.diagnosis"));
        org.junit.jupiter.api.Assertions.assertEquals("servicePack", next.getString("step.question.factId"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("sp1", "sp2"),
                next.getList("step.question.choices.value"));
    }

    @Test
    void shouldReadTextOnTheStatelessDiagnosis() {
        given().contentType(ContentType.JSON).body(Map.of("text", "w2k3 with SP1 and also SP2, x86"))
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body("unclear[0].factId", equalTo("servicePack"))
                .body("missingFacts", hasItem("servicePack"))
                .body("remediation.id", not(hasItem("remove-usenewapi")));
    }
}
