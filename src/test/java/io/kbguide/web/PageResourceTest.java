package io.kbguide.web;

import io.kbguide.engine.KbReader;
import io.kbguide.engine.Section;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's pages: the article list with the widget, and each article with an anchor per section. */
@QuarkusTest
class PageResourceTest {

    @Test
    void shouldListTheArticlesAndHostTheWidget() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<a href=\"/articles/heartbeat-registry-driver\">"))
                .body(containsString("<script src=\"/widget/kb-guide.js\" data-article=\"heartbeat-registry-driver\""
                        + " defer></script>"))
                .body(not(containsString("<script>")))
                .body(not(containsString("style=")));
    }

    @Test
    void shouldRenderEverySectionUnderItsAnchor() {
        String html = given().when().get("/articles/heartbeat-registry-driver").then().statusCode(200)
                .header("Content-Security-Policy", not(containsString("unsafe-inline"))).extract().asString();
        for (Section s : new KbReader().read(Path.of("kb", "heartbeat-registry-driver")).sections()) {
            assertTrue(html.contains("<section id=\"" + s.anchor() + "\""), "section " + s.anchor());
        }
        assertFalse(html.contains("{#"), "the anchor markers are not shown as text");
        given().when().get("/articles/no-such-article").then().statusCode(404);
    }

    @Test
    void shouldServeTheWidgetFromTheService() {
        given().when().get("/widget/kb-guide.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(not(containsString("innerHTML")))
                .body(not(containsString("eval(")))
                .body(not(containsString("http://"))).body(not(containsString("https://cdn")));
        given().when().get("/widget/kb-guide.css").then().statusCode(200).contentType(containsString("css"));
    }

    @Test
    void shouldShowArticleHtmlAsTextNeverRunIt() {
        ArticleHtml.SectionHtml html = ArticleHtml.section(new Section("a", "A", "Run <script>alert(1)</script> and"
                + " [click](javascript:alert(2)) <img src=x onerror=alert(3)>", "plain"));
        assertFalse(html.html().contains("<script>"), html.html());
        assertFalse(html.html().contains("<img"), html.html());
        assertFalse(html.html().contains("javascript:"), html.html());
        assertTrue(html.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html.html());
        assertEquals("A", html.title());
    }
}
