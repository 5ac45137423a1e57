package io.kbguide.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence collector over the API: the script as a download, and its output read in a conversation. */
@QuarkusTest
class CollectorResourceTest {

    static final String URL = "/api/v1/articles/heartbeat-registry-driver/collector";

    @Test
    void shouldServeTheScriptAsADownloadWithWindowsLineEnds() {
        String cmd = given().when().get(URL).then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .header("Content-Disposition", equalTo("attachment; filename=\"kb-guide-heartbeat-registry-driver.cmd\""))
                .body(startsWith("@echo off\r\n"))
                .body(containsString("echo kb-guide collector 1, article heartbeat-registry-driver version 2\r\n"))
                .body(containsString("regedit /e"))
                .extract().asString();
        assertFalse(cmd.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        // read-only: nothing that writes the registry, the boot options or a service
        for (String change : List.of("reg add", "reg delete", "bootcfg /", "attrib", "sc config", "net stop")) {
            assertFalse(cmd.toLowerCase().contains(change), change);
        }
        given().queryParam("format", "ps1").when().get(URL).then().statusCode(200)
                .header("Content-Disposition", containsString("kb-guide-heartbeat-registry-driver.ps1"))
                .body(containsString("\"kb-guide collector 1, article heartbeat-registry-driver version 2\"\r\n"));
        given().queryParam("format", "exe").when().get(URL).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].allowed", equalTo("cmd, ps1"));
        given().when().get("/api/v1/articles/nope/collector").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldTakeTheCollectorsOutputAsCollectedFactsNeedingNoReadBack() {
        String output = String.join("\r\n",
                "kb-guide collector 1, article heartbeat-registry-driver version 2",
                "----- kb-guide begin ver -----", "", "Microsoft Windows [Version 5.2.3790]",
                "----- kb-guide end ver -----",
                "----- kb-guide begin environment -----", "PROCESSOR_ARCHITECTURE=x86", "PROCESSOR_ARCHITEW6432=",
                "----- kb-guide end environment -----",
                "----- kb-guide begin systeminfo -----",
                "OS Name:                   Microsoft(R) Windows(R) Server 2003, Enterprise Edition",
                "OS Version:                5.2.3790 Service Pack 1 Build 3790",
                "System Type:               X86-based PC",
                "----- kb-guide end systeminfo -----",
                "----- kb-guide begin registry -----", "",
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Neverfail\\R2\\HookRegistryDriver",
                "    UseNewApi    REG_DWORD    0x0", "",
                "----- kb-guide end registry -----",
                "----- kb-guide begin boot -----", "[boot loader]", "timeout=30",
                "default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS", "[operating systems]",
                "multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS=\"Windows Server 2003\" /fastdetect",
                "----- kb-guide end boot -----", "");
        JsonPath step = given().contentType(ContentType.JSON)
                .body(Map.of("articleId", "heartbeat-registry-driver", "text", output))
                .when().post("/api/v1/conversations").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("collected"), step.getList("understood.source").stream().distinct().toList(),
                step.prettify());
        assertTrue(step.getList("step.answers.origin").stream().allMatch("collected"::equals), step.prettify());
        assertEquals("heartbeatVersion", step.getString("step.question.factId"), "what it cannot collect is asked");
        JsonPath next = given().contentType(ContentType.JSON)
                .body(Map.of("factId", "heartbeatVersion", "value", "5.0.3"))
                .when().post("/api/v1/conversations/" + step.getString("conversationId") + "/replies").then()
                .statusCode(200).extract().jsonPath();
        next = given().contentType(ContentType.JSON).body(Map.of("factId", "leakPatch", "value", "not-installed"))
                .when().post("/api/v1/conversations/" + next.getString("conversationId") + "/replies").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("diagnosis", next.getString("step.type"), "no read-back of collected facts: " + next.prettify());
        assertEquals(List.of("remove-usenewapi", "restart-server"), next.getList("step.diagnosis.remediation.id"));
    }
}
