package io.kbguide.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    @Test
    void shouldBeReadyOnceTheKbIsVerified() {
        given().when().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kb"));
    }

    @Test
    void shouldServeHealthAndMetricsOnTheManagementPortOnly() {
        // the public port has neither: clients cannot reach the probes or the metrics
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertNotEquals(io.restassured.RestAssured.port, ready.getPort());
    }

    @Test
    void shouldPublishOpenApiWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/articles/{articleId}/diagnosis"))
                .body(containsString("SP1 installed after Heartbeat"))
                .body(containsString("\"Diagnosis\""));
    }
}
