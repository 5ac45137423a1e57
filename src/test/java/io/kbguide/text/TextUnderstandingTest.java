package io.kbguide.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextUnderstandingTest {

    static TextUnderstanding tu;

    @BeforeAll
    static void load() {
        tu = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
    }

    private static Map<String, String> values(Extraction e) {
        return e.understood().stream().collect(Collectors.toMap(Understood::factId, Understood::value));
    }

    @Test
    void shouldReadSeveralFactsFromOneMessage() {
        Extraction e = tu.extract("it's a w2k3 box, SP2, no /3GB");
        assertEquals(Map.of("os", "windows-2003", "servicePack", "sp2", "threeGb", "no"), values(e));
        assertTrue(e.conflicts().isEmpty() && e.rejections().isEmpty());
    }

    @Test
    void shouldGiveTheWordsAsEvidence() {
        Extraction e = tu.extract("it's a w2k3 box, SP2, no /3GB");
        // the service pack's evidence shows the Windows version it belongs to
        assertEquals(List.of("w2k3", "w2k3 box, SP2", "no /3GB"), e.understood().stream().map(Understood::evidence)
                .toList());
    }

    @Test
    void shouldTreatRegSzAsNotZero() {
        Extraction e = tu.extract("HKEY_LOCAL_MACHINE\\Software\\Neverfail\\R2\\HookRegistryDriver\n"
                + "    UseNewApi    REG_SZ    0\n");
        assertTrue(e.understood().isEmpty(), e.toString());
        assertEquals(1, e.rejections().size());
        Rejection r = e.rejections().get(0);
        assertEquals("useNewApi", r.factId());
        assertEquals("UseNewApi    REG_SZ    0", r.evidence());
        assertTrue(r.reason().contains("REG_SZ") && r.reason().contains("not taken for a zero")
                && r.reason().contains("REG_DWORD") && r.reason().contains("inference"), r.reason());
        assertFalse(r.reason().toLowerCase(java.util.Locale.ROOT).contains("delete"), "a hint changes nothing: "
                + r.reason());
    }

    @Test
    void shouldReadAZeroDwordAsZeroAndAnyOtherDwordAsNonzero() {
        assertEquals("zero", tu.extract("    UseNewApi    REG_DWORD    0x0").valueOf("useNewApi").orElseThrow());
        assertEquals("zero", tu.extract("    UseNewApi    REG_DWORD    0x00000000").valueOf("useNewApi").orElseThrow());
        assertEquals("nonzero", tu.extract("    UseNewApi    REG_DWORD    0x10").valueOf("useNewApi").orElseThrow());
    }

    @Test
    void shouldReadTheNotFoundErrorOfTheUseNewApiQueryAsAbsent() {
        Extraction e = tu.extract("C:\\>reg query \"HKLM\\Software\\Neverfail\\R2\\HookRegistryDriver\" /v UseNewApi\n"
                + "\nERROR: The system was unable to find the specified registry key or value.\n");
        assertEquals(Map.of("useNewApi", "absent"), values(e));
    }

    @Test
    void shouldIgnoreTheNotFoundErrorOfAnotherQuery() {
        Extraction e = tu.extract("C:\\>reg query \"HKLM\\Software\\Neverfail\\R2\\Server\" /v Port\n"
                + "ERROR: The system was unable to find the specified registry key or value.\n");
        assertTrue(e.isEmpty(), e.toString());
    }

    @Test
    void shouldReportTwoServicePacksAsAConflictAndNotGuess() {
        Extraction e = tu.extract("w2k3 SP1 ... SP2");
        assertEquals(Map.of("os", "windows-2003"), values(e));
        assertEquals(1, e.conflicts().size());
        Conflict c = e.conflicts().get(0);
        assertEquals("servicePack", c.factId());
        assertEquals(List.of("sp1", "sp2"), c.candidates().stream().map(Understood::value).toList());
    }

    @Test
    void shouldNotReadAQuestionAsAnAnswer() {
        assertTrue(tu.extract("is SP1 or later enough?").isEmpty());
        assertTrue(tu.extract("does the patch work on x86?").isEmpty());
    }

    @Test
    void shouldNotReadX86FromTheProgramFilesX86Folder() {
        assertTrue(tu.extract("C:\\Program Files (x86)\\Neverfail\\R2\\bin").isEmpty());
    }

    @Test
    void shouldNotReadAYearInsideABuildOrAddress() {
        assertTrue(tu.extract("build 5.2.2003, host 10.1.2003.4").isEmpty());
    }

    @Test
    void shouldReadANegated3gbAsNo() {
        assertEquals("no", tu.extract("boot.ini doesn't have /3GB").valueOf("threeGb").orElseThrow());
        assertEquals("no", tu.extract("the 3GB switch is not set").valueOf("threeGb").orElseThrow());
        assertEquals("yes", tu.extract("the 3GB switch is set").valueOf("threeGb").orElseThrow());
    }

    @Test
    void shouldCountOnlyTheDefaultBootEntry() {
        String bootIni = """
                [boot loader]
                timeout=30
                default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS
                [operating systems]
                multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003" /fastdetect
                multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS="Windows Server 2003 /3GB" /fastdetect /3GB
                """;
        Extraction e = tu.extract(bootIni);
        assertEquals(Map.of("threeGb", "no"), values(e));
        assertTrue(e.understood().get(0).evidence().startsWith("multi(0)disk(0)rdisk(0)partition(1)"));
        assertEquals("yes", tu.extract(bootIni.replace("partition(1)\\WINDOWS\n", "partition(2)\\WINDOWS\n"))
                .valueOf("threeGb").orElseThrow());
    }

    @Test
    void shouldNotTakeUservaForThe3gbSwitch() {
        assertEquals("no", tu.extract("multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS=\"Windows\" /USERVA=3030")
                .valueOf("threeGb").orElseThrow());
    }

    @Test
    void shouldReportBootEntriesThatDisagreeWithoutADefaultAsAConflict() {
        Extraction e = tu.extract("""
                multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A" /3GB
                multi(0)disk(0)rdisk(0)partition(2)\\WINDOWS="B" /fastdetect
                """);
        assertEquals(List.of("threeGb"), e.conflicts().stream().map(Conflict::factId).toList());
    }

    @Test
    void shouldReadTheHeartbeatVersionButNotTheWindowsVersion() {
        Extraction e = tu.extract("Microsoft Windows [Version 5.2.3790], Heartbeat v5.0.3 build 123");
        // 5.2.3790 is Windows Server 2003 or 2003 R2 (the same build): not enough to tell which, so os is asked
        assertEquals(Map.of("heartbeatVersion", "5.0.3"), values(e));
        assertEquals("5.0.3.123", tu.extract("Neverfail Heartbeat 5.0.3.123").valueOf("heartbeatVersion")
                .orElseThrow());
    }

    @Test
    void shouldRecogniseX64Editions() {
        assertEquals("x64", tu.extract("OS Name:  Microsoft(R) Windows(R) Server 2003 Enterprise x64 Edition")
                .valueOf("architecture").orElseThrow());
        assertEquals("other", tu.extract("OS Name:  Microsoft Windows XP Professional x64 Edition")
                .valueOf("os").orElseThrow());
    }

    @Test
    void shouldReadBuildWithoutServicePackAsNone() {
        assertEquals("none", tu.extract("OS Version:   5.2.3790 Build 3790").valueOf("servicePack").orElseThrow());
    }

    @Test
    void shouldReadABareAnswerAgainstTheCurrentQuestionOnly() {
        assertEquals(Map.of("threeGb", "no"), values(tu.extract("no", "threeGb")));
        assertEquals(Map.of("servicePack", "sp1"), values(tu.extract("1", "servicePack")));
        assertEquals(Map.of("useNewApi", "zero"), values(tu.extract("0", "useNewApi")));
        assertTrue(tu.extract("no").isEmpty());
        assertTrue(tu.extract("1").isEmpty());
    }

    @Test
    void shouldPreferR2OverPlainServer2003() {
        assertEquals("windows-2003-r2", tu.extract("Windows Server 2003 R2 Enterprise").valueOf("os").orElseThrow());
        assertTrue(tu.extract("w2k3, the R2 release").conflicts().isEmpty());
        assertEquals(Map.of("os", "windows-2003-r2", "architecture", "x86"),
                values(tu.extract("Win2003 Standard R2, 32 bit")), "an edition between 2003 and R2");
    }

    @Test
    void shouldConsumeTheWholeSysteminfoOutputIncludingItsOneSpaceField() {
        // systeminfo aligns values at column 27: a 25-letter key leaves one space; the lines after it
        // (a domain named after an old server) belong to the output, not to typed text.
        String paste = """
                OS Name:                   Microsoft Windows 2000 Advanced Server
                OS Version:                5.0.2195 Service Pack 4 Build 2195
                System Type:               X86-based PC
                Total Physical Memory:     3,583 MB
                Available Physical Memory: 2,811 MB
                Domain:                    server2003.contoso.local
                Logon Server:              \\SRV2003
                """;
        Extraction e = tu.extract(paste);
        assertEquals(Map.of("os", "windows-2000", "architecture", "x86"), values(e));
        assertTrue(e.conflicts().isEmpty(), e.toString());
    }

    @Test
    void shouldAskAboutHedgedMentionsAndDropFutureOnes() {
        Extraction hedged = tu.extract("it's a w2k3 box, not sure if it's SP2");
        assertEquals(Map.of("os", "windows-2003"), values(hedged));
        assertEquals(List.of("servicePack"), hedged.unclear().stream().map(Unclear::factId).toList());
        assertEquals(Doubt.HEDGED, hedged.unclear().get(0).doubt());
        assertEquals("sp2", hedged.unclear().get(0).value());
        assertTrue(tu.extract("we will install SP2 next week").isEmpty());
    }

    @Test
    void shouldRejectAnUnknownCurrentFact() {
        assertThrows(IllegalArgumentException.class, () -> tu.extract("no", "colour"));
    }

    @Test
    void shouldReturnNothingForBlankText() {
        assertTrue(tu.extract("   ").isEmpty());
        assertTrue(tu.extract(null).isEmpty());
    }

    @Test
    void shouldRefuseALanguageOfAnotherArticle() {
        var article = tu.article();
        var other = new io.kbguide.engine.Article("other", "t", "1", "other", article.sections(), article.facts(),
                article.constraints(), article.decisions(), article.steps(), article.proofs(), article.headlines(), null, List.of());
        Language language = new LanguageReader().read(Path.of("kb/heartbeat-registry-driver"), article);
        assertThrows(IllegalArgumentException.class, () -> TextUnderstanding.forArticle(other, language));
    }

    @Test
    void shouldTakeAPartialVersionWithinOneBandAndAskForTheFullOneOtherwise() {
        assertEquals("6.1.x", tu.extract("we run Heartbeat 6.1 on both nodes").valueOf("heartbeatVersion")
                .orElseThrow());
        assertEquals("6.2.x", tu.extract("Neverfail Heartbeat v6.2.x").valueOf("heartbeatVersion").orElseThrow());
        // 5.1 may be 5.1.0 (the leaking code) or 5.1.1 and later (not stated): the full version is asked for
        Extraction spanning = tu.extract("Neverfail Heartbeat 5.1");
        assertTrue(spanning.understood().isEmpty(), spanning.toString());
        assertEquals(List.of("heartbeatVersion"), spanning.rejections().stream().map(Rejection::factId).toList());
    }
}
