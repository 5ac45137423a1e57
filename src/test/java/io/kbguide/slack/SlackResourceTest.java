package io.kbguide.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kbguide.edge.RequestSignature;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Slack app over HTTP, against a local stub of Slack: every request signed here as Slack signs it (or not),
 * a whole conversation by buttons through {@code response_url}, mentions answered in their thread once, with the
 * conversation's state in the reply's metadata.
 */
@QuarkusTest
@TestProfile(SlackStub.Profile.class)
class SlackResourceTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final ObjectMapper JSON = new ObjectMapper();
    static final RequestSignature SIGNER = new RequestSignature(SlackStub.SECRET, Duration.ofMinutes(5));

    @jakarta.inject.Inject
    MeterRegistry registry;

    @BeforeEach
    void resetStub() {
        SlackStub.reset();
    }

    // ------------------------------------------------------------------------------------------------ security

    @Test
    void shouldRefuseRequestsSlackDidNotSign() {
        String body = command("x86");
        String now = String.valueOf(Instant.now().getEpochSecond());
        String valid = SIGNER.sign(now, bytes(body));
        given().contentType(FORM).header(SlackResource.TIMESTAMP, now).header(SlackResource.SIGNATURE, valid)
                .body(body).when().post("/slack/commands").then().statusCode(200);

        String wrongSecret = new RequestSignature("another-secret", Duration.ofMinutes(5)).sign(now, bytes(body));
        refused(body, now, wrongSecret, "/slack/commands");
        refused(body + "&text=changed", now, valid, "/slack/commands");
        // 5 s past the 5-minute skew: whole seconds on both sides must not bring it back within
        String stale = String.valueOf(Instant.now().minusSeconds(305).getEpochSecond());
        refused(body, stale, SIGNER.sign(stale, bytes(body)), "/slack/commands");
        String future = String.valueOf(Instant.now().plusSeconds(305).getEpochSecond());
        refused(body, future, SIGNER.sign(future, bytes(body)), "/slack/commands");
        refused(body, "not-a-number", valid, "/slack/commands");
        refused(body, now, valid.toUpperCase(), "/slack/commands");
        given().contentType(FORM).body(body).when().post("/slack/commands").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(FORM).header(SlackResource.TIMESTAMP, now).body(body).when().post("/slack/commands")
                .then().statusCode(401);

        String event = mention("1700000500.000100", null, "hello");
        String eventSig = SIGNER.sign(now, bytes(event));
        given().contentType("application/json").header(SlackResource.TIMESTAMP, now)
                .header(SlackResource.SIGNATURE, eventSig.replace('a', 'b').replace('1', '2')).body(event)
                .when().post("/slack/events").then().statusCode(401);
        awaitIdle();
        assertEquals(0, SlackStub.server.findAll(postRequestedFor(urlPathMatching("/.*"))).size(),
                "nothing was acted on");
    }

    private void refused(String body, String timestamp, String signature, String path) {
        given().contentType(FORM).header(SlackResource.TIMESTAMP, timestamp)
                .header(SlackResource.SIGNATURE, signature).body(body).when().post(path).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kb-guide:problem:invalid-slack-signature"));
    }

    @Test
    void shouldAnswerSlacksUrlVerification() {
        signed("/slack/events", "application/json",
                "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}")
                .then().statusCode(200)
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void shouldRefuseMalformedPayloadsWithAProblem() {
        signed("/slack/interactions", FORM, "nothing=here").then().statusCode(400)
                .contentType("application/problem+json");
        signed("/slack/interactions", FORM, "payload=" + enc("{not json")).then().statusCode(400)
                .contentType("application/problem+json");
        signed("/slack/events", "application/json", "[1,2]").then().statusCode(400)
                .contentType("application/problem+json");
    }

    // ---------------------------------------------------------------------------------------- slash command

    @Test
    void shouldWalkFromTheSlashCommandToADiagnosisByButtons() throws Exception {
        JsonNode reply = read(signed("/slack/commands", FORM, command("")).then().statusCode(200)
                .contentType("application/json").extract().asString());
        assertEquals("ephemeral", reply.path("response_type").asText());
        assertEquals("Which Windows version runs on the server?", header(reply));
        assertTrue(reply.toString().contains("<https://kb.example.com/api/v1/articles/heartbeat-registry-driver"
                + "/collector|command prompt (.cmd)>"), "the checker is offered first: " + reply);

        Map<String, String> want = Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "sp1",
                "useNewApi", "zero", "leakPatch", "not-installed");
        JsonNode message = reply;
        List<String> asked = new ArrayList<>();
        JsonNode firstAnswer = null;
        for (int clicks = 0; clicks < 12; clicks++) {
            String title = header(message);
            if (title != null && title.startsWith("Not on the method the article recommends: 2 steps")) {
                break;
            }
            JsonNode button = chooseButton(message, want);
            asked.add(button.path("action_id").asText());
            JsonNode next = click(button, "http://localhost:" + SlackStub.server.port() + "/hooks/T1/B1");
            assertTrue(next.path("replace_original").asBoolean(), "the message clicked on is replaced");
            if (firstAnswer == null) {
                firstAnswer = next;
            }
            message = next;
        }
        // the answer first: the verdict as the header, the steps right under it
        assertEquals("Not on the method the article recommends: 2 steps", header(message),
                "reached the diagnosis after " + asked);
        String all = message.toString();
        assertTrue(message.path("blocks").get(1).toString().contains("1. Delete the UseNewApi registry value"), all);
        assertTrue(all.indexOf("2. Restart the server") < all.indexOf("The driver uses the hookers"),
                "steps before findings: " + all);
        assertTrue(all.contains("```"), "commands in code blocks");
        assertTrue(all.contains("\u00a7 *"), "citations with the section name");
        assertTrue(message.path("blocks").size() <= SlackMessages.MAX_BLOCKS);

        // an old button clicked again: the same input at the same step, so the same next step
        JsonNode first = chooseButton(reply, want);
        JsonNode again = click(first, "http://localhost:" + SlackStub.server.port() + "/hooks/T1/B2");
        assertEquals(blocksWithoutIds(firstAnswer), blocksWithoutIds(again));
    }

    @Test
    void shouldShowTheSameStepAgainWithWhyWhenAClickIsRefused() throws Exception {
        JsonNode first = read(signed("/slack/commands", FORM, command("")).then().statusCode(200).extract()
                .asString());
        ObjectNode back = (ObjectNode) chooseButton(first, Map.of()).deepCopy();
        back.put("action_id", "back"); // no Back button on the first question; a crafted click gets a refusal
        JsonNode refused = click(back, "http://localhost:" + SlackStub.server.port() + "/hooks/R/back");
        assertEquals(header(first), header(refused), "the same question again");
        assertTrue(refused.toString().contains(":warning: This is the first question"), refused.toString());

        ObjectNode forged = (ObjectNode) chooseButton(first, Map.of()).deepCopy();
        forged.put("value", forged.path("value").asText() + "AAAA");
        JsonNode invalid = click(forged, "http://localhost:" + SlackStub.server.port() + "/hooks/R/forged");
        assertTrue(invalid.toString().contains("This conversation cannot be continued"), invalid.toString());
        assertTrue(buttons(invalid).isEmpty(), "nothing to click on a conversation that cannot go on");
    }

    @Test
    void shouldNeverCallAResponseUrlOnAnotherHost() throws Exception {
        JsonNode reply = read(signed("/slack/commands", FORM, command("")).then().statusCode(200).extract()
                .asString());
        JsonNode button = chooseButton(reply, Map.of("os", "windows-2003"));
        String payload = interaction(button, "http://127.0.0.1:" + SlackStub.server.port() + "/hooks/evil");
        signed("/slack/interactions", FORM, "payload=" + enc(payload)).then().statusCode(200);
        String https = interaction(button, "https://attacker.example/hooks/x");
        signed("/slack/interactions", FORM, "payload=" + enc(https)).then().statusCode(200);
        // a good click after them is answered; the refused ones never were
        click(button, "http://localhost:" + SlackStub.server.port() + "/hooks/good");
        assertEquals(0, SlackStub.server.findAll(postRequestedFor(urlPathEqualTo("/hooks/evil"))).size());
        assertEquals(1, SlackStub.server.findAll(postRequestedFor(urlPathMatching("/hooks/.*"))).size());
    }

    @Test
    void shouldAnswerTypedTextFromTheMessagesInputBox() throws Exception {
        JsonNode reply = read(signed("/slack/commands", FORM, command("")).then().statusCode(200).extract()
                .asString());
        JsonNode send = buttons(reply).stream().filter(b -> b.path("action_id").asText().equals("text"))
                .findFirst().orElseThrow();
        ObjectNode payload = (ObjectNode) read(interaction(send, "http://localhost:" + SlackStub.server.port()
                + "/hooks/T/typed", "it's a 32-bit Windows Server 2003 box"));
        // a click carries the message it was on: far more than the API's 16 KiB body limit
        payload.putObject("message").put("type", "message").put("text", "x".repeat(40_000));
        String body = "payload=" + enc(payload.toString());
        assertTrue(body.length() > 40_000);
        signed("/slack/interactions", FORM, body).then().statusCode(200);
        JsonNode next = awaitHook(1);
        String all = next.toString();
        assertTrue(all.contains("Read from your message"), all);
        assertNotEquals("Which Windows version runs on the server?", header(next));
    }

    @Test
    void shouldStartOnTheArticleTheCommandNamesOrSayWhichThereAre() throws Exception {
        JsonNode named = read(signed("/slack/commands", FORM, command("heartbeat-registry-driver x64"))
                .then().statusCode(200).extract().asString());
        assertTrue(named.toString().contains("Read from your message"), named.toString());
        JsonNode help = read(signed("/slack/commands", FORM, command("help")).then().statusCode(200).extract()
                .asString());
        assertTrue(help.toString().contains("heartbeat-registry-driver"), help.toString());
    }

    // ------------------------------------------------------------------------------------------------- events

    @Test
    void shouldAnswerAMentionOnceInItsThreadAndContinueFromTheMetadata() throws Exception {
        String ts = "1700000001.000100";
        signed("/slack/events", "application/json", mention(ts, null, "<@UBOT> x86 Windows Server 2003"))
                .then().statusCode(200);
        Map<String, String> posted = awaitPost(1);
        assertEquals("C1", posted.get("channel"));
        assertEquals(ts, posted.get("thread_ts"), "the reply goes in the thread under the mention");
        JsonNode metadata = read(posted.get("metadata"));
        assertEquals(SlackClient.METADATA_TYPE, metadata.path("event_type").asText());
        assertEquals(ts, metadata.path("event_payload").path("reply_to").asText());
        String conversationId = metadata.path("event_payload").path("conversation_id").asText();
        assertFalse(conversationId.isEmpty());
        assertTrue(posted.get("blocks").contains("Read from your message"), posted.get("blocks"));

        // Slack retries the same event: answered once
        given().contentType("application/json").header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason",
                "http_timeout").header(SlackResource.TIMESTAMP, now())
                .header(SlackResource.SIGNATURE, SIGNER.sign(now(), bytes(mention(ts, null,
                        "<@UBOT> x86 Windows Server 2003")))).body(mention(ts, null, "<@UBOT> x86 Windows Server 2003"))
                .when().post("/slack/events").then().statusCode(200);

        // a reply in the thread continues the conversation whose id the bot's last message carries
        String thread = "{\"ok\":true,\"messages\":[{\"type\":\"message\",\"user\":\"U1\",\"text\":\"hi\",\"ts\":\""
                + ts + "\"},{\"type\":\"message\",\"bot_id\":\"B1\",\"text\":\"q\",\"ts\":\"1700000001.000200\","
                + "\"metadata\":{\"event_type\":\"kb_guide_step\",\"event_payload\":{\"conversation_id\":\""
                + conversationId + "\",\"reply_to\":\"" + ts + "\"}}}]}";
        SlackStub.server.stubFor(post(urlPathEqualTo("/api/conversations.replies")).atPriority(1)
                .withRequestBody(containing("ts=" + ts)).willReturn(okJson(thread)));
        String replyTs = "1700000002.000100";
        signed("/slack/events", "application/json", mention(replyTs, ts, "<@UBOT> I don't know"))
                .then().statusCode(200);
        Map<String, String> second = awaitPost(2);
        assertEquals(ts, second.get("thread_ts"));
        JsonNode secondMeta = read(second.get("metadata")).path("event_payload");
        assertEquals(replyTs, secondMeta.path("reply_to").asText());
        assertNotEquals(conversationId, secondMeta.path("conversation_id").asText(), "the state moved on");
        awaitIdle();
        assertEquals(2, SlackStub.server.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size(),
                "one reply per user message");
    }

    @Test
    void shouldSaySoWhenSendTextIsPressedWithAnEmptyBox() throws Exception {
        JsonNode reply = read(signed("/slack/commands", FORM, command("")).then().statusCode(200).extract()
                .asString());
        JsonNode send = buttons(reply).stream().filter(b -> b.path("action_id").asText().equals("text"))
                .findFirst().orElseThrow();
        int before = SlackStub.server.findAll(postRequestedFor(urlPathMatching("/hooks/.*"))).size();
        signed("/slack/interactions", FORM, "payload=" + enc(interaction(send, "http://localhost:"
                + SlackStub.server.port() + "/hooks/T/empty", "   "))).then().statusCode(200);
        JsonNode again = awaitHook(before + 1);
        assertTrue(again.toString().contains(":warning: The text box was empty"), again.toString());
        assertEquals(header(reply), header(again), "the same question, to answer");
    }

    @Test
    void shouldReadAPasteLongerThanTheInputBoxSharedAsASnippet() throws Exception {
        StringBuilder systeminfo = new StringBuilder("Host Name:                 NODE1\n"
                + "OS Name:                   Microsoft(R) Windows(R) Server 2003, Enterprise Edition\n"
                + "OS Version:                5.2.3790 Service Pack 2 Build 3790\n"
                + "System Type:               X86-based PC\n");
        for (int i = 1; systeminfo.length() < 5000; i++) {
            systeminfo.append("                           [").append(String.format("%02d", i))
                    .append("]: KB").append(900000 + i).append("\n");
        }
        SlackStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/files-pri/T1-F1/download/systeminfo.txt"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer xoxb-test-token"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withBody(systeminfo.toString())));
        ObjectNode root = (ObjectNode) read(mention("1700000500.000100", null, "<@UBOT> here is systeminfo"));
        ObjectNode event = (ObjectNode) root.path("event");
        event.put("subtype", "file_share");
        event.putArray("files").addObject().put("id", "F1").put("name", "systeminfo.txt")
                .put("mimetype", "text/plain").put("filetype", "text").put("url_private_download",
                        "http://localhost:" + SlackStub.server.port() + "/files-pri/T1-F1/download/systeminfo.txt");
        signed("/slack/events", "application/json", root.toString()).then().statusCode(200);
        Map<String, String> posted = awaitPost(1);
        assertTrue(posted.get("blocks").contains("Read from your message"), posted.get("blocks"));
        assertTrue(posted.get("blocks").contains("Service Pack 2"), posted.get("blocks"));
        assertTrue(systeminfo.length() > 3000, "longer than the message box takes");

        // a file on another host is never fetched; a file too long is said to be, not cut
        ObjectNode elsewhere = (ObjectNode) read(mention("1700000501.000100", null, "<@UBOT> file"));
        ((ObjectNode) elsewhere.path("event")).put("subtype", "file_share").putArray("files").addObject()
                .put("name", "x.txt").put("mimetype", "text/plain")
                .put("url_private_download", "http://127.0.0.1:" + SlackStub.server.port() + "/files-pri/x.txt");
        signed("/slack/events", "application/json", elsewhere.toString()).then().statusCode(200);
        Map<String, String> refused = awaitPost(2);
        assertTrue(refused.get("blocks").contains("could not be read"), refused.get("blocks"));
        assertEquals(0, SlackStub.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/files-pri/x.txt"))).size());
        awaitPost(3); // and the words of the message are answered
        awaitIdle();
    }

    @Test
    void shouldNotAnswerAMessageAnotherInstanceAlreadyAnswered() {
        String root = "1700000300.000100";
        String ts = "1700000301.000100";
        String thread = "{\"ok\":true,\"messages\":[{\"type\":\"message\",\"bot_id\":\"B1\",\"text\":\"done\","
                + "\"ts\":\"1700000301.000200\",\"metadata\":{\"event_type\":\"kb_guide_step\",\"event_payload\":"
                + "{\"conversation_id\":\"x\",\"reply_to\":\"" + ts + "\"}}}]}";
        SlackStub.server.stubFor(post(urlPathEqualTo("/api/conversations.replies")).atPriority(1)
                .withRequestBody(containing("ts=" + root)).willReturn(okJson(thread)));
        signed("/slack/events", "application/json", mention(ts, root, "<@UBOT> SP2")).then().statusCode(200);
        awaitCalls("/api/conversations.replies", 1);
        awaitIdle();
        assertEquals(0, SlackStub.server.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size());
    }

    @Test
    void shouldIgnoreTheBotsOwnMessages() {
        String event = "{\"type\":\"event_callback\",\"event_id\":\"Ev9\",\"event\":{\"type\":\"message\","
                + "\"channel_type\":\"im\",\"bot_id\":\"B1\",\"text\":\"question\",\"ts\":\"1700000400.000100\","
                + "\"channel\":\"D1\"}}";
        signed("/slack/events", "application/json", event).then().statusCode(200);
        awaitIdle();
        assertEquals(0, SlackStub.server.findAll(postRequestedFor(urlPathMatching("/api/.*"))).size());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String command(String text) {
        return "token=t&team_id=T1&team_domain=example&channel_id=C1&channel_name=support&user_id=U1&user_name=ann"
                + "&command=" + enc("/heartbeat-check") + "&text=" + enc(text) + "&api_app_id=A1&response_url="
                + enc("http://localhost:" + SlackStub.server.port() + "/hooks/T1/cmd") + "&trigger_id=1.2.3";
    }

    private static String mention(String ts, String threadTs, String text) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "event_callback").put("event_id", "Ev" + ts.replace(".", "")).put("team_id", "T1");
        ObjectNode event = root.putObject("event");
        event.put("type", "app_mention").put("user", "U1").put("text", text).put("ts", ts).put("channel", "C1")
                .put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return root.toString();
    }

    private JsonNode click(JsonNode button, String responseUrl) throws Exception {
        int before = SlackStub.server.findAll(postRequestedFor(urlPathMatching("/hooks/.*"))).size();
        signed("/slack/interactions", FORM, "payload=" + enc(interaction(button, responseUrl))).then()
                .statusCode(200);
        return awaitHook(before + 1);
    }

    private static String interaction(JsonNode button, String responseUrl) {
        return interaction(button, responseUrl, null);
    }

    private static String interaction(JsonNode button, String responseUrl, String typed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "block_actions").put("api_app_id", "A1").put("trigger_id", "1.2.3")
                .put("response_url", responseUrl);
        root.putObject("user").put("id", "U1").put("username", "ann");
        root.putObject("container").put("type", "message").put("message_ts", "1700000000.000100")
                .put("channel_id", "C1").put("is_ephemeral", true);
        ArrayNode actions = root.putArray("actions");
        actions.addObject().put("type", "button").put("action_id", button.path("action_id").asText())
                .put("block_id", "b1").put("value", button.path("value").asText()).put("action_ts", "1700000000.1");
        if (typed != null) {
            root.putObject("state").putObject("values").putObject(SlackMessages.TEXT_BLOCK)
                    .putObject(SlackActions.TEXT_INPUT).put("type", "plain_text_input").put("value", typed);
        }
        return root.toString();
    }

    /** The button answering the question with the wanted value, or its first choice. */
    private static JsonNode chooseButton(JsonNode message, Map<String, String> want) {
        List<JsonNode> answers = buttons(message).stream()
                .filter(b -> b.path("action_id").asText().startsWith("answer|")).toList();
        assertFalse(answers.isEmpty(), "a question has answer buttons: " + message);
        for (JsonNode b : answers) {
            String[] parts = b.path("action_id").asText().split("\\|");
            if (parts[2].equals(want.get(parts[1]))) {
                return b;
            }
        }
        return answers.get(0);
    }

    private static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> out = new ArrayList<>();
        message.path("blocks").forEach(b -> {
            if ("actions".equals(b.path("type").asText())) {
                b.path("elements").forEach(out::add);
            }
        });
        return out;
    }

    private static String header(JsonNode message) {
        for (JsonNode b : message.path("blocks")) {
            if ("header".equals(b.path("type").asText())) {
                return b.path("text").path("text").asText();
            }
        }
        return null;
    }

    private static String blocksWithoutIds(JsonNode message) {
        return message.path("blocks").toString();
    }

    private static JsonNode awaitHook(int count) throws Exception {
        List<LoggedRequest> requests = awaitCalls("/hooks/.*", count);
        return read(requests.get(count - 1).getBodyAsString());
    }

    private static Map<String, String> awaitPost(int count) {
        List<LoggedRequest> requests = awaitCalls("/api/chat.postMessage", count);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : requests.get(count - 1).getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static List<LoggedRequest> awaitCalls(String pathRegex, int count) {
        awaitCondition(() -> SlackStub.server.findAll(postRequestedFor(urlPathMatching(pathRegex))).size() >= count,
                count + " call(s) to " + pathRegex + " at the Slack stub");
        List<LoggedRequest> requests = new ArrayList<>(SlackStub.server.findAll(
                postRequestedFor(urlPathMatching(pathRegex))));
        requests.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    private static Response signed(String path, String contentType, String body) {
        String now = now();
        return given().contentType(contentType).header(SlackResource.TIMESTAMP, now)
                .header(SlackResource.SIGNATURE, SIGNER.sign(now, bytes(body))).body(body).when().post(path);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static JsonNode read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            assertNotNull(node);
            return node;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Waits until the replies the requests so far scheduled are done (they were scheduled before the 200). */
    private void awaitIdle() {
        awaitCondition(() -> registry.get("kbguide.slack.replies.waiting").gauge().value() == 0,
                "the Slack replies to finish");
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                fail("waited 10 s for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }
}
