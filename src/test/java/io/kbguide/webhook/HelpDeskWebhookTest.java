package io.kbguide.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.ConversationCodec;
import io.kbguide.dialogue.Dialogue;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.Input;
import io.kbguide.dialogue.Outcome;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.render.TextRenderer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.kbguide.webhook.HelpDeskStub.HOOK;
import static io.kbguide.webhook.HelpDeskStub.MAX_ATTEMPTS;
import static io.kbguide.webhook.HelpDeskStub.server;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help-desk webhook against a local receiver (WireMock): real conversations through the REST API reach a
 * diagnosis, and what arrives is checked as a receiver would check it: the signature, the diagnosis as the API
 * gave it, its Markdown, nothing of the conversation id or the person's words; a server error retried, a
 * permanent one given up, a full queue dropping the newest, a host not on the allow-list refused.
 */
@QuarkusTest
@TestProfile(HelpDeskStub.Profile.class)
class HelpDeskWebhookTest {

    static final String ARTICLE = "heartbeat-registry-driver";
    static final String BASE = "/api/v1/conversations";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Typed words, and the words the facts are read from; none may reach the help desk unless configured. */
    static final String TYPED = "x86 w2k3 SP2 with /3GB, UseNewApi 0, heartbeat 5.0.1";
    /** Pasted output, read without a read-back: the lines facts are read from hold the customer's machine. */
    static final String PASTE = """
            Host Name:                 ACME-PAYROLL-01
            OS Name:                   Microsoft(R) Windows(R) Server 2003, Standard Edition
            OS Version:                5.2.3790 Service Pack 2 Build 3790
            OS Manufacturer:           Microsoft Corporation
            Registered Owner:          Jane Doe
            Registered Organization:   ACME Payroll Ltd
            System Type:               X86-based PC

            HKEY_LOCAL_MACHINE\\Software\\Neverfail\\R2\\HookRegistryDriver
                UseNewApi    REG_DWORD    0x0

            Name                         Version
            Neverfail Heartbeat          5.0.1
            """;

    @Inject
    MeterRegistry registry;
    @Inject
    ArticleRegistry articles;
    @Inject
    TextRenderer renderer;
    @Inject
    ObjectMapper mapper;
    @Inject
    ConversationCodec codec;

    @BeforeEach
    void resetReceiver() {
        HelpDeskStub.reset();
    }

