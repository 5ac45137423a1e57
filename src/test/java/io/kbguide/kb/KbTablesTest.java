package io.kbguide.kb;

import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.ArticleCompiler;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Diagnosis;
import io.kbguide.engine.KbException;
import io.kbguide.engine.KbReader;
import io.kbguide.engine.StoredTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables stored when the application is built are used only for the very kb they were built from, and then
 * give exactly what verifying and compiling it gives; any other kb, or a damaged file, is verified in full.
 */
class KbTablesTest {

    static final Path KB = Path.of("kb").toAbsolutePath();
    static final Path FIXTURES = Path.of("src/test/resources/kb-fixtures/valid").toAbsolutePath();

    @Test
    void shouldLoadTheStoredTablesOfTheShippedKbAndGiveWhatAFreshCompileGives() {
        StoredTables stored = KbTables.stored().orElseThrow(() -> new AssertionError(
                "no " + KbTables.RESOURCE + " on the class path: the build's process-classes phase makes it"));
        assertEquals(KbTables.hash(KB), stored.kbHash(), "the build stored the tables of this very kb/");

        KbLoader.Kb kb = KbLoader.load(KB);
        assertTrue(kb.precomputed(), kb.why());
        assertTrue(KbLoader.summary(kb, KB, 5).contains("loaded precomputed tables (hash "
                + stored.kbHash().substring(0, 12)), KbLoader.summary(kb, KB, 5));
        for (KnowledgeBaseEntry entry : kb.entries().values()) {
            CompiledArticle loaded = entry.article();
            CompiledArticle fresh = new ArticleCompiler().compile(new KbReader().read(KB.resolve(loaded.id())));
            assertSameDiagnoses(fresh, loaded);
        }
    }

    @Test
    void shouldBuildTextUnderstandingAndSearchWhenFirstNeededOnlyForTheKbTheBuildLoaded(@TempDir Path copy)
            throws IOException {
        KnowledgeBaseEntry deferred = KbLoader.load(KB).entries().get("heartbeat-registry-driver");
        assertFalse(deferred.text().built() || deferred.sentences().built(), "the build loaded them: deferred");
        assertTrue(deferred.understanding().orElseThrow().extract("it is x64").understood().stream()
                .anyMatch(u -> u.factId().equals("architecture") && u.value().equals("x64")));
        assertEquals("quoted", deferred.search().answer("what is the /3GB switch?", "what is the /3GB switch?")
                .kind());
        assertTrue(deferred.text().built() && deferred.sentences().built());

        KbCopy.tree(KB, copy);
        Path language = copy.resolve("heartbeat-registry-driver/language.yaml");
        Files.writeString(language, Files.readString(language) + "\n# edited\n");
        KnowledgeBaseEntry now = KbLoader.load(copy).entries().get("heartbeat-registry-driver");
        assertTrue(now.text().built() && now.sentences().built(), "another kb: built and checked at once");
    }

    @Test
    void shouldRefuseADefectiveLanguageFileAtStartWhenTheKbDiffersFromTheBuilds(@TempDir Path copy)
            throws IOException {
        KbCopy.tree(KB, copy);
        Path language = copy.resolve("heartbeat-registry-driver/language.yaml");
        Files.writeString(language, Files.readString(language) + "\nno-such-section: {}\n");
        String verified = assertThrows(RuntimeException.class, () -> KbLoader.verifyAll(copy, (e, ms) -> { }))
                .getMessage();
        assertEquals(verified, assertThrows(RuntimeException.class, () -> KbLoader.load(copy)).getMessage());
    }

    @Test
    void shouldStoreAndRestoreTheTablesOfAnotherArticleExactly() {
        for (var article : new KbReader().readAll(FIXTURES)) {
            CompiledArticle fresh = new ArticleCompiler().compile(article);
            StoredTables stored = StoredTables.read(StoredTables.write("h", List.of(fresh))).orElseThrow();
            assertSameDiagnoses(fresh, stored.restore(article));
        }
    }

    @Test
    void shouldVerifyInFullAKbEditedByOneByteAndRefuseItWithTheVerifiersMessage(@TempDir Path copy)
            throws IOException {
        KbCopy.tree(KB, copy);
        Path text = copy.resolve("heartbeat-registry-driver/article.md");
        String original = Files.readString(text);
        // one byte: a quote of the flow no longer occurs in its section
        String edited = original.replace("it is preferable to remove", "it is preferible to remove");
        assertEquals(original.length(), edited.length());
        assertNotEquals(original, edited);
        Files.writeString(text, edited);
        assertTrue(KbTables.stored().isPresent(), "the tables of kb/ are there, and must not be used");

        String verified = assertThrows(KbException.class, () -> KbLoader.verifyAll(copy, (e, ms) -> { }))
                .getMessage();
        String atStart = assertThrows(KbException.class, () -> KbLoader.load(copy)).getMessage();
        assertEquals(verified, atStart);
        assertTrue(atStart.contains("does not occur verbatim"), atStart);
    }

