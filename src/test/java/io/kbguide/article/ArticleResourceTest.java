package io.kbguide.article;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void shouldListTheSeedArticle() {
        given().when().get("/api/v1/articles").then().statusCode(200)
                .body("id", contains("heartbeat-registry-driver"))
                .body("[0].version", equalTo("2"));
    }

    @Test
    void shouldDescribeFactsWithQuestionsHelpAndChoicesInAskingOrder() {
        given().when().get("/api/v1/articles/heartbeat-registry-driver").then().statusCode(200)
                .body("facts.id", contains("os", "architecture", "heartbeatVersion", "servicePack", "useNewApi",
                        "threeGb", "leakPatch", "wayOut"))
                .body("facts.find { it.id == 'useNewApi' }.choices.value", contains("absent", "zero", "nonzero"))
                .body("facts.find { it.id == 'useNewApi' }.commands[0]", containsString("reg query"))
                .body("facts.find { it.id == 'heartbeatVersion' }.type", equalTo("version"))
                .body("facts.find { it.id == 'heartbeatVersion' }.format", containsString("1.2.3"))
                .body("sections.anchor", hasItem("the-3gb-option"));
    }

    @Test
    void shouldReturnAProblemForAnUnknownArticle() {
        given().when().get("/api/v1/articles/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kb-guide:problem:unknown-article"));
    }
}
