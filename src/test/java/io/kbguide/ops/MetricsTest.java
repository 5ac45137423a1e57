package io.kbguide.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The analytics at /q/metrics move with what people do, whatever the channel: a conversation through the API and
 * one through the widget, counted by the dialogue's events.
 */
@QuarkusTest
class MetricsTest {

    static final String ARTICLE = "heartbeat-registry-driver";
    static final String BASE = "/api/v1/conversations";

    @Test
    void shouldCountConversationsFindingsUnknownsAndTextNotUnderstood() {
        String before = metrics();
        String id = given().contentType(ContentType.JSON).header("KB-Guide-Channel", "widget")
                .body("{\"articleId\": \"" + ARTICLE + "\"}").when().post(BASE).then().statusCode(201)
                .extract().path("conversationId");
        id = reply(id, "{\"text\": \"purple monkey dishwasher\"}");
        id = reply(id, "{\"text\": \"what does the patch remove?\"}");
        for (String[] a : new String[][] {{"os", "windows-2003"}, {"architecture", "x86"},
                {"heartbeatVersion", "5.0.3"}, {"servicePack", "sp1"}, {"useNewApi", "zero"},
                {"leakPatch", "unknown"}}) {
            id = reply(id, "{\"factId\": \"" + a[0] + "\", \"value\": \"" + a[1] + "\"}");
        }
        String after = metrics();
        String w = "article=\"" + ARTICLE + "\",channel=\"widget\"";
        assertEquals(1, delta(before, after, "kbguide_conversations_started_total", w + ",version=\"2\""));
        assertEquals(1, delta(before, after, "kbguide_conversations_completed_total", w + ",version=\"2\""));
        assertEquals(1, delta(before, after, "kbguide_kb_questions_total", "answer=\"quoted\",article=\"" + ARTICLE
                + "\",version=\"2\""));
        assertEquals(1, delta(before, after, "kbguide_text_not_understood_total", "article=\"" + ARTICLE
                + "\",question=\"os\""));
        assertEquals(1, delta(before, after, "kbguide_answers_unknown_total", "article=\"" + ARTICLE
                + "\",fact=\"leakPatch\""));
        assertEquals(1, delta(before, after, "kbguide_questions_reached_total", w + ",fact=\"os\""),
                "a question asked again after text not understood is reached once");
        assertEquals(1, delta(before, after, "kbguide_questions_answered_total", w + ",fact=\"os\""));
        assertEquals(1, delta(before, after, "kbguide_diagnosis_findings_total", "article=\"" + ARTICLE
                + "\",finding=\"driverMethod\",value=\"hookers\""));
    }

    @Test
    void shouldCountHowOftenADiagnosisIsServedFromItsBytes() {
        String body = "{\"facts\": {\"architecture\": \"x86\"}}"; // answers still missing: not settled
        String url = "/api/v1/articles/" + ARTICLE + "/diagnosis";
        given().contentType(ContentType.JSON).body(body).when().post(url).then().statusCode(200);
        String before = metrics();
        given().contentType(ContentType.JSON).body(body).when().post(url).then().statusCode(200);
        String after = metrics();
        assertEquals(1, delta(before, after, "cache_gets_total", "cache=\"diagnosis-json\",result=\"hit\""));
        assertEquals(0, delta(before, after, "cache_gets_total", "cache=\"diagnosis-json\",result=\"miss\""));
    }

    @Test
    void shouldCountACompleteFactSetServedFromTheAnswerTable() {
        String body = "{\"facts\": {\"architecture\": \"x86\", \"os\": \"windows-2003\", \"servicePack\": \"sp1\","
                + " \"useNewApi\": \"zero\", \"threeGb\": \"no\", \"heartbeatVersion\": \"5.0.3\","
                + " \"leakPatch\": \"not-installed\"}}";
        String url = "/api/v1/articles/" + ARTICLE + "/diagnosis";
        given().contentType(ContentType.JSON).body(body).when().post(url).then().statusCode(200);
        String before = metrics();
        given().contentType(ContentType.JSON).accept("text/markdown").body(body).when().post(url).then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(body).when().post(url).then().statusCode(200);
        String after = metrics();
        double hits = delta(before, after, "cache_gets_total", "cache=\"diagnosis-table\",result=\"hit\"");
        double made = delta(before, after, "cache_gets_total", "cache=\"diagnosis-table\",result=\"miss\"");
        assertEquals(2, hits + made, "both answers looked up in the table");
        org.junit.jupiter.api.Assertions.assertTrue(hits >= 1, "the JSON answer was made by the first request; the Markdown one may be new");
        assertEquals(0, delta(before, after, "cache_gets_total", "cache=\"diagnosis-json\",result=\"hit\"")
                + delta(before, after, "cache_gets_total", "cache=\"diagnosis-json\",result=\"miss\""),
                "complete sets do not go through the cache of partial ones");
    }

    @Test
    void shouldHaveEveryCounterFromTheStartSoThatADashboardReadsZeroNotNoData() {
        String m = metrics();
        for (String series : new String[] {
                "kbguide_conversations_started_total{article=\"" + ARTICLE + "\",channel=\"slack\",version=\"2\"}",
                "kbguide_kb_questions_total{answer=\"not-said\",article=\"" + ARTICLE + "\",version=\"2\"}",
                "kbguide_first_messages_routed_total{channel=\"widget\",outcome=\"several\"}",
                "kbguide_readbacks_corrected_total{article=\"" + ARTICLE + "\",fact=\"wayOut\"}",
                "kbguide_refusals_total{channel=\"text\",reason=\"article_gone\"}",
                "kbguide_questions_reached_total{article=\"" + ARTICLE + "\",channel=\"text\",fact=\"leakPatch\"}"}) {
            String prefix = series.substring(0, series.length() - 1); // "...}" is written "...,}" by the registry
            org.junit.jupiter.api.Assertions.assertTrue(m.contains(series) || m.contains(prefix + ",}"),
                    series + " is not exported");
        }
    }

    @Test
    void shouldOnlyChartMetricsTheServiceHas() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/java/io/kbguide/ops/DialogueMetrics.java"));
        java.util.Set<String> known = new java.util.HashSet<>();
        Matcher names = Pattern.compile("\"(kbguide\\.[a-z.]+)\"").matcher(source);
        while (names.find()) {
            known.add(names.group(1).replace('.', '_') + "_total");
        }
        known.add("http_server_requests_seconds_count");
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of(
                "docker/grafana/kb-guide-dashboard.json"));
        Matcher used = Pattern.compile("(kbguide_[a-z_]+|http_server_[a-z_]+)").matcher(dashboard);
        int count = 0;
        while (used.find()) {
            count++;
            org.junit.jupiter.api.Assertions.assertTrue(known.contains(used.group(1)),
                    "the dashboard charts " + used.group(1) + ", which the service does not have: " + known);
        }
        org.junit.jupiter.api.Assertions.assertTrue(count >= 10, "the dashboard charts the metrics: " + count);
    }

    private static String reply(String id, String body) {
        return given().contentType(ContentType.JSON).header("KB-Guide-Channel", "widget").body(body)
                .when().post(BASE + "/" + id + "/replies").then().statusCode(200).extract().path("conversationId");
    }

    /** Prometheus's scrape, on the management port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    private String metrics() {
        return given().accept("text/plain").when().get(metricsUrl).then().statusCode(200).extract().asString();
    }

    /** The change of a counter between two scrapes; the labels are matched as a sorted, comma-separated run. */
    private static double delta(String before, String after, String name, String labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private static double value(String scrape, String name, String labels) {
        Pattern line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.eE+-]+)$");
        Matcher m = line.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
