package io.kbguide.kb;

import io.kbguide.engine.KbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kb check} verifies a kb as the start-up does, says the start-up's message for a fault, and runs golden cases. */
class KbCheckTest {

    static final Path FIXTURE = Path.of("src/test/resources/kb-fixtures/valid/printer-spooler");
    static final String OVERLAP_FROM = "when: {driverVersion: [before-2.0], isolation: [\"on\"]}";
    static final String OVERLAP_TO = "when: {driverVersion: [before-2.0]}";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassTheShippedKb() {
        assertEquals(0, KbCheck.run(Path.of("kb"), out), output());
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).matches("ok heartbeat-registry-driver \\(version 2\\): 8 facts, 7 steps, \\d+ golden"
                + " cases, verified in \\d+ ms"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Loaded and verified 1 article(s) from "
                + Path.of("kb").toAbsolutePath()), lines.get(1));
        assertTrue(lines.get(1).matches(".* in \\d+ ms: \\d+ fact combinations enumerated, \\d+ distinct diagnoses"),
                lines.get(1));
        assertEquals(2, lines.size(), output());
    }

    @Test
    void shouldPassTheFixtureKbNamingItsCounts() {
        assertEquals(0, KbCheck.run(FIXTURE.getParent(), out), output());
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).startsWith("ok log-volume-full (version 1): 2 facts, 3 steps, 6 golden cases,"
                + " verified in "), output());
        assertTrue(lines.get(1).startsWith("ok printer-spooler (version 3): 2 facts, 2 steps, 4 golden cases,"
                + " verified in "), output());
    }

    @Test
    void shouldSayWhatTheStartUpSaysForABrokenArticle() throws IOException {
        Path kb = copyFixture("printer-spooler", OVERLAP_FROM, OVERLAP_TO);
        String startUp = assertThrows(KbException.class, () -> KbLoader.loadAll(kb.toAbsolutePath())).getMessage();

        assertEquals(1, KbCheck.run(kb, out), output());
        List<String> lines = output().lines().toList();
        assertEquals(startUp, lines.get(0));
        assertTrue(lines.get(0).startsWith("printer-spooler/flow.yaml: rules 'old-driver-no-isolation' (line 36) and"
                + " 'old-driver-isolated' (line 44) of decision 'crashRisk' both apply"), lines.get(0));
        assertEquals("kb check: the service would not start on " + kb.toAbsolutePath().normalize(), lines.get(1));
        assertEquals(2, lines.size(), output());
    }

    @Test
    void shouldReportTheArticlesVerifiedBeforeTheFault() throws IOException {
        Path kb = copyFixture("printer-spooler", "", "");
        copyFixture("zz-broken", "id: printer-spooler", "id: zz-broken");
        Path flow = kb.resolve("zz-broken/flow.yaml");
        Files.writeString(flow, Files.readString(flow).replace(OVERLAP_FROM, OVERLAP_TO));

        assertEquals(1, KbCheck.run(kb, out), output());
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).startsWith("ok printer-spooler (version 3): "), output());
        assertTrue(lines.get(1).startsWith("zz-broken/flow.yaml: rules 'old-driver-no-isolation' (line 36)"), output());
    }

    @Test
    void shouldRunTheGoldenCasesAsTheTestSuiteDoes() throws IOException {
        Path kb = copyFixture("printer-spooler", "", "");
        Path golden = kb.resolve("printer-spooler/golden.yaml");
        String text = Files.readString(golden);
        // a case that expects a step the article does not give, and the only case of an outcome taken away
        String broken = text.replace("findings: {crashRisk: none-known}\n    steps: []\n    missingFacts: []",
                "findings: {crashRisk: none-known}\n    steps: [enable-isolation]\n    missingFacts: []")
                .replaceAll("(?s)  - name: old driver without isolation crashes.*?(?=  - name: new driver is fine)", "");
        assertFalse(broken.equals(text));
        Files.writeString(golden, broken);

        assertEquals(1, KbCheck.run(kb, out), output());
        String output = output();
        assertTrue(output.startsWith("FAIL printer-spooler (version 3): 2 facts, 2 steps, 3 golden cases, verified in "),
                output);
        assertTrue(output.contains("  golden case 'new driver is fine' fails: steps: expected [enable-isolation] but"
                + " was []\n"), output);
        assertTrue(output.contains("  no golden case gives {crashRisk=high} [enable-isolation, restart-spooler] e.g."
                + " {driverVersion="), output);
        assertTrue(output.contains("\nLoaded and verified 1 article(s) from "), output);
        assertTrue(output.endsWith("kb check: 2 golden problem(s)\n"), output);
    }

    @Test
    void shouldSayTheStartUpsMessageForAMissingDirectory() {
        Path missing = temp.resolve("no-such-kb");
        assertEquals(1, KbCheck.run(missing, out), output());
        assertTrue(output().startsWith(missing.toAbsolutePath() + ": the kb directory does not exist\n"), output());
    }

    @Test
    void shouldTellItsUsage() {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        assertEquals(2, KbCheck.run(new String[] {"kb", "other"}, out, err));
        assertEquals(2, KbCheck.run(new String[] {"--verbose"}, out, err));
        assertEquals(KbCheck.USAGE + "\n" + KbCheck.USAGE + "\n", errBytes.toString(StandardCharsets.UTF_8));
        assertEquals(0, KbCheck.run(new String[] {"--help"}, out, err));
        assertEquals(KbCheck.USAGE + "\n", output());
    }

    @Test
    void shouldCheckTheDefaultDirectoryWithoutArguments() {
        assertEquals(0, KbCheck.run(new String[0], out, out), output());
        assertTrue(output().startsWith("ok heartbeat-registry-driver "), output());
    }

    /** The fixture article copied into {@code temp/kb/<folder>}, with one change to its flow.yaml. */
    private Path copyFixture(String folder, String from, String to) throws IOException {
        Path kb = temp.resolve("kb");
        Path target = Files.createDirectories(kb.resolve(folder));
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path flow = target.resolve("flow.yaml");
        String text = Files.readString(flow);
        assertTrue(text.contains(from), from);
        Files.writeString(flow, text.replace(from, to));
        return kb;
    }
}
