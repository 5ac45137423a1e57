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

    /**
     * The service with the fixture articles only (a printer spooler, an IIS log volume), the Slack app on them: a
     * first message without an article is routed between the two.
     */
    public static class OtherArticle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kbguide.kb.dir", "src/test/resources/kb-fixtures/valid",
                    "kbguide.conversation.help-desk", "the service desk, ext. 4711");
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

    @Inject
    io.kbguide.slack.SlackChannel slack;

    @Test
    void shouldRouteAFirstMessageWithoutAnArticleToOneSeveralOrNone() {
        JsonPath one = given().contentType(ContentType.JSON).body(Map.of("text", "the print spooler keeps crashing"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
        assertEquals("driverVersion", one.getString("step.question.factId"), "the printer article started");
        JsonPath several = given().contentType(ContentType.JSON).body(Map.of("text",
                "the print spooler crashed and IIS stopped writing its logs")).when().post(BASE).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("choose-article", several.getString("step.type"));
        assertEquals(null, several.getString("conversationId"));
        assertEquals(List.of("log-volume-full", "printer-spooler"), several.getList("step.articles.id"));
        JsonPath chosen = given().contentType(ContentType.JSON).body(Map.of("articleId", "log-volume-full", "text",
                "the print spooler crashed and IIS stopped writing its logs")).when().post(BASE).then()
                .statusCode(201).extract().jsonPath();
        assertEquals("freeSpace", chosen.getString("step.question.factId"));
        JsonPath none = given().contentType(ContentType.JSON).body(Map.of("text", "my outlook password expired"))
                .when().post(BASE).then().statusCode(200).extract().jsonPath();
        assertEquals("no-article", none.getString("step.type"));
        assertTrue(none.getString("step.message").contains("the service desk, ext. 4711"), none.prettify());
        String markdown = given().contentType(ContentType.JSON).accept("text/markdown").body(Map.of("text",
                "the print spooler crashed and IIS stopped writing its logs")).when().post(BASE).then()
                .statusCode(200).extract().asString();
        assertTrue(markdown.contains("- `printer-spooler`: Print spooler crashes with old drivers"), markdown);
    }

    @Test
    void shouldRouteASlackCommandAndOfferTheArticlesAsButtons() {
        List<SlackMessages.Message> started = slack.command("the print spooler keeps crashing");
        assertTrue(started.get(started.size() - 1).text().contains("Which driver version is installed?"),
                started.toString());
        List<SlackMessages.Message> choose = slack.command("the print spooler crashed and IIS stopped writing logs");
        String blocks = GsonFactory.createSnakeCase().toJson(choose.get(choose.size() - 1).blocks());
        assertTrue(blocks.contains("\"action_id\":\"article|printer-spooler\""), blocks);
        assertTrue(blocks.contains("\"action_id\":\"article|log-volume-full\""), blocks);
        assertTrue(blocks.contains("the print spooler crashed and IIS stopped writing logs"), "the button carries"
                + " the message: " + blocks);
        List<SlackMessages.Message> none = slack.command("my outlook password expired");
        assertTrue(none.get(0).text().contains("No article"), none.toString());
    }

    @Test
    void shouldAnswerAQuestionFromTheArticleInEveryChannelAndKeepTheStep() throws Exception {
        JsonPath step = given().contentType(ContentType.JSON).body(Map.of("articleId", "printer-spooler"))
                .when().post(BASE).then().statusCode(201).extract().jsonPath();
        String id = step.getString("conversationId");
        // the fixture article has no language file: a question is still answered, from its sentences
        JsonPath asked = given().contentType(ContentType.JSON).body(Map.of("text",
                "which driver version fixed the crash?")).when().post(BASE + "/" + id + "/replies").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("quoted", asked.getString("articleSays[0].kind"), asked.prettify());
        assertEquals("cause", asked.getString("articleSays[0].section"));
        assertTrue(asked.getList("articleSays[0].quotes").contains("Version 2.0 fixed the crash."),
                asked.prettify());
        assertEquals("/articles/printer-spooler#cause", asked.getString("articleSays[0].link"));
        assertEquals("driverVersion", asked.getString("step.question.factId"), "the step stays where it was");
        assertEquals(id, asked.getString("conversationId"));
        String text = given().contentType(ContentType.JSON).accept("text/plain").body(Map.of("text",
                "how much does a new printer cost?")).when().post(BASE + "/" + id + "/replies").then()
                .statusCode(200).extract().asString();
        assertTrue(text.contains("The article does not say. Go on with the check below, or ask the help desk: the"
                + " service desk, ext. 4711"), text);
        ConversationView view = mapper.readValue(given().contentType(ContentType.JSON).body(Map.of("text",
                "which driver version fixed the crash?")).when().post(BASE + "/" + id + "/replies").then()
                .extract().asString(), ConversationView.class);
        String slackText = SlackMessages.render(view).stream().map(m -> GsonFactory.createSnakeCase()
                .toJson(m.blocks())).reduce("", String::concat);
        assertTrue(slackText.contains("Version 2.0 fixed the crash."), slackText);
    }
}