    @Test
    void shouldSignEveryDeliveryLikeSlackAndSendTheDiagnosisAsTheApiGaveItWithItsMarkdown() throws Exception {
        double delivered = count("delivered");
        List<String> ids = new ArrayList<>();
        JsonPath last = converse(ids, "os=windows-2003", "architecture=x86", "heartbeatVersion=5.0.3",
                "servicePack=sp1", "useNewApi=zero", "leakPatch=not-installed");
        assertEquals("diagnosis", last.getString("step.type"), last.prettify());
        awaitCount("delivered", delivered + 1);

        LoggedRequest request = onlyDelivery();
        String timestamp = request.getHeader(HelpDeskWebhook.TIMESTAMP);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300, timestamp);
        assertEquals(receiverSignature(HelpDeskStub.SECRET, timestamp, request.getBody()),
                request.getHeader(HelpDeskWebhook.SIGNATURE), "the receiver's own HMAC matches");
        assertFalse(receiverSignature("another-secret-entirely", timestamp, request.getBody())
                .equals(request.getHeader(HelpDeskWebhook.SIGNATURE)), "another secret does not");
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));

        String body = request.getBodyAsString();
        JsonNode payload = JSON.readTree(body);
        assertEquals("diagnosis", payload.get("type").asText());
        assertEquals(ARTICLE, payload.get("articleId").asText());
        assertEquals(articles.require(ARTICLE).article().version(), payload.get("articleVersion").asText());
        assertEquals("api", payload.get("channel").asText());
        UUID.fromString(payload.get("deliveryId").asText());
        assertTrue(Duration.between(Instant.parse(payload.get("time").asText()), Instant.now()).abs()
                .compareTo(Duration.ofMinutes(5)) < 0);
        assertEquals(JSON.readTree(JSON.writeValueAsString(last.getMap("step.diagnosis"))), payload.get("diagnosis"),
                "the diagnosis object as the conversation API returned it");
        String markdown = payload.get("markdown").asText();
        assertTrue(markdown.startsWith("## " + last.getString("step.diagnosis.verdict.text")), markdown);
        assertTrue(markdown.contains("### What to do"), markdown);
        assertTrue(markdown.contains(last.getString("step.diagnosis.remediation[0].title")), markdown);
        assertTrue(markdown.contains("### Sources"), markdown);

        assertFalse(body.contains("conversationId"), body);
        ids.forEach(id -> assertFalse(body.contains(id), "no conversation id in the delivery: " + id));
    }

    @Test
    void shouldRetryAServerErrorAndDeliverTheSameDeliveryOnTheNextAttempt() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(HOOK)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(HOOK)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        double delivered = count("delivered");
        double retried = count("retried");
        double gaveUp = count("gave-up");

        converse(new ArrayList<>(), "os=windows-2003", "architecture=x64");
        awaitCount("delivered", delivered + 1);

        server.verify(2, postRequestedFor(urlEqualTo(HOOK)));
        List<LoggedRequest> attempts = server.findAll(postRequestedFor(urlEqualTo(HOOK)));
        assertEquals(attempts.get(0).getBodyAsString(), attempts.get(1).getBodyAsString(),
                "the same delivery (same id) on each attempt");
        for (LoggedRequest attempt : attempts) {
            assertEquals(receiverSignature(HelpDeskStub.SECRET, attempt.getHeader(HelpDeskWebhook.TIMESTAMP),
                    attempt.getBody()), attempt.getHeader(HelpDeskWebhook.SIGNATURE), "each attempt is signed");
        }
        assertEquals(retried + 1, count("retried"));
        assertEquals(gaveUp, count("gave-up"));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptOnAPermanentServerErrorAndSaySoOnceWithoutThePersonsWords() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(500)));
        double delivered = count("delivered");
        double retried = count("retried");
        double gaveUp = count("gave-up");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (io.kbguide.testing.LogCapture log = io.kbguide.testing.LogCapture.of(HelpDeskWebhook.class)) {
            JsonPath typed = startWith(TYPED);
            assertEquals("readback", typed.getString("step.type"), typed.prettify());
            given().when().post(BASE + "/" + typed.getString("conversationId") + "/confirm").then().statusCode(200);
            awaitCount("gave-up", gaveUp + 1);
            log.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .forEach(r -> warnings.add(io.kbguide.testing.LogCapture.text(r)));
        }

        server.verify(MAX_ATTEMPTS, postRequestedFor(urlEqualTo(HOOK)));
        assertEquals(retried + MAX_ATTEMPTS - 1, count("retried"));
        assertEquals(delivered, count("delivered"));
        assertEquals(1, warnings.size(), "one WARN line: " + warnings);
        String warning = warnings.get(0);
        assertTrue(warning.contains("gave up") && warning.contains(ARTICLE) && warning.contains("HTTP 500")
                && warning.contains(MAX_ATTEMPTS + " attempt"), warning);
        for (String words : List.of("w2k3", "UseNewApi 0", "heartbeat 5.0.1", "receiver-token",
                HelpDeskStub.SECRET)) {
            assertFalse(warning.contains(words), warning);
        }
    }

    @Test
    void shouldLeaveThePersonsWordsOutOfTheDeliveryUnlessIncludeTextIsOn() throws Exception {
        // the words each fact was read from, as the dialogue gives them to its listeners
        List<DialogueEvent> events = new ArrayList<>();
        Dialogue dialogue = new Dialogue(articles, codec, List.of(events::add));
        assertInstanceOf(Outcome.Diagnose.class, dialogue.start(ARTICLE, PASTE, Channel.WIDGET));
        DialogueEvent diagnosed = events.stream().filter(e -> e.kind() == DialogueEvent.Kind.DIAGNOSED)
                .findFirst().orElseThrow();
        List<String> words = List.copyOf(diagnosed.evidence().values());
        assertTrue(words.size() >= 4 && words.stream().anyMatch(w -> w.contains("REG_DWORD")),
                "the event holds the pasted lines: " + words);

        double delivered = count("delivered");
        JsonPath diagnosis = startWith(PASTE);
        assertEquals("diagnosis", diagnosis.getString("step.type"), diagnosis.prettify());
        awaitCount("delivered", delivered + 1);
        String body = onlyDelivery().getBodyAsString();
        JsonNode payload = JSON.readTree(body);
        assertEquals(JSON.readTree(JSON.writeValueAsString(diagnosis.getMap("step.diagnosis"))),
                payload.get("diagnosis"), "the diagnosis as the API returned it");
        assertTrue(body.contains("\"origin\":\"pasted\""), "the facts were read from pasted output: " + body);
        assertNull(payload.get("diagnosis").get("understood"));
        for (String customer : List.of("ACME", "Jane Doe")) {
            assertFalse(body.contains(customer), body);
        }
        for (String line : words) {
            assertFalse(body.contains(JSON.writeValueAsString(line).replaceAll("^\"|\"$", "")),
                    "'" + line + "' is not sent: " + body);
            assertFalse(payload.get("markdown").asText().contains(line), "nor in the Markdown: " + line);
        }

        // with the switch on: what each fact was read from, in the diagnosis and its Markdown
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        JsonNode with = JSON.readTree(new WebhookPayloads(articles, renderer, mapper, true).body(diagnosed, id, now));
        JsonNode understood = with.get("diagnosis").get("understood");
        assertEquals(words.size(), understood.size(), with.toString());
        for (JsonNode fact : understood) {
            assertEquals(diagnosed.evidence().get(fact.get("factId").asText()), fact.get("evidence").asText());
            assertEquals("pasted", fact.get("source").asText());
        }
        assertTrue(with.get("markdown").asText().contains("**Read from your text:**"), with.toString());
        assertTrue(with.get("markdown").asText().contains(words.get(0)), with.toString());
        assertEquals("widget", with.get("channel").asText());
        assertEquals(id.toString(), with.get("deliveryId").asText());
        assertEquals(now.toString(), with.get("time").asText());

        // and off, from the same event: the same diagnosis as the conversation API's, whichever the channel
        JsonNode without = JSON.readTree(new WebhookPayloads(articles, renderer, mapper, false).body(diagnosed, id,
                now));
        assertNull(without.get("diagnosis").get("understood"));
        assertEquals(payload.get("diagnosis"), without.get("diagnosis"));
        assertEquals(payload.get("markdown"), without.get("markdown"));
    }

    @Test
    void shouldDropTheNewestDiagnosisWhenTheQueueIsFullNeverMakingAConversationWait() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        double delivered = count("delivered");
        double dropped = count("dropped");
        int diagnoses = 6;

        for (int i = 0; i < diagnoses; i++) {
            converse(new ArrayList<>(), "os=windows-2003", "architecture=x64");
        }
        // one is being sent (3 s), one waits (the queue holds one): the others came while both were taken
        assertTrue(count("dropped") - dropped >= 1, "dropped: " + (count("dropped") - dropped));

        await().atMost(PATIENCE).until(() -> count("delivered") - delivered + count("dropped") - dropped
                == diagnoses);
        double sent = count("delivered") - delivered;
        assertTrue(sent >= 1 && sent <= 2, "sent: " + sent);
        server.verify((int) sent, postRequestedFor(urlEqualTo(HOOK)));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @Test
    void shouldCountEveryOutcomeFromZeroAtTheMetricsEndpoint() {
        String scrape = given().accept("text/plain").when().get(metricsUrl).then().statusCode(200).extract()
                .asString();
        for (String outcome : List.of("delivered", "retried", "gave-up", "dropped")) {
            assertTrue(java.util.regex.Pattern.compile("(?m)^kbguide_webhook_deliveries_total\\{outcome=\""
                    + outcome + "\",?} [0-9.]+$").matcher(scrape).find(), "the " + outcome
                    + " series is there from the start: " + scrape.lines().filter(l -> l.contains("webhook")).toList());
        }
    }

    @Test
    void shouldRefuseToStartWithAUrlWhoseHostIsNotOnTheAllowList() {
        WebhookConfig elsewhere = new WebhookSettingsTest.Config(Optional.of("https://collector.example.net/in"),
                Optional.of(HelpDeskStub.SECRET), Optional.of(List.of("localhost", "helpdesk.example.com")),
                Optional.empty(), 10, 5, Duration.ofSeconds(1), Duration.ofSeconds(10), false);
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new HelpDeskWebhook(elsewhere, articles, renderer, mapper, registry));
        assertTrue(refused.getMessage().contains("kbguide.webhook.url"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'collector.example.net' is not in kbguide.webhook.allowed-hosts"
                + " (localhost, helpdesk.example.com)"), refused.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** What a receiver computes: {@code v0=} and the hex HMAC-SHA256 of {@code v0:{timestamp}:{body}}. */
    static String receiverSignature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a conversation and answers each {@code fact=value} in turn; the ids seen are added to {@code ids}. */
    static JsonPath converse(List<String> ids, String... answers) {
        JsonPath step = given().contentType(ContentType.JSON).body(Map.of("articleId", ARTICLE)).when().post(BASE)
                .then().statusCode(201).extract().jsonPath();
        ids.add(step.getString("conversationId"));
        for (String answer : answers) {
            String[] kv = answer.split("=", 2);
            step = given().contentType(ContentType.JSON).body(Map.of("factId", kv[0], "value", kv[1])).when()
                    .post(BASE + "/" + step.getString("conversationId") + "/replies").then().statusCode(200)
                    .extract().jsonPath();
            ids.add(step.getString("conversationId"));
        }
        assertEquals("diagnosis", step.getString("step.type"), step.prettify());
        return step;
    }

    static JsonPath startWith(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("articleId", ARTICLE, "text", text)).when()
                .post(BASE).then().statusCode(201).extract().jsonPath();
    }

    LoggedRequest onlyDelivery() {
        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo(HOOK)));
        assertEquals(1, received.size(), "one delivery");
        return received.get(0);
    }

    double count(String outcome) {
        return registry.get(HelpDeskWebhook.METRIC).tag("outcome", outcome).counter().count();
    }

    void awaitCount(String outcome, double expected) {
        await().atMost(PATIENCE).until(() -> count(outcome) >= expected);
        assertEquals(expected, count(outcome), outcome);
    }
}
