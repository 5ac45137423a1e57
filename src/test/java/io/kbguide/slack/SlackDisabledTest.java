package io.kbguide.slack;

import io.kbguide.edge.RequestSignature;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** With no signing secret configured (the default), the Slack endpoints are off: 404, never open. */
@QuarkusTest
class SlackDisabledTest {

    @ParameterizedTest
    @ValueSource(strings = {"/slack/commands", "/slack/interactions", "/slack/events"})
    void shouldBeOffWithoutASigningSecret(String path) {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        String signature = new RequestSignature("any-secret", Duration.ofMinutes(5))
                .sign(now, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().contentType(path.endsWith("events") ? "application/json" : "application/x-www-form-urlencoded")
                .header(SlackResource.TIMESTAMP, now).header(SlackResource.SIGNATURE, signature).body(body)
                .when().post(path).then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("challenge")));
    }
}
