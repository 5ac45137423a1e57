package io.kbguide.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Structure before prose, and what is not the server's present state: a fact's name in a label, a heading or an
 * unticked checkbox is never a value; an empty or "n/a" field is no answer; a sentence in a language the reader
 * has no pack for gives nothing; quoted older e-mail text and the article's own sentences are not facts; the 32-bit
 * view of the registry is another key. Written for the mechanisms, apart from the held-out sets.
 */
class StructureAndScopeTest {

    static TextUnderstanding tu;

    @BeforeAll
    static void load() {
        tu = TextUnderstanding.read(Path.of("kb/heartbeat-registry-driver"));
    }

    static Map<String, String> read(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        tu.extract(text).understood().forEach(u -> out.put(u.factId(), u.value()));
        return out;
    }

    @Test
    void shouldReadAFormFieldAsTheAnswerOfTheFactItsLabelNames() {
        assertEquals(Map.of("threeGb", "no", "servicePack", "sp1"),
                read("Boot switch /3GB: no\nService Pack = 1"));
        assertEquals(Map.of("os", "windows-2003"), read("Server OS: Windows Server 2003 Enterprise\n/3GB switch:"));
        assertEquals(Map.of(), read("/3GB switch: n/a\nService pack: TBD\nUseNewApi: <value>"));
        assertEquals(Map.of(), read("/3GB in boot.ini (yes/no):   \nLeak patch: ?"));
        assertEquals(Map.of("heartbeatVersion", "5.0.1"), read("Heartbeat version: 5.0.1"));
    }

    @Test
    void shouldNeverTakeAHeadingAnUntickedBoxOrATableOfServersForAValue() {
        assertEquals(Map.of(), read("## /3GB switch\n### Leak patch"));
        assertEquals(Map.of("os", "windows-2003", "servicePack", "sp2"),
                read("- [ ] /3GB switch\n- [x] Windows Server 2003 SP2"));
        assertEquals(Map.of("threeGb", "yes"), read("| setting | value |\n|---|---|\n| /3GB switch | yes |"));
        assertEquals(Map.of(), read("| | node A | node B |\n|---|---|---|\n| /3GB | yes | no |"));
    }

    @Test
    void shouldReadNothingFromASentenceInALanguageItHasNoPackFor() {
        assertEquals(Map.of(), read("Il server parte senza /3GB."));
        assertEquals(Map.of(), read("De server start zonder /3GB."));
        assertEquals(Map.of(), read("O servidor inicia sem /3GB."));
        // English beside it is still read
        assertEquals(Map.of("os", "windows-2003"), read("It is Windows Server 2003. Non abbiamo /3GB."));
    }

    @Test
    void shouldReadGermanFrenchAndSpanishThroughTheirPacksWithThePersonsOwnWordsAsEvidence() {
        assertEquals(Map.of("threeGb", "no"), read("Der Server startet ohne /3GB."));
        assertEquals(Map.of("threeGb", "no"), read("Le commutateur /3GB n'est pas dans boot.ini."));
        assertEquals(Map.of("threeGb", "no"), read("El servidor arranca sin /3GB."));
        assertEquals(Map.of("os", "windows-2003", "servicePack", "none", "useNewApi", "absent"),
                read("Windows 2003 ohne Service Pack. UseNewApi gibt es nicht."));
        assertEquals(Map.of("leakPatch", "not-installed"), read("Le correctif n'est pas encore installé."));
        assertEquals(Map.of("useNewApi", "zero"), read("UseNewApi está puesto a 0."));
        Extraction x = tu.extract("Wir haben kein /3GB.");
        assertEquals("kein /3GB", x.understood().get(0).evidence());
        // a future in the language is the future ("will be removed" says nothing about now)
        assertEquals(Map.of(), read("Nous allons installer le correctif demain."));
        assertEquals(Map.of(), read("Vielleicht ist der Patch installiert."));
    }