    @Test
    void shouldVerifyInFullAKbWithAnyOtherHashAndSaySo(@TempDir Path copy) throws IOException {
        KbCopy.tree(KB, copy);
        Path flow = copy.resolve("heartbeat-registry-driver/flow.yaml");
        Files.writeString(flow, Files.readString(flow) + "\n# edited without a rebuild\n");

        KbLoader.Kb kb = KbLoader.load(copy);
        assertFalse(kb.precomputed());
        assertNotEquals(KbTables.stored().orElseThrow().kbHash(), kb.hash());
        String summary = KbLoader.summary(kb, copy, 5);
        assertTrue(summary.startsWith("Loaded and verified 1 article(s) from ") && summary.contains(
                "(verified: the kb differs from the one the precomputed tables were built from (hash "), summary);
    }

    @Test
    void shouldFindATableDefectInAKbEditedAfterItsTablesWereStored(@TempDir Path copy) throws IOException {
        KbCopy.tree(FIXTURES, copy);
        List<CompiledArticle> compiled = KbLoader.verifyAll(copy, (e, ms) -> { }).entries().values().stream()
                .map(KnowledgeBaseEntry::article).toList();
        Optional<StoredTables> stored = StoredTables.read(StoredTables.write(KbTables.hash(copy), compiled));
        assertTrue(KbLoader.load(copy, stored).precomputed(), "the tables of this very kb are used");

        // old-driver-isolated now overlaps old-driver-no-isolation: only evaluating every combination finds it
        Path flow = copy.resolve("printer-spooler/flow.yaml");
        String text = Files.readString(flow);
        String overlapping = text.replace("when: {driverVersion: [before-2.0], isolation: [\"on\"]}",
                "when: {driverVersion: [before-2.0], isolation: [\"on\", \"off\"]}");
        assertNotEquals(text, overlapping);
        Files.writeString(flow, overlapping);

        String message = assertThrows(KbException.class, () -> KbLoader.load(copy, stored)).getMessage();
        assertTrue(message.contains("rules 'old-driver-no-isolation' (line ") && message.contains(
                "both apply to"), message);
        assertEquals(assertThrows(KbException.class, () -> KbLoader.verifyAll(copy, (e, ms) -> { })).getMessage(),
                message);
    }

    @Test
    void shouldRefuseATruncatedOrDamagedFileAndVerifyInFull() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KbTables.RESOURCE)) {
            file = in.readAllBytes();
        }
        assertTrue(StoredTables.read(file).isPresent());
        for (int length = 0; length < file.length; length += Math.max(1, file.length / 200)) {
            assertTrue(StoredTables.read(Arrays.copyOf(file, length)).isEmpty(), "truncated to " + length);
        }
        for (int at = 0; at < file.length; at += Math.max(1, file.length / 200)) {
            byte[] damaged = file.clone();
            damaged[at] ^= 0x10;
            assertTrue(StoredTables.read(damaged).isEmpty(), "damaged at " + at);
        }
        byte[] truncated = Arrays.copyOf(file, file.length / 2);
        KbLoader.Kb kb = KbLoader.load(KB, StoredTables.read(truncated));
        assertFalse(kb.precomputed());
        assertTrue(KbLoader.summary(kb, KB, 5).contains("(verified: no precomputed tables; hash "),
                KbLoader.summary(kb, KB, 5));
    }

    @Test
    void shouldVerifyInFullWhenTablesWithTheRightHashDoNotFitTheArticles() {
        // readable tables, with the kb's hash, of other articles: as a file from another build might be
        List<CompiledArticle> others = KbLoader.verifyAll(FIXTURES, (e, ms) -> { }).entries().values().stream()
                .map(KnowledgeBaseEntry::article).toList();
        KbLoader.Kb kb = KbLoader.load(KB, StoredTables.read(StoredTables.write(KbTables.hash(KB), others)));
        assertFalse(kb.precomputed());
        assertTrue(kb.why().startsWith("the precomputed tables do not fit the kb"), kb.why());
    }

    /** For every combination the same diagnosis (or the same contradiction), part by part. */
    static void assertSameDiagnoses(CompiledArticle expected, CompiledArticle actual) {
        assertEquals(expected.combinations(), actual.combinations());
        assertEquals(expected.distinctDiagnoses(), actual.distinctDiagnoses());
        int[] codes = new int[expected.article().facts().size()];
        for (int index = 0; index < expected.combinations(); index++) {
            expected.codesOf(index, codes);
            assertEquals(expected.combination(codes), index);
            assertEquals(expected.contradicts(codes), actual.contradicts(codes), "combination " + index);
            if (expected.contradicts(codes)) {
                continue;
            }
            Diagnosis e = expected.diagnose(codes);
            Diagnosis a = actual.diagnose(codes);
            assertEquals(List.copyOf(e.findings().entrySet()), List.copyOf(a.findings().entrySet()));
            assertEquals(e.remediation(), a.remediation());
            assertEquals(e.notes(), a.notes());
            assertEquals(e.missing().toString(), a.missing().toString());
            assertEquals(e.missing(), a.missing());
            assertEquals(e.citations(), a.citations());
            assertEquals(e.summary(), a.summary());
        }
        assertTrue(expected.sameTablesAs(actual));
    }
}
