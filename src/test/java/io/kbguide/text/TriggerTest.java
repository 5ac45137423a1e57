package io.kbguide.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The literal prefilter of the free-text reader: what it derives, and that it never changes a result. */
class TriggerTest {

    static final Path ARTICLE = Path.of("kb/heartbeat-registry-driver");

    @Test
    void shouldTakeEveryTokenOfAPhraseFolded() {
        assertEquals(List.of("usenewapi", "is", "absent"), Trigger.ofPhrase("UseNewApi is  absent"));
        assertEquals(List.of("x86", "based", "pc"), Trigger.ofPhrase("x86-based_PC"));
    }

    @Test
    void shouldTakeTheLiteralsARegexRequiresOutsideGroups() {
        assertEquals(List.of("2000"), Trigger.ofRegex("(?<![\\w.])2000(?=\\s*(?:sp\\s*\\d|server))"));
        assertEquals(List.of("usenewapi", "to"),
                Trigger.ofRegex("\\b(?:set|sets)\\s+usenewapi\\s+to\\s+(?:0x0+|0)(?![\\w.])"));
        assertEquals(List.of("only", "/userva"), Trigger.ofRegex("\\bonly\\s+/userva(?:=\\d+)?"));
        assertEquals(List.of("no"), Trigger.ofRegex("\\bno\\s+s\\.p"), "one-character literals are not kept");
    }

    @Test
    void shouldNotTakeACharacterAQuantifierMakesOptional() {
        assertEquals(List.of("haven"), Trigger.ofRegex("\\bhaven'?t\\b"));
        assertEquals(List.of("ab"), Trigger.ofRegex("abc{0,3}"));
        assertEquals(List.of("ab"), Trigger.ofRegex("abc*"));
    }

    @Test
    void shouldGiveNoTriggerWhereNoLiteralIsCertain() {
        assertEquals(List.of(), Trigger.ofRegex("usenewapi|absent"), "alternation outside groups");
        assertEquals(List.of(), Trigger.ofRegex("(?x) use new api"), "comments mode");
        assertEquals(List.of(), Trigger.ofRegex("[abc]+\\d"), "classes and escapes only");
        assertEquals(List.of("3gb"), Trigger.ofRegex("[|]3gb"), "a | inside a class is no alternation");
    }

    @Test
    void shouldFoldAsCaseInsensitiveUnicodeMatchingDoes() {
        for (String s : List.of("SP2", "W2K3", "\u017Fp1", "\u212A", "\u0130")) {
            String folded = Trigger.fold(s);
            assertEquals(s.length(), folded.length());
            assertTrue(Pattern.compile(Pattern.quote(folded), LanguageReader.FLAGS).matcher(s).matches(), s);
        }
        assertEquals("sp1", Trigger.fold("\u017FP1"), "the long s matches s case-insensitively");
    }

    @Test
    void shouldRejectTheRegexMatchWhenTheTriggerIsAbsent() {
        List<String> triggers = Trigger.ofRegex("\\busenewapi\\b[\\s:=]*0");
        assertFalse(Trigger.all(Trigger.fold("UseNew Api = 0"), triggers));
        assertTrue(Trigger.all(Trigger.fold("USENEWAPI = 0"), triggers));
    }

    /**
     * Every corpus message, its upper-cased and its title-cased form, and every line of the article itself, read
     * with each fact asked and with none: the prefilter gives exactly what running every pattern gives.
     */
    @Test
    void shouldChangeNoExtractionOfAnyCorpusMessage() throws IOException {
        TextUnderstanding fast = TextUnderstanding.read(ARTICLE);
        TextUnderstanding slow = TextUnderstanding.readWithoutPrefilter(ARTICLE);
        List<String> texts = new ArrayList<>();
        for (String corpus : List.of("heartbeat-registry-driver.yaml", "heartbeat-registry-driver-holdout.yaml")) {
            JsonNode root = JsonMapper.builder(new YAMLFactory()).build()
                    .readTree(Path.of("src/test/resources/corpus", corpus).toFile());
            for (JsonNode c : root.get("cases")) {
                String text = c.get("text").asText();
                texts.add(text);
                texts.add(text.toUpperCase(Locale.ROOT));
                texts.add(titleCase(text));
            }
        }
        texts.addAll(Files.readAllLines(ARTICLE.resolve("article.md")));
        assertTrue(texts.size() > 700, "corpus read");
        List<String> asked = new ArrayList<>();
        asked.add(null);
        fast.article().facts().forEach(f -> asked.add(f.id()));
        int compared = 0;
        for (String text : texts) {
            for (String factId : asked) {
                assertEquals(slow.extract(text, factId), fast.extract(text, factId),
                        () -> "prefilter changed the reading of: " + text + " (asked " + factId + ")");
                compared++;
            }
        }
        assertTrue(compared > 5000, "compared " + compared);
    }

    private static String titleCase(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return sb.toString();
    }
}