    @Test
    void shouldReadNothingFromAClauseWithAWordItsPackDoesNotKnowAndSaySo() {
        // "schwerlich" (hardly) is a negation the pack does not list: /3GB is not taken as set
        Extraction x = tu.extract("Wir haben /3GB schwerlich gesetzt. Windows 2003.");
        assertFalse(x.valueOf("threeGb").isPresent());
        assertEquals("windows-2003", x.valueOf("os").orElse(null));
        assertTrue(x.ignored().stream().anyMatch(g -> g.why() == Skip.UNKNOWN_WORDS && g.text().contains(
                "schwerlich") && g.words().contains("German")), x.ignored().toString());
        // one foreign-looking word does not make an English sentence foreign
        assertEquals(Map.of("threeGb", "yes"), read("/3GB is present on the default entry."));
    }

    @Test
    void shouldTakeQuotedOlderMailAndTheArticlesOwnWordsForWhatTheyAre() {
        assertEquals(Map.of("useNewApi", "absent"), read("UseNewApi is not there at all.\n\nOn Mon, 4 May 2009,"
                + " Ann Smith wrote:\n> UseNewApi is 0 and we run SP1"));
        assertEquals(Map.of("useNewApi", "absent"), read("UseNewApi is not there at all.\n> we have /3GB"));
        Map<String, String> quoted = read("Your article says \"If the Windows version is before Windows 2003 then the"
                + " hookers are used and the registry value is not considered.\" Ours is x86.");
        assertEquals(Map.of("architecture", "x86"), quoted);
        // pasted from the article without quotation marks
        assertEquals(Map.of("heartbeatVersion", "5.0.2"), read("Heartbeat 5.0.2 here. When a customer has Windows 2003"
                + " NO SP, installs Heartbeat, and later installs SP1: the driver continues to use the hookers instead"
                + " of the callbacks due to the presence of registry value UseNewApi with data value zero."));
    }

    @Test
    void shouldNotTakeThe32BitViewOfTheRegistryForTheDriversKey() {
        assertEquals(Map.of(), read("HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Neverfail\\R2\\HookRegistryDriver\n"
                + "    UseNewApi    REG_DWORD    0x0"));
        assertEquals(Map.of("useNewApi", "zero"), read("HKEY_LOCAL_MACHINE\\SOFTWARE\\Neverfail\\R2\\HookRegistryDriver\n"
                + "    UseNewApi    REG_DWORD    0x0"));
    }

    @Test
    void shouldReadAFactFromTheFieldToolOutputPutsItIn() {
        // wmic table output: R2 and the service pack have columns of their own
        String row = "%-53s%-16s%s";
        assertEquals(Map.of("os", "windows-2003-r2", "servicePack", "sp1"), read(
                String.format(row, "Caption", "CSDVersion", "OtherTypeDescription") + "\n"
                        + String.format(row, "Microsoft(R) Windows(R) Server 2003, Web Edition", "Service Pack 1",
                        "R2")));
        // without the R2 column, 2003 and R2 cannot be told: asked
        assertFalse(read(String.format(row, "Caption", "CSDVersion", "") + "\n" + String.format(row,
                "Microsoft(R) Windows(R) Server 2003, Web Edition", "Service Pack 1", "")).containsKey("os"));
        // msinfo32's tab-separated lines
        assertEquals("windows-2003-r2", read("OS Name\tMicrosoft(R) Windows(R) Server 2003, Web Edition\n"
                + "Other OS Description \tR2\nSystem Type\tX86-based PC").get("os"));
        // a value the console wrapped onto the next line
        assertEquals("windows-2003-r2", read("OS Name:                   Microsoft(R) Windows(R) Server 2003 Web\n"
                + " Edition R2\nOS Version:                5.2.3790 Service Pack 2 Build 3790").get("os"));
    }

    @Test
    void shouldNotTakeWhatOneSentenceSaysOfOneNodeForTheServer() {
        assertFalse(read("SP2 on node A. Node B is still on SP1.").containsKey("servicePack"));
        assertEquals(Map.of("os", "windows-2003", "servicePack", "sp2"), read("Both nodes run Windows Server 2003"
                + " SP2."));
    }

    @Test
    void shouldSayWhatPartOfTheMessageItDidNotUseAndWhy() {
        Extraction x = tu.extract("## /3GB switch\nService pack: n/a\nNon abbiamo /3GB.\nIt is Windows Server"
                + " 2003.\n> UseNewApi is 0");
        Map<Skip, String> why = new LinkedHashMap<>();
        x.ignored().forEach(g -> why.put(g.why(), g.text()));
        assertEquals(Map.of(Skip.HEADING, "## /3GB switch", Skip.EMPTY_FIELD, "Service pack: n/a",
                Skip.FOREIGN, "Non abbiamo /3GB.", Skip.QUOTED_HISTORY, "UseNewApi is 0"), why);
        assertFalse(x.ignored().stream().anyMatch(g -> g.words() == null || g.words().isBlank()));
        assertEquals(Map.of("os", "windows-2003"), read("## /3GB switch\nService pack: n/a\nNon abbiamo /3GB.\n"
                + "It is Windows Server 2003.\n> UseNewApi is 0"));
    }

