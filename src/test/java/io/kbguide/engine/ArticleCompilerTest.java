package io.kbguide.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine is generic: a second, small article compiles and diagnoses; broken variants of it are rejected
 * with a message that names the file and the element at fault.
 */
class ArticleCompilerTest {

    static final Path FIXTURE = Path.of("src/test/resources/kb-fixtures/valid/printer-spooler");

    @TempDir
    Path temp;

    @Test
    void shouldDiagnoseASecondArticleWithTheSameEngine() {
        KbReader reader = new KbReader();
        CompiledArticle article = new ArticleCompiler().compile(reader.read(FIXTURE));
        assertEquals(3 /* two bands or unknown */ * 3 /* on, off or unknown */, article.combinations());
        List<GoldenCase> cases = reader.readGolden(FIXTURE);
        assertEquals(4, cases.size());
        cases.forEach(g -> GoldenCasesTest.check(article, g));
    }

    @Test
    void shouldNotAskAboutIsolationWhenTheDriverIsNew() {
        CompiledArticle article = new ArticleCompiler().compile(new KbReader().read(FIXTURE));
        assertEquals(List.of(), article.diagnose(Map.of("driverVersion", "2.1.0")).missingFacts());
        assertEquals(List.of("isolation"), article.diagnose(Map.of("driverVersion", "1.2.0")).missingFacts()
                .stream().map(Fact::id).toList());
    }

