package io.kbguide.text;

import io.kbguide.engine.Article;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The collector script itself, run by a real cmd.exe: Debian's Wine runs the generated .cmd against a prepared
 * registry and boot.ini, and what it prints is read back. Wine's own {@code ver} does not print Windows's
 * "[Version ...]" and its systeminfo prints no OS lines, so the Windows version is not read here (the round-trip
 * test covers Windows's own output); the registry (through Wine's reg.exe), the boot options and the
 * architecture are. .ci/run installs Wine and sets KBGUIDE_REQUIRE_WINE, so that CI never skips this test.
 */
class CollectorUnderWineTest {

    static Path prefix;
    static TextUnderstanding tu;
    static Article article;

    @BeforeAll
    static void prepare() throws Exception {
        boolean wine = new File("/usr/bin/wine").canExecute();
        if (!wine && System.getenv("KBGUIDE_REQUIRE_WINE") != null) {
            throw new IllegalStateException("KBGUIDE_REQUIRE_WINE is set but /usr/bin/wine is missing");
        }
        assumeTrue(wine, "Wine is not installed (apt-get install wine; .ci/run installs it)");
        tu = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
        article = tu.article();
        prefix = Files.createTempDirectory("kb-guide-wine");
        run(List.of("wineboot", "-i"), 180);
    }

    static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("WINEPREFIX", prefix.toString());
        pb.environment().put("WINEDEBUG", "-all");
        pb.environment().put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        pb.environment().remove("DISPLAY");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), command + " did not finish");
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    static Map<String, String> collect(String useNewApi, boolean threeGb) throws Exception {
        Path drive = prefix.resolve("drive_c");
        String reg = "REGEDIT4\r\n\r\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Neverfail]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Neverfail\\R2\\HookRegistryDriver]\r\n\"Version\"=\"1\"\r\n"
                + (useNewApi == null ? "" : "\"UseNewApi\"=dword:0000000" + useNewApi + "\r\n");
        Files.writeString(drive.resolve("seed.reg"), reg, StandardCharsets.ISO_8859_1);
        run(List.of("wine", "regedit", "/s", "C:\\seed.reg"), 60);
        Files.writeString(drive.resolve("boot.ini"), "[boot loader]\r\ntimeout=30\r\n"
                + "default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n[operating systems]\r\n"
                + "multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS=\"Windows Server 2003\" /fastdetect"
                + (threeGb ? " /3GB" : "") + "\r\n", StandardCharsets.ISO_8859_1);
        Files.writeString(drive.resolve("collect.cmd"), article.collector().cmd(article), StandardCharsets.ISO_8859_1);
        String output = run(List.of("wine", "cmd", "/c", "C:\\collect.cmd"), 120);
        assertTrue(output.contains("kb-guide collector 1, article " + article.id()), output);
        Extraction x = tu.extract(output);
        Map<String, String> read = new LinkedHashMap<>();
        List<String> notCollected = new ArrayList<>();
        x.understood().forEach(u -> {
            read.put(u.factId(), u.value());
            if (u.source() != Origin.COLLECTED) {
                notCollected.add(u.factId());
            }
        });
        assertEquals(List.of(), notCollected, output);
        return read;
    }

    @Test
    void shouldCollectTheRegistryTheBootOptionsAndTheArchitectureThroughARealCommandInterpreter()
            throws Exception {
        Map<String, String> zero = collect("0", true);
        String arch = zero.get("architecture");
        assertTrue("x86".equals(arch) || "x64".equals(arch), "architecture " + zero);
        assertEquals("zero", zero.get("useNewApi"), zero.toString());
        assertEquals("yes", zero.get("threeGb"), zero.toString());
        Map<String, String> absent = collect(null, false);
        assertEquals("absent", absent.get("useNewApi"), absent.toString());
        assertEquals("no", absent.get("threeGb"), absent.toString());
        Map<String, String> nonzero = collect("1", false);
        assertEquals("nonzero", nonzero.get("useNewApi"), nonzero.toString());
    }
}
