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

/** A client past its burst gets 429 problems with Retry-After; health and metrics stay reachable. */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kbguide.rate-limit.burst", "5", "kbguide.rate-limit.per-second", "0.2",
                    "kbguide.rate-limit.client-header", "X-Forwarded-For");
        }
    }

    @Test
    void shouldRefuseAClientPastItsBurstWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").when().get("/api/v1/articles").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:kb-guide:problem:too-many-requests"));
        // another client is not affected, and probes are never limited
        given().header("X-Forwarded-For", "198.51.100.9").when().get("/api/v1/articles").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/q/health/ready").then().statusCode(200);
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
