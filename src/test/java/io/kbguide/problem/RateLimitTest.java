package io.kbguide.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse limits with a tight profile: a client past its burst gets 429 problems with Retry-After (health and
 * metrics stay reachable); with API keys set, the help-desk API needs one, and the widget's pages do not.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kbguide.rate-limit.burst", "5", "kbguide.rate-limit.per-second", "0.2",
                    "kbguide.rate-limit.client-header", "X-Forwarded-For",
                    "kbguide.api.keys", "key-one-0123456789,key-two-0123456789");
        }
    }

    @Test
    void shouldRefuseAClientPastItsBurstWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").header("X-Api-Key", "key-one-0123456789").when()
                    .get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").when().get("/api/v1/articles").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:kb-guide:problem:too-many-requests"));
        // another client is not affected, and probes are never limited
        given().header("X-Forwarded-For", "198.51.100.9").header("X-Api-Key", "key-two-0123456789").when()
                .get("/api/v1/articles").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldAskTheHelpDeskApiForAKeyButNotTheWidgetsPages() {
        given().header("X-Forwarded-For", "192.0.2.1").when().get("/api/v1/articles").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:kb-guide:problem:api-key-required"));
        given().header("X-Forwarded-For", "192.0.2.2").header("X-Api-Key", "key-one-0123456780").when()
                .get("/api/v1/articles").then().statusCode(401)
                .body("type", equalTo("urn:kb-guide:problem:invalid-api-key"));
        given().header("X-Forwarded-For", "192.0.2.3").header("X-Api-Key", "key-two-0123456789")
                .contentType("application/json").body("{\"facts\":{\"architecture\":\"x64\"}}").when()
                .post("/api/v1/articles/heartbeat-registry-driver/diagnosis").then().statusCode(200);
        // the widget on the service's own page: same origin, no key
        String host = "localhost:" + io.restassured.RestAssured.port;
        given().header("X-Forwarded-For", "192.0.2.4").header("Origin", "http://" + host).header("Host", host)
                .contentType("application/json").body("{\"articleId\":\"heartbeat-registry-driver\"}").when()
                .post("/api/v1/conversations").then().statusCode(201);
        // but not the stateless API, and not from another origin
        given().header("X-Forwarded-For", "192.0.2.5").header("Origin", "http://evil.example")
                .contentType("application/json").body("{\"articleId\":\"heartbeat-registry-driver\"}").when()
                .post("/api/v1/conversations").then().statusCode(org.hamcrest.Matchers.either(
                        org.hamcrest.Matchers.is(401)).or(org.hamcrest.Matchers.is(403)));
        given().header("X-Forwarded-For", "192.0.2.6").when().get("/").then().statusCode(200);
    }

    @Test
    void shouldRefillTheBucketAtTheSteadyRate() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(2, 1.0, now::get);
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(1, buckets.take("a"), "empty: wait a second");
        now.addAndGet(1_000_000_000L);
        assertEquals(0, buckets.take("a"), "one token back after a second");
        assertTrue(buckets.take("a") >= 1);
        assertEquals(0, buckets.take("b"), "clients are apart");
        assertEquals(2, buckets.clients());
    }
}
