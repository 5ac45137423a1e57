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
}