    @Test
    void shouldReadFieldsByTheirLabelsWhateverTheSeparator() {
        assertEquals(Map.of("threeGb", "no", "leakPatch", "installed"),
                read("three_gb = false\nleak_patch = yes"));
        assertEquals(Map.of("servicePack", "sp1"), read("Windows Server 2003, details follow\nService pack ........ 1")
                .entrySet().stream().filter(e -> e.getKey().equals("servicePack"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(Map.of("useNewApi", "absent"), read("UseNewApi? Not present"));
        // three dots are an ellipsis, not a leader: the values on both sides stay
        assertEquals("windows-2003", read("w2k3 SP1 ... SP2").get("os"));
    }

    @Test
    void shouldReadAValueThatEndsASentence() {
        assertEquals(Map.of("useNewApi", "nonzero"), read("UseNewApi is 1."));
        assertEquals(Map.of("useNewApi", "zero"), read("UseNewApi is 0. The server restarted since."));
        assertEquals(Map.of(), read("UseNewApi is 1.5"));
    }

    @Test
    void shouldTakeWhatIsOnlyPlannedForTheFuture() {
        Map<String, String> r = read("Windows Server 2003 SP1 today; the SP2 rollout is planned for next quarter.");
        assertEquals("sp1", r.get("servicePack"), r.toString());
        assertEquals(Map.of("os", "windows-2000"), read("Windows 2000 now, migrating to Windows Server 2003 later."));
    }

    @Test
    void shouldLetTheLaterOfTwoStatementsWinWhereTheMessageCorrectsItself() {
        Extraction x = tu.extract("Windows Server 2003 SP1, sorry, I meant SP2.");
        assertEquals("sp2", x.valueOf("servicePack").orElse(null), x.toString());
        assertEquals(java.util.List.of(Skip.CORRECTED), x.ignored().stream().map(Ignored::why).toList());
        // without a correction, two values are asked, never picked
        assertFalse(tu.extract("Windows Server 2003 SP1 and SP2").valueOf("servicePack").isPresent());
    }

    @Test
    void shouldTakeTheVersionAProductWentTo() {
        assertEquals(Map.of("heartbeatVersion", "5.0.3"), read("Last week we upgraded Heartbeat from 5.0.1 to 5.0.3."));
        assertEquals(Map.of("heartbeatVersion", "5.0.1"), read("Heartbeat was rolled back from 5.0.3 to 5.0.1."));
        assertEquals(Map.of(), read("We are upgrading Heartbeat from 5.0.1 to 5.0.3 next week."));
    }

    @Test
    void shouldTakeYesAndNoOfGermanFrenchAndSpanishAsTheAnswerToTheQuestionAsked() {
        assertEquals("no", tu.extract("Nein.", "threeGb").valueOf("threeGb").orElse(null));
        assertEquals("yes", tu.extract("sí, lo tiene", "threeGb").valueOf("threeGb").orElse(null));
        assertEquals("installed", tu.extract("oui", "leakPatch").valueOf("leakPatch").orElse(null));
        assertEquals("none", tu.extract("aucune", "servicePack").valueOf("servicePack").orElse(null));
        // outside the question a sentence in those languages is read through its pack
        assertEquals("no", tu.extract("Nein, /3GB ist nicht gesetzt.").valueOf("threeGb").orElse(null));
    }

    @Test
    void shouldReadACommaSeparatedHeaderAndItsOneRow() {
        assertEquals(Map.of("os", "windows-2003", "servicePack", "sp1", "threeGb", "no"),
                read("server,os,service pack,3gb\nNODE7,Windows Server 2003,SP1,no"));
        // a row per server: not read
        assertEquals(Map.of(), read("server,service pack,3gb\nNODE7,SP1,no\nNODE8,SP2,yes"));
    }
}
