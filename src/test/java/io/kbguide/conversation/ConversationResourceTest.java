package io.kbguide.conversation;

import io.kbguide.dialogue.ConversationCodec;
import io.kbguide.engine.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ConversationResourceTest {

    static final String BASE = "/api/v1/conversations";
    static final String TEST_KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTEyMzQ1Njc4OTA=";

    static JsonPath start() {
        return given().contentType(ContentType.JSON).body(Map.of("articleId", "heartbeat-registry-driver"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath reply(String id, String factId, String value) {
        return given().contentType(ContentType.JSON).body(Map.of("factId", factId, "value", value))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200).extract().jsonPath();
    }

    static String answer(String... pairs) {
        String id = start().getString("conversationId");
        for (String pair : pairs) {
            String[] kv = pair.split("=", 2);
            id = reply(id, kv[0], kv[1]).getString("conversationId");
        }
        return id;
    }

    @Test
    void shouldStartWithTheScopeQuestionsAndALocation() {
        given().contentType(ContentType.JSON).body("{\"articleId\": \"heartbeat-registry-driver\"}")
                .when().post(BASE).then().statusCode(201)
                .header("Location", containsString(BASE + "/"))
                .body("step.type", equalTo("question"))
                .body("step.question.factId", equalTo("os"))
                .body("step.question.choices.value", contains("windows-2000", "windows-2003", "windows-2003-r2",
                        "windows-2008-or-later", "other"))
                .body("step.question.allowUnknown", equalTo(true))
                .body("step.answers", empty())
                .body("step.progress.answered", equalTo(0))
                .body("step.progress.remainingAtMost", equalTo(8));
        String id = answer("os=windows-2003");
        given().when().get(BASE + "/" + id).then().statusCode(200)
                .body("step.question.factId", equalTo("architecture"));
    }

    @Test
    void shouldFinishAtOnceForX64() {
        String id = answer("os=windows-2003", "architecture=x64");
        given().when().get(BASE + "/" + id).then().statusCode(200)
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.findings.scope", equalTo("outside-article"))
                .body("step.diagnosis.remediation.id", contains("contact-support"));
    }

    @Test
    void shouldNotAskTheServicePackOnWindows2000NorThe3gbSwitchOn2003Sp1() {
        String w2k = answer("os=windows-2000", "architecture=x86", "heartbeatVersion=5.0.3");
        given().when().get(BASE + "/" + w2k).then().body("step.question.factId", equalTo("threeGb"));
        String sp1 = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=5.0.1", "servicePack=sp1",
                "useNewApi=zero");
        given().when().get(BASE + "/" + sp1).then().body("step.type", equalTo("diagnosis"))
                .body("step.answers.factId", not(hasItem("threeGb")));
    }

    @Test
    void shouldNotAskForThePatchWhereNoPatchExists() {
        String id = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=5.0.2", "servicePack=none",
                "useNewApi=zero", "threeGb=no");
        // no patch question; the article leaves two ways out, so the person picks one (never the service)
        given().when().get(BASE + "/" + id).then().body("step.type", equalTo("question"))
                .body("step.question.factId", equalTo("wayOut"))
                .body("step.question.choices.value", contains("keep-windows", "service-pack"));
        given().when().get(BASE + "/" + reply(id, "wayOut", "keep-windows").getString("conversationId")).then()
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.remediation.id", contains("contact-support"))
                .body("step.diagnosis.remediation.id", not(hasItem("apply-leak-patch")));
        given().when().get(BASE + "/" + reply(id, "wayOut", "service-pack").getString("conversationId")).then()
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.remediation.id", contains("install-service-pack"));
        // "I don't know": both ways, each a complete plan
        given().when().get(BASE + "/" + reply(id, "wayOut", "unknown").getString("conversationId")).then()
                .body("step.type", equalTo("diagnosis"))
                .body("step.diagnosis.remediation.id", empty())
                .body("step.diagnosis.plansByCase.when.wayOut", contains("keep-windows", "service-pack"));
    }

    @Test
    void shouldGoBackOneQuestionAndForgetItsAnswer() {
        String id = answer("os=windows-2003", "architecture=x86");
        given().when().post(BASE + "/" + id + "/back").then().statusCode(200)
                .body("step.question.factId", equalTo("architecture"))
                .body("step.answers.factId", contains("os"));
    }

    @Test
    void shouldRefuseToGoBackFromTheFirstQuestion() {
        String id = start().getString("conversationId");
        given().when().post(BASE + "/" + id + "/back").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRestartFromTheFirstQuestion() {
        String id = answer("os=windows-2003", "architecture=x86");
        given().when().post(BASE + "/" + id + "/restart").then().statusCode(200)
                .body("step.question.factId", equalTo("os"))
                .body("step.answers", empty());
    }

    @Test
    void shouldRecomputeThePathWhenAnEarlierAnswerIsCorrected() {
        String id = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=5.0.3", "servicePack=sp1",
                "useNewApi=zero");
        JsonPath corrected = reply(id, "os", "windows-2000");
        assertEqualsList(List.of("os", "heartbeatVersion"), corrected.getList("step.answers.factId"));
        org.junit.jupiter.api.Assertions.assertEquals("threeGb", corrected.getString("step.question.factId"));
        // the answers that still apply are kept: correct the version only
        JsonPath version = reply(corrected.getString("conversationId"), "heartbeatVersion", "4.0.0");
        assertEqualsList(List.of("os", "heartbeatVersion"), version.getList("step.answers.factId"));
    }

    @Test
    void shouldKeepCorrectedAnswersThatStillApply() {
        String id = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=5.0.3", "servicePack=none",
                "useNewApi=absent");
        JsonPath corrected = reply(id, "servicePack", "sp2");
        assertEqualsList(List.of("os", "architecture", "heartbeatVersion", "servicePack", "useNewApi"),
                corrected.getList("step.answers.factId"));
    }

    @Test
    void shouldMoveOnAfterIDontKnowAndSayHowToFindOut() {
        String id = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=unknown", "servicePack=unknown");
        JsonPath step = given().when().get(BASE + "/" + id).then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("useNewApi", step.getString("step.question.factId"));
        String done = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=unknown",
                "servicePack=unknown", "useNewApi=zero", "threeGb=unknown", "leakPatch=unknown",
                "wayOut=unknown");
        given().when().get(BASE + "/" + done).then().statusCode(200)
                .body("step.type", equalTo("diagnosis"))
                .body("step.answers.find { it.factId == 'servicePack' }.label", equalTo("I don't know"))
                .body("step.diagnosis.findings.driverMethod", equalTo("hookers"))
                .body("step.diagnosis.missingFacts", hasItem("servicePack"))
                .body("step.diagnosis.toFindOut.factId", hasItem("servicePack"))
                .body("step.diagnosis.remediation.id", not(hasItem("remove-usenewapi")));
    }

    @Test
    void shouldUseAnAnswerGivenEarlyWhenItsQuestionComes() {
        String id = start().getString("conversationId");
        id = reply(id, "servicePack", "sp2").getString("conversationId");
        JsonPath step = reply(reply(id, "architecture", "x86").getString("conversationId"), "os", "windows-2003");
        org.junit.jupiter.api.Assertions.assertEquals("heartbeatVersion", step.getString("step.question.factId"));
        step = reply(step.getString("conversationId"), "heartbeatVersion", "5.0.3");
        org.junit.jupiter.api.Assertions.assertEquals("useNewApi", step.getString("step.question.factId"));
        assertEqualsList(List.of("os", "architecture", "heartbeatVersion", "servicePack"),
                step.getList("step.answers.factId"));
    }

    @Test
    void shouldRejectBadRepliesAndLeaveTheConversationUnchanged() {
        String id = answer("servicePack=sp1");
        given().contentType(ContentType.JSON).body("{\"factId\": \"os\", \"value\": \"windows-xp\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].allowed", containsString("windows-2003-r2"));
        given().contentType(ContentType.JSON).body("{\"factId\": \"colour\", \"value\": \"blue\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .body("errors[0].field", equalTo("factId"))
                .body("errors[0].allowed", containsString("os, architecture"));
        given().contentType(ContentType.JSON).body("{\"factId\": \"os\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("value"));
        given().contentType(ContentType.JSON).body("{\"factId\": \"heartbeatVersion\", \"value\": \"5.0.3.1.2\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .body("errors[0].allowed", containsString("a version such as 1.2.3"));
        // "5.0" is a version, but it may or may not be 5.0.3: asked again, not guessed
        given().contentType(ContentType.JSON).body("{\"factId\": \"heartbeatVersion\", \"value\": \"5.0\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body("step.question.hint", containsString("Please give the exact version"))
                .body("step.answers.factId", not(hasItem("heartbeatVersion")));
        given().when().get(BASE + "/" + id).then().statusCode(200).body("step.question.factId", equalTo("os"));
    }

    @Test
    void shouldOfferTheVersionRangesAsButtonsAndTakeAVersionAsPeopleWriteIt() {
        String id = answer("os=windows-2003", "architecture=x86");
        given().when().get(BASE + "/" + id).then().statusCode(200)
                .body("step.question.factId", equalTo("heartbeatVersion"))
                .body("step.question.choices.value", hasItem("5.0.3"))
                .body("step.question.choices.value", hasItem("5.1.1-6.2.x"))
                .body("step.question.choices.label", hasItem("5.1.1 to 6.2.x"));
        given().contentType(ContentType.JSON).body("{\"factId\": \"heartbeatVersion\", \"value\": \"5.1.1-6.2.x\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body("step.answers.find { it.factId == 'heartbeatVersion' }.label", equalTo("5.1.1 to 6.2.x"));
        given().contentType(ContentType.JSON).body("{\"factId\": \"heartbeatVersion\", \"value\": \"V5.0.3 build 221\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200)
                .body("step.answers.find { it.factId == 'heartbeatVersion' }.value", equalTo("5.0.3"));
    }

    @Test
    void shouldRejectAContradictionAndKeepTheConversation() {
        String id = answer("os=windows-2003-r2", "architecture=x86");
        given().contentType(ContentType.JSON).body("{\"factId\": \"servicePack\", \"value\": \"none\"}")
                .when().post(BASE + "/" + id + "/replies").then().statusCode(400)
                .body("type", equalTo("urn:kb-guide:problem:contradictory-answer"))
                .body("detail", containsString("conversation is unchanged"));
    }

    @Test
    void shouldRejectForgedTruncatedAndCorruptedIds() {
        String id = answer("os=windows-2003", "architecture=x86");
        byte[] raw = Base64.getUrlDecoder().decode(id);
        raw[5] ^= 1; // change one bit of the answers
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "c1|heartbeat-registry-driver|1|architecture=x86AAAAAAAAAAAAAAAA".getBytes());
        for (String bad : List.of(id.substring(0, id.length() - 4), tampered, forged, "not-an-id", "x".repeat(2001),
                "%20%20")) {
            given().when().get(BASE + "/" + bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:kb-guide:problem:invalid-conversation-id"))
                    .body("detail", startsWith("The conversation id is not valid"));
            given().contentType(ContentType.JSON).body("{\"factId\": \"os\", \"value\": \"other\"}")
                    .when().post(BASE + "/" + bad + "/replies").then().statusCode(400);
        }
    }

    @Test
    void shouldCarryAnswersOverToANewerArticleVersion() {
        ConversationCodec codec = new ConversationCodec(Base64.getDecoder().decode(TEST_KEY));
        String old = codec.encode(new ConversationCodec.State("heartbeat-registry-driver", "0",
                List.of(new Answer("architecture", "x86"), new Answer("os", "windows-2003"))));
        given().when().get(BASE + "/" + old).then().statusCode(200)
                .body("notice", containsString("started on version 0"))
                .body("notice", endsWith("Your answers were carried over."))
                .body("step.answers.factId", contains("os", "architecture"))
                .body("step.question.factId", equalTo("heartbeatVersion"));
        String dropped = codec.encode(new ConversationCodec.State("heartbeat-registry-driver", "0",
                List.of(new Answer("architecture", "x86"), new Answer("os", "windows-95"),
                        new Answer("colour", "blue"))));
        given().when().get(BASE + "/" + dropped).then().statusCode(200)
                .body("notice", containsString("no longer apply were dropped: os, colour"))
                .body("step.answers.factId", empty());
        String gone = codec.encode(new ConversationCodec.State("retired-article", "1", List.of()));
        given().when().get(BASE + "/" + gone).then().statusCode(410).contentType("application/problem+json");
        given().when().get(BASE + "/" + codec.encode(new ConversationCodec.State("heartbeat-registry-driver", "2",
                List.of()))).then().statusCode(200).body("notice", nullValue());
    }

    @Test
    void shouldRenderQuestionsAndDiagnosesAsMarkdownAndText() {
        String question = answer("architecture=x86");
        given().accept("text/markdown").when().get(BASE + "/" + question).then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("### Which Windows version runs on the server?"))
                .body(containsString("- `windows-2003-r2`: Windows Server 2003 R2"))
                .body(containsString("- `unknown`: I don't know"));
        given().accept("text/plain").when().get(BASE + "/" + question).then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("QUESTION: Which Windows version runs on the server?"))
                .body(not(containsString("###")));
        String done = answer("os=windows-2003", "architecture=x86", "heartbeatVersion=5.0.3", "servicePack=sp1",
                "useNewApi=zero", "leakPatch=not-installed");
        given().accept("text/markdown").when().get(BASE + "/" + done).then().statusCode(200)
                .body(containsString("1. **Delete the UseNewApi registry value**"))
                .body(containsString("(expect: ERROR: The system was unable to find the specified registry key or value.)"))
                .body(containsString("reg delete \"HKLM\\Software\\Neverfail\\R2\\HookRegistryDriver\" /v UseNewApi /f"))
                .body(containsString("2. **Restart the server**"))
                .body(startsWith("## Exposed to the kernel memory leak: 2 steps\n"))
                .body(containsString("1. [The Patch](/articles/heartbeat-registry-driver#patch): \"it is preferable"
                        + " to remove the UseNewApi value"))
                // each quote once, under Sources; no anchors or editorial markers as tokens
                .body(not(containsString("`#")), not(containsString("(editorial)")));
        given().accept("text/plain").when().get(BASE + "/" + done).then().statusCode(200)
                .body(containsString("1. Delete the UseNewApi registry value [1][2]\n"))
                .body(not(containsString("remove-usenewapi")));
    }

    @Test
    void shouldRenderTheStatelessDiagnosisAsMarkdownAndText() {
        String body = "{\"facts\": {\"architecture\": \"x64\"}}";
        given().contentType(ContentType.JSON).accept("text/markdown").body(body)
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body(containsString("- **The scope**: The article does not cover this server (the article describes"
                        + " the driver and its patch on x86 Windows only), so it gives no advice for it."))
                .body(not(containsString("outside-article")), not(containsString("undetermined")),
                        not(containsString("not-stated")));
        given().contentType(ContentType.JSON).accept("text/plain").body(body)
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body(containsString("1. Contact Neverfail support (inference beyond the article)"));
        // a finding that depends on a missing answer is said in words, not as tokens
        given().contentType(ContentType.JSON).accept("text/markdown")
                .body("{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2003\"}}")
                .when().post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200)
                .body(startsWith("## 6 answers still needed: the Heartbeat version, the service pack, UseNewApi,"))
                .body(containsString("- Still needed to tell the driver's method, the recommended method, the"
                        + " bluescreen risk, installer support and the leak exposure: the Heartbeat version, "))
                .body(not(containsString("The driver's method depends on answers not given yet")))
                .body(not(containsString("undetermined")), not(containsString("none-known")),
                        not(containsString("in-article")));
    }

    @Test
    void shouldRejectAStartWithoutAnArticle() {
        given().contentType(ContentType.JSON).body("{}").when().post(BASE).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("articleId"));
        given().contentType(ContentType.JSON).body("{\"articleId\": \"nope\"}").when().post(BASE).then()
                .statusCode(404);
    }

    private static void assertEqualsList(List<String> expected, List<Object> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
