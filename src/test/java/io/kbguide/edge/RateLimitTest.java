package io.kbguide.edge;

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
 * metrics stay reachable); with API keys set, the help-desk API needs one whatever Origin says, and the widget's
 * public paths do not, with a limit of their own; behind trusted proxies the client is the address they wrote.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

    static final String BASE = "/api/v1/conversations";

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "kbguide.rate-limit.burst", "5", "kbguide.rate-limit.per-second", "0.01",
                    "kbguide.rate-limit.widget-burst", "3", "kbguide.rate-limit.widget-per-second", "0.01",
                    "kbguide.rate-limit.client-header", "X-Forwarded-For",
                    "kbguide.rate-limit.trusted-proxies", "127.0.0.1,::1,10.0.0.0/8",
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
        given().header("X-Forwarded-For", "203.0.113.7").when().get(ready).then().statusCode(200);
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
        // a help-desk request without its key is refused, whatever Origin it claims
        String host = "localhost:" + io.restassured.RestAssured.port;
        given().header("X-Forwarded-For", "192.0.2.4").header("Origin", "http://" + host).header("Host", host)
                .contentType("application/json").body("{\"articleId\":\"heartbeat-registry-driver\"}").when()
                .post("/api/v1/conversations").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("X-Api-Key"))
                .body("type", equalTo("urn:kb-guide:problem:api-key-required"));
        // the widget's own paths are public by design: no key, from any client (browsers are held to the
        // allowed origins by CORS, which is no access control: any other client sends what it likes)
        given().header("X-Forwarded-For", "192.0.2.5")
                .contentType("application/json").body("{\"articleId\":\"heartbeat-registry-driver\"}").when()
                .post("/widget/v1/conversations").then().statusCode(201);
        given().header("X-Forwarded-For", "192.0.2.5").header("Origin", "http://" + host).header("Host", host)
                .contentType("application/json").body("{\"articleId\":\"heartbeat-registry-driver\"}").when()
                .post("/widget/v1/conversations").then().statusCode(201);
        given().header("X-Forwarded-For", "192.0.2.5").when().get("/widget/v1/articles").then().statusCode(200);
        // the collector script is linked for people to download
        given().header("X-Forwarded-For", "192.0.2.5").when()
                .get("/api/v1/articles/heartbeat-registry-driver/collector").then().statusCode(200);
        given().header("X-Forwarded-For", "192.0.2.6").when().get("/").then().statusCode(200);
    }

    @Test
    void shouldLimitTheWidgetsPublicPathsApartFromTheApi() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "192.0.2.77").when().get("/widget/v1/articles").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"widget\";q=3;w=300"));
        }
        given().header("X-Forwarded-For", "192.0.2.77").when().get("/widget/v1/articles").then().statusCode(429)
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"widget\";r=0;t="));
        // the same client's help-desk calls have their own budget
        given().header("X-Forwarded-For", "192.0.2.77").header("X-Api-Key", "key-one-0123456789").when()
                .get("/api/v1/articles").then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"default\";q=5;w=500"))
                .header("RateLimit", equalTo("\"default\";r=4;t=0"));
    }

    @Test
    void shouldKeyTheLimitOnTheAddressTheTrustedProxyWroteNotOnWhatTheClientSent() {
        // a client sending a new X-Forwarded-For each time through an appending proxy is still one client
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "198.18.0." + i + ", 203.0.113.99, 10.1.2.3")
                    .header("X-Api-Key", "key-one-0123456789").when().get("/api/v1/articles").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.18.0.200, 203.0.113.99").header("X-Api-Key", "key-one-0123456789")
                .when().get("/api/v1/articles").then().statusCode(429);
    }

    @Test
    void shouldGiveTheLocationInTheSchemeTheTrustedProxyForwards() {
        given().header("X-Forwarded-For", "192.0.2.90").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "kb-guide.example.com").header("X-Api-Key", "key-one-0123456789")
                .contentType("application/json").body("{\"articleId\":\"heartbeat-registry-driver\"}").when()
                .post(BASE).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("https://kb-guide.example.com" + BASE + "/"));
    }

    @Test
    void shouldTakeTheForwardedAddressOnlyFromATrustedProxy() {
        java.util.List<RateLimitFilter.Cidr> trusted = java.util.List.of(RateLimitFilter.Cidr.parse("10.0.0.0/8"));
        assertEquals("203.0.113.5", RateLimitFilter.client("10.0.0.1", "1.2.3.4, 203.0.113.5, 10.0.0.9", trusted));
        assertEquals("198.51.100.1", RateLimitFilter.client("198.51.100.1", "1.2.3.4", trusted),
                "a peer that is no trusted proxy is the client, whatever it claims");
        assertEquals("1.2.3.4", RateLimitFilter.client("10.0.0.1", "1.2.3.4", java.util.List.of()),
                "no list: the peer is the one proxy, and what it wrote is the client");
        assertEquals("5.6.7.8", RateLimitFilter.client("10.0.0.1", "1.2.3.4, 5.6.7.8", java.util.List.of()));
        assertTrue(RateLimitFilter.Cidr.parse("::1").contains("0:0:0:0:0:0:0:1"));
    }

    @Test
    void shouldLabelRequestsRefusedBeforeRoutingWithRouteTemplatesNeverRawPaths() {
        java.util.Random random = new java.util.Random(150);
        for (int i = 0; i < 150; i++) {
            String junk = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "x".repeat(i % 7);
            // no key (401), then past the burst (429): refused before any route is matched
            String client = "198.19." + (i % 3) + ".1";
            switch (i % 4) {
                case 0 -> given().header("X-Forwarded-For", client).when().get(BASE + "/" + junk).then()
                        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
                case 1 -> given().header("X-Forwarded-For", client).contentType("application/json").body("{}").when()
                        .post(BASE + "/" + junk + "/replies").then()
                        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
                case 2 -> given().header("X-Forwarded-For", client).when().get("/api/v1/nothing-" + junk).then()
                        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
                default -> given().header("X-Forwarded-For", client).when().get("/p" + junk + "/" + junk).then()
                        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            }
        }
        java.util.Set<String> uris = new java.util.TreeSet<>();
        java.util.regex.Matcher uri = java.util.regex.Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(given().accept("text/plain").when().get(metricsUrl).then().statusCode(200).extract().asString());
        while (uri.find()) {
            uris.add(uri.group(1));
        }
        System.out.println("uri labels: " + uris);
        for (String u : uris) {
            org.junit.jupiter.api.Assertions.assertTrue(u.equals("UNKNOWN") || u.equals("NOT_FOUND") || u.equals("root")
                    || u.equals("/") || u.matches("(/[A-Za-z0-9._-]+|/\\{[A-Za-z]+\\})+"), "a raw path as a label: " + u);
            org.junit.jupiter.api.Assertions.assertFalse(u.length() > 24 && u.matches(".*/[A-Za-z0-9_-]{20,}.*"),
                    "an id in a label: " + u);
        }
        org.junit.jupiter.api.Assertions.assertTrue(uris.size() < 40, uris.size() + " uri labels: " + uris);
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

    @Test
    void shouldRememberAtMostTheConfiguredNumberOfClients() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(2, 1.0, 1000, now::get);
        for (int i = 0; i < 50_000; i++) {
            buckets.take("client-" + i);
        }
        assertTrue(buckets.clients() <= 1000, buckets.clients() + " clients remembered");
    }
}
