package io.kbguide.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.kbguide.conversation.ConversationView;
import io.kbguide.slack.SlackMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another article walked through every channel: the JSON API, Markdown and plain text, Slack's messages, the
 * widget and the service's pages. Every word about an article and its answer comes from the kb, so nothing of the
 * seed article may show: no "Heartbeat", no hookers, no UseNewApi, no /3GB.
 */
@QuarkusTest
@TestProfile(FixtureArticleEveryChannelTest.OtherArticle.class)
class FixtureArticleEveryChannelTest {

    /** The service with only the fixture article (a printer spooler), the Slack app on it. */
    public static class OtherArticle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kbguide.kb.dir", "src/test/resources/kb-fixtures/valid",
                    "kbguide.slack.default-article", "printer-spooler");
        }
    }

    static final Pattern SEED_WORDS = Pattern.compile("(?i)heartbeat|hookers|callbacks|usenewapi|/3gb|neverfail"
            + "|windows server 2003|5\\.0\\.3");
    static final String BASE = "/api/v1/conversations";

    @Inject
    ObjectMapper mapper;

    private final List<String> seen = new ArrayList<>();

    private void check(String channel, String text) {
        seen.add(channel);
        var m = SEED_WORDS.matcher(text);
        assertFalse(m.find(), channel + " shows \"" + (m.find(0) ? m.group() : "") + "\": " + text);
    }

    private void everyChannel(String name, String conversationId) throws Exception {
        String json = given().when().get(BASE + "/" + conversationId).then().statusCode(200).extract().asString();
        check(name + " JSON", json);
        check(name + " Markdown", given().accept("text/markdown").when().get(BASE + "/" + conversationId).then()
                .statusCode(200).extract().asString());
        check(name + " text", given().accept("text/plain").when().get(BASE + "/" + conversationId).then()
                .statusCode(200).extract().asString());
        ConversationView view = mapper.readValue(json, ConversationView.class);
        for (SlackMessages.Message m : SlackMessages.render(view)) {
            check(name + " Slack", m.text() + GsonFactory.createSnakeCase().toJson(m.blocks()));
        }
    }

    private JsonPath reply(String id, String factId, String value) {
        return given().contentType(ContentType.JSON).body(Map.of("factId", factId, "value", value))
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldShowNothingOfTheSeedArticleInAnyChannel() throws Exception {
        JsonPath step = given().contentType(ContentType.JSON).body(Map.of("articleId", "printer-spooler"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
        everyChannel("question", step.getString("conversationId"));
        assertEquals("driverVersion", step.getString("step.question.factId"));
        assertFalse(step.getString("step.question.format").contains("5.0"), step.getString("step.question.format"));

        // "I don't know" to the version: the answer per case
        JsonPath unknown = reply(reply(step.getString("conversationId"), "driverVersion", "unknown")
                .getString("conversationId"), "isolation", "off");
        assertEquals("diagnosis", unknown.getString("step.type"), unknown.prettify());
        assertEquals("answers-needed", unknown.getString("step.diagnosis.verdict.kind"));
        everyChannel("cases", unknown.getString("conversationId"));

        JsonPath done = reply(reply(step.getString("conversationId"), "driverVersion", "1.4.2")
                .getString("conversationId"), "isolation", "off");
        assertEquals("diagnosis", done.getString("step.type"));
        assertEquals("The spooler will crash" + "", done.getString("step.diagnosis.findingDetails.crashRisk"
                + ".statement").replaceAll("\\.$", ""));
        assertTrue(done.getString("step.diagnosis.verdict.text").endsWith("2 steps"),
                done.getString("step.diagnosis.verdict.text"));
        everyChannel("diagnosis", done.getString("conversationId"));

        String diagnosis = "/api/v1/articles/printer-spooler/diagnosis";
        String body = "{\"facts\": {\"driverVersion\": \"1.4.2\"}}";
        check("stateless JSON", given().contentType(ContentType.JSON).body(body).when().post(diagnosis).then()
                .statusCode(200).extract().asString());
        check("stateless Markdown", given().contentType(ContentType.JSON).accept("text/markdown").body(body)
                .when().post(diagnosis).then().statusCode(200).extract().asString());
        check("widget script", given().when().get("/widget/kb-guide.js").then().statusCode(200).extract()
                .asString());
        check("widget style", given().when().get("/widget/kb-guide.css").then().statusCode(200).extract()
                .asString());
        check("home page", given().when().get("/").then().statusCode(200).extract().asString());
        check("article page", given().when().get("/articles/printer-spooler").then().statusCode(200).extract()
                .asString());
        // the API's description of findings follows the kb too
        JsonPath openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("high", "none-known", "undetermined"),
                openapi.getList("components.schemas.Diagnosis.properties.findings.properties.crashRisk.enum"));
        check("OpenAPI findings", openapi.getString("components.schemas.Diagnosis.properties.findings").toString());
        assertTrue(seen.size() > 15, seen.toString());
    }

    @Test
    void shouldAskANumberFactWithItsRangesAndTakeATypedNumberInEveryChannel() throws Exception {
        JsonPath step = given().contentType(ContentType.JSON).body(Map.of("articleId", "log-volume-full"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
        assertEquals("freeSpace", step.getString("step.question.factId"));
        assertEquals(List.of("under-1", "1-to-10", "10-or-more"), step.getList("step.question.choices.value"));
        assertEquals("the number", step.getString("step.question.typeIn"));
        assertTrue(step.getString("step.question.format").contains("GB"), step.getString("step.question.format"));
        String slack = SlackMessages.render(mapper.readValue(given().when().get(BASE + "/"
                + step.getString("conversationId")).then().statusCode(200).extract().asString(),
                ConversationView.class)).stream().map(m -> GsonFactory.createSnakeCase().toJson(m.blocks()))
                .reduce("", String::concat);
        assertTrue(slack.contains("Or type the number"), slack);

        JsonPath typed = reply(step.getString("conversationId"), "freeSpace", "0.5 GB");
        assertEquals("rotation", typed.getString("step.question.factId"), typed.prettify());
        given().contentType(ContentType.JSON).body(Map.of("factId", "freeSpace", "value", "half a GB"))
                .when().post(BASE + "/" + step.getString("conversationId") + "/replies").then().statusCode(400)
                .body("errors[0].allowed", org.hamcrest.Matchers.containsString("a number such as 12"));
        JsonPath done = reply(typed.getString("conversationId"), "rotation", "off");
        assertEquals("IIS has stopped writing logs.", done.getString("step.diagnosis.findingDetails.logging"
                + ".statement"));
        assertEquals(List.of("free-space", "turn-on-rotation", "restart-iis"),
                done.getList("step.diagnosis.remediation.id"));
        String markdown = given().accept("text/markdown").when().get(BASE + "/" + done.getString("conversationId"))
                .then().statusCode(200).extract().asString();
        assertTrue(markdown.contains("Free space on the log volume"), markdown);
        given().contentType(ContentType.JSON).body("{\"facts\": {\"freeSpace\": \"4\", \"rotation\": \"on\"}}")
                .when().post("/api/v1/articles/log-volume-full/diagnosis").then().statusCode(200)
                .body("findings.logging", org.hamcrest.Matchers.equalTo("safe"));
    }
}
