package io.kbguide.text;

import io.kbguide.engine.Article;
import io.kbguide.engine.KbException;
import io.kbguide.engine.KbReader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageReaderTest {

    static final Path ARTICLE = Path.of("kb/heartbeat-registry-driver");
    static Article article;

    @BeforeAll
    static void readArticle() {
        article = new KbReader().read(ARTICLE);
    }

    private static KbException readBroken(String name) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/broken-language", name), StandardCharsets.UTF_8);
        return assertThrows(KbException.class,
                () -> new LanguageReader().parse("broken-language/" + name, text, article));
    }

    private static void assertMentions(KbException e, String... parts) {
        assertTrue(e.getMessage().startsWith(e.file() + ": "), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void shouldReadTheSeedArticlesLanguage() {
        Language language = new LanguageReader().read(ARTICLE, article);
        assertEquals("heartbeat-registry-driver/language.yaml", language.file());
        assertEquals(article.id(), language.articleId());
        assertTrue(language.facts().size() >= 6);
    }

    @Test
    void shouldNameTheFileAndFactForAnUnknownFact() throws IOException {
        KbException e = readBroken("unknown-fact.yaml");
        assertEquals("broken-language/unknown-fact.yaml", e.file());
        assertMentions(e, "facts.osVersion", "unknown fact 'osVersion'");
    }

    @Test
    void shouldNameTheFactAndValueForAnUnknownValue() throws IOException {
        assertMentions(readBroken("unknown-value.yaml"), "facts.servicePack.values.sp3", "unknown value 'sp3'",
                "none, sp1, sp2");
    }

    @Test
    void shouldNameTheEntryOfABadRegex() throws IOException {
        assertMentions(readBroken("bad-regex.yaml"), "facts.os.values.windows-2003.patterns[1]", "'w2k(3'",
                "not a valid regular expression");
    }

    @Test
    void shouldRejectAnUnknownKey() throws IOException {
        assertMentions(readBroken("unknown-key.yaml"), "facts.threeGb.values.yes.phrase", "unknown key 'phrase'");
    }

    @Test
    void shouldRefuseListedValuesForAVersionFact() throws IOException {
        assertMentions(readBroken("version-fact-values.yaml"), "facts.heartbeatVersion.values", "version fact");
    }

    @Test
    void shouldExplainAnUnquotedNo() throws IOException {
        assertMentions(readBroken("unquoted-no.yaml"), "facts.threeGb.negated.yes", "unknown value 'false'",
                "quote \"yes\" and \"no\"");
    }

    @Test
    void shouldCheckExtractorRulesAgainstTheArticle() throws IOException {
        assertMentions(readBroken("extractor-unknown-value.yaml"), "extractors.systeminfo[0].rules[0].set.os",
                "unknown value 'windows-2003-sp1'");
    }

    @Test
    void shouldRefuseAVersionFactForARegistryValue() throws IOException {
        assertMentions(readBroken("registry-version-fact.yaml"), "extractors.registry[0].fact",
                "'heartbeatVersion' is a version fact");
    }

    @Test
    void shouldNameTheCueOfABadRegex() throws IOException {
        assertMentions(readBroken("bad-cue-regex.yaml"), "cues.negations[1]", "'[unclosed'");
    }

    @Test
    void shouldRequireTheWordsForEveryDoubt() throws IOException {
        assertMentions(readBroken("missing-doubt.yaml"), "doubts", "missing the words for doubt 'several-servers'");
    }

    @Test
    void shouldNameAnUnknownDoubt() throws IOException {
        assertMentions(readBroken("unknown-doubt.yaml"), "facts.leakPatch.doubts[0].doubt", "unknown doubt 'guessed'");
    }

    @Test
    void shouldCheckAnAttributionAgainstTheOwnerFactsValues() throws IOException {
        assertMentions(readBroken("attribution-unknown-value.yaml"), "facts.servicePack.attribution.ownerValues",
                "unknown value 'windows-2003-sp2'");
    }

    @Test
    void shouldReportTheLineOfInvalidYaml() throws IOException {
        assertMentions(readBroken("not-yaml.yaml"), "not valid YAML at line");
    }

    @Test
    void shouldRefuseAPatternThatMatchesNothingAtAll() throws IOException {
        assertMentions(readBroken("empty-matching-pattern.yaml"), "facts.architecture.values.x86.patterns[0]",
                "matches the empty text");
    }

    @Test
    void shouldSayWhenTheLanguageFileIsMissing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("some-article"));
        KbException e = assertThrows(KbException.class, () -> new LanguageReader().read(folder, article));
        assertEquals("some-article/language.yaml", e.file());
        assertMentions(e, "does not exist");
    }

    @Test
    void shouldRefuseALanguageFileNamingAnotherArticle() {
        KbException e = assertThrows(KbException.class, () -> new LanguageReader().parse("x/language.yaml",
                "article: another-article\ncues: {}\nfacts: {}\n", article));
        assertMentions(e, "article", "another-article");
    }

    @Test
    void shouldCompilePhrasesWithFlexibleSeparatorsAndWordBoundaries() {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(LanguageReader.phraseRegex("sp 2"),
                LanguageReader.FLAGS);
        assertTrue(p.matcher("SP2").find());
        assertTrue(p.matcher("sp-2").find());
        assertTrue(p.matcher("on Sp 2 now").find());
        assertTrue(!p.matcher("sp20").find());
        java.util.regex.Pattern year = java.util.regex.Pattern.compile(LanguageReader.phraseRegex("2003"),
                LanguageReader.FLAGS);
        assertTrue(year.matcher("2003 box").find());
        assertTrue(!year.matcher("5.2.2003").find());
        assertTrue(!year.matcher("12003").find());
        assertTrue(!year.matcher("2003.1").find());
    }
}