    @Test
    void shouldRejectAnswersOutsideTheChoicesNamingTheFactAndTheAllowedValues() {
        CompiledArticle article = new ArticleCompiler().compile(new KbReader().read(FIXTURE));
        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> article.diagnose(Map.of("isolation", "maybe", "driverVersion", "two", "colour", "red")));
        assertEquals(List.of("colour", "driverVersion", "isolation"),
                e.errors().stream().map(FactError::factId).sorted().toList());
        FactError isolation = e.errors().stream().filter(x -> x.factId().equals("isolation")).findFirst().orElseThrow();
        assertEquals("on, off, or unknown", isolation.allowed());
    }

    static Stream<Arguments> brokenArticles() {
        return Stream.of(
                Arguments.of("a table with a gap", "flow.yaml",
                        "      - id: new-driver\n        when: {driverVersion: [2.0-or-later]}",
                        "      - id: new-driver\n        when: {driverVersion: [2.0-or-later], isolation: [\"on\"]}",
                        "decision 'crashRisk' has no rule for {driverVersion=2.0-or-later, isolation=off}"),
                Arguments.of("overlapping rules", "flow.yaml",
                        "when: {driverVersion: [before-2.0], isolation: [\"on\"]}",
                        "when: {driverVersion: [before-2.0]}",
                        "rules 'old-driver-no-isolation' (line 36) and 'old-driver-isolated' (line 44) of decision 'crashRisk' both apply"),
                Arguments.of("a quote not in its section", "flow.yaml",
                        "quote: Version 2.0 fixed the crash.",
                        "quote: Version 2.0 fixed every crash.",
                        "rule 'new-driver' (line 49): the quote \"Version 2.0 fixed every crash.\" does not occur verbatim in section 'cause'"),
                Arguments.of("an unknown section", "flow.yaml",
                        "section: resolution\n            quote: Turn",
                        "section: fix\n            quote: Turn",
                        "cites section 'fix', which the article does not have"),
                Arguments.of("an article claim without a citation", "flow.yaml",
                        "        source: article\n        citations:\n          - section: cause\n            quote: Version 2.0 fixed the crash.",
                        "        source: article",
                        "rule 'new-driver' (line 49): 'source: article' needs at least one citation"),
                Arguments.of("an unknown step", "flow.yaml",
                        "          - step: enable-isolation",
                        "          - step: enable-isolatoin",
                        "unknown step 'enable-isolatoin'"),
                Arguments.of("a step never advised", "flow.yaml",
                        "steps:\n",
                        "steps:\n  - id: update-driver\n    title: Update\n    detail: Update it.\n    source: inference\n",
                        "step 'update-driver' is never advised"),
                Arguments.of("a fact never asked", "flow.yaml",
                        "decisions:",
                        "  - id: colour\n    question: Colour?\n    help: Look.\n    choices:\n      - {value: red, label: Red}\n      - {value: blue, label: Blue}\n\ndecisions:",
                        "fact 'colour' is never asked"),
                Arguments.of("a step advised outside its guard", "flow.yaml",
                        "- {driverVersion: [before-2.0]}",
                        "- {isolation: [\"on\"]}",
                        "step 'enable-isolation' would be advised for {driverVersion=before-2.0, isolation=off}, which its allowedWhen guard forbids"),
                Arguments.of("a gap between version bands", "flow.yaml",
                        "from: 2.0.0",
                        "from: 2.1.0",
                        "band 'before-2.0' must end ('to') where band '2.0-or-later' starts"),
                Arguments.of("a value that does not exist", "flow.yaml",
                        "isolation: [\"off\"]}",
                        "isolation: [\"of\"]}",
                        "rule 'old-driver-no-isolation' (line 36): 'of' is not a value of isolation (values: on, off)"),
                Arguments.of("a misspelt property", "flow.yaml",
                        "        explanation: Isolation contains",
                        "        explanaton: Isolation contains",
                        "Unrecognized field \"explanaton\""),
                Arguments.of("an unquoted YAML boolean", "flow.yaml",
                        "isolation: [\"off\"]}",
                        "isolation: [off]}",
                        "'isolation' has the YAML boolean false; quote yes and no"),
                Arguments.of("an id that is not its folder", "flow.yaml",
                        "id: printer-spooler",
                        "id: printer",
                        "article.id 'printer' must equal its folder name 'printer-spooler'"),
                Arguments.of("a heading without an anchor", "article.md",
                        "## Cause {#cause}",
                        "## Cause",
                        "heading 'Cause' needs a stable anchor such as {#cause}"),
                Arguments.of("a restart step listed by hand", "flow.yaml",
                        "          - step: enable-isolation",
                        "          - step: enable-isolation\n          - step: restart-spooler",
                        "the restart step 'restart-spooler' is added automatically"),
                Arguments.of("a finding value not declared", "flow.yaml",
                        "then: high",
                        "then: severe",
                        "'severe' is not a value of crashRisk"),
                Arguments.of("a step advised where its proof does not hold", "flow.yaml",
                        "    step: enable-isolation\n    when: {crashRisk: [high]}",
                        "    step: enable-isolation\n    when: {crashRisk: [none-known]}",
                        "proof 'isolation-only-where-it-crashes' (line 97) fails: step 'enable-isolation' is advised"),
                Arguments.of("a situation its proof says is addressed, unaddressed", "flow.yaml",
                        "    when: {crashRisk: [high]}\n    complete: true",
                        "    when: {crashRisk: [none-known]}\n    complete: true",
                        "proof 'a-crash-is-addressed' (line 100) fails: for {driverVersion=before-2.0, isolation=on} none of [enable-isolation] is advised ([])"),
                Arguments.of("a proof naming an unknown step", "flow.yaml",
                        "    requireOneOf: [enable-isolation]",
                        "    requireOneOf: [enable-isolatoin]",
                        "proof 'a-crash-is-addressed' (line 100): unknown step 'enable-isolatoin'"),
                Arguments.of("a proof naming an unknown finding", "flow.yaml",
                        "    when: {crashRisk: [high]}\n    complete: true",
                        "    when: {crashRsk: [high]}\n    complete: true",
                        "'crashRsk' is not a fact or an earlier finding"),
                Arguments.of("a missing text file", "flow.yaml",
                        "text: article.md",
                        "text: missing.md",
                        "printer-spooler/missing.md: file not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenArticles")
    void shouldRejectABrokenArticleWithAPreciseMessage(String what, String file, String from, String to,
            String expected) throws IOException {
        Path folder = copyFixture();
        Path target = folder.resolve(file);
        String text = Files.readString(target);
        String find = from;
        assertTrue(text.contains(find), what + ": the fixture no longer contains " + find);
        Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(to)));
        KbException e = assertThrows(KbException.class,
                () -> new ArticleCompiler().compile(new KbReader().read(folder)), what);
        assertTrue(e.getMessage().contains(expected), what + ": message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("printer-spooler/"), "names the file: " + e.getMessage());
    }

    @Test
    void shouldRejectAKbDirectoryWithoutArticles() {
        KbException e = assertThrows(KbException.class, () -> new KbReader().readAll(temp));
        assertTrue(e.getMessage().contains("holds no article folder"), e.getMessage());
    }

    private Path copyFixture() throws IOException {
        Path folder = temp.resolve("printer-spooler");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        return folder;
    }
}
