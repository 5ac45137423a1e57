package io.kbguide.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.Article;
import io.kbguide.kb.KbLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Held-out questions and first messages (issue 26), written blind by someone who had not seen the search, the
 * routing or the synonyms: the questions the article answers, with the sections that answer them; questions it
 * does not answer; first messages with the article they are about (or several, or none). Set A was run first before
 * any tuning to it, then used to find general faults; set B, written later by another helper, was run once at the
 * end, blind. Scores are printed; {@code -Dheldout.show=true} prints every miss. Asserted: the levels reached (see
 * docs/questions.md; issue 26 asks 90 % right section and 90 % "does not say"), and that no first message ever
 * starts another article's conversation.
 */
class HeldOutQuestionsTest {

    static final Path KB = Path.of("kb");
    static final Path FIXTURES = Path.of("src/test/resources/kb-fixtures/valid");
    static final boolean SHOW = Boolean.getBoolean("heldout.show");

    static Map<String, KnowledgeBaseEntry> entries = new LinkedHashMap<>();
    static Map<String, ArticleSearch> searches = new LinkedHashMap<>();
    static Synonyms synonyms;

    @BeforeAll
    static void load() {
        synonyms = Synonyms.read(KB);
        entries.putAll(KbLoader.loadAll(KB.toAbsolutePath()));
        entries.putAll(KbLoader.loadAll(FIXTURES.toAbsolutePath()));
        entries.forEach((id, e) -> searches.put(id, ArticleSearch.of(e.article().article(), synonyms)));
    }

    static String english(String articleId, String text) {
        return entries.get(articleId).understanding().map(u -> u.inEnglish(text)).orElse(text);
    }

    /** What one set scored. */
    record Score(int answerable, int firstStrict, int firstLenient, int unanswerable, int notSaid, int routing,
            int routed, int wrongArticle) {
    }

    static Score score(String file, List<String> routedArticles) throws IOException {
        JsonNode set = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(
                "src/test/resources/heldout", file)));
        int strict = 0;
        int lenient = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode q : set.path("answerable")) {
            String article = q.path("article").asText();
            List<String> sections = new ArrayList<>();
            q.path("sections").forEach(s -> sections.add(s.asText()));
            KbAnswer answer = searches.get(article).answer(q.path("text").asText(),
                    english(article, q.path("text").asText()));
            String found = answer instanceof KbAnswer.Quoted quoted ? quoted.anchor() : "-";
            strict += found.equals(sections.get(0)) ? 1 : 0;
            if (sections.contains(found)) {
                lenient++;
            } else {
                misses.add("ANSWERABLE " + q.path("id").asText() + ": " + q.path("text").asText() + " -> " + found
                        + " (expected " + sections + ")");
            }
        }
        int notSaid = 0;
        for (JsonNode q : set.path("unanswerable")) {
            String article = q.path("article").asText();
            KbAnswer answer = searches.get(article).answer(q.path("text").asText(),
                    english(article, q.path("text").asText()));
            if (answer instanceof KbAnswer.NotSaid) {
                notSaid++;
            } else {
                misses.add("UNANSWERABLE " + q.path("id").asText() + ": " + q.path("text").asText() + " -> "
                        + ((KbAnswer.Quoted) answer).anchor() + " " + ((KbAnswer.Quoted) answer).quotes());
            }
        }
        List<Article> articles = routedArticles.stream().map(id -> entries.get(id).article().article()).toList();
        ArticleRouter router = ArticleRouter.of(articles, synonyms);
        int routed = 0;
        int wrongArticle = 0;
        int routing = 0;
        for (JsonNode r : set.path("routing")) {
            String expect = r.path("expect").asText();
            String text = r.path("text").asText();
            ArticleRouter.Route route = router.route(english("heartbeat-registry-driver", text));
            String got = route instanceof ArticleRouter.One one ? one.articleId()
                    : route instanceof ArticleRouter.Several ? "several" : "none";
            routing++;
            if (got.equals(expect)) {
                routed++;
            } else {
                if (!List.of("several", "none").contains(got) && !expect.equals("several")) {
                    wrongArticle++;
                }
                misses.add("ROUTING " + r.path("id").asText() + ": " + text + " -> " + got + " (expected " + expect
                        + ")");
            }
        }
        Score score = new Score(set.path("answerable").size(), strict, lenient, set.path("unanswerable").size(),
                notSaid, routing, routed, wrongArticle);
        System.out.printf("%s: right section first %d/%d (%.3f; the first listed section %.3f), does not say %d/%d"
                + " (%.3f), routing %d/%d (%.3f), started the wrong article %d%n", file, lenient, score.answerable(),
                (double) lenient / score.answerable(), (double) strict / score.answerable(), notSaid,
                score.unanswerable(), (double) notSaid / score.unanswerable(), routed, routing,
                (double) routed / routing, wrongArticle);
        if (SHOW) {
            misses.forEach(System.out::println);
        }
        return score;
    }

    @ParameterizedTest
    @ValueSource(strings = {"kb-questions-heldout-a.yaml", "kb-questions-heldout-b.yaml"})
    void shouldAnswerFromTheRightSectionOrSayTheArticleDoesNot(String file) throws IOException {
        // set A was written for the seed article and the printer fixture; set B also for the IIS log fixture
        Score s = score(file, file.endsWith("-a.yaml") ? List.of("heartbeat-registry-driver", "printer-spooler")
                : List.of("heartbeat-registry-driver", "printer-spooler", "log-volume-full"));
        assertTrue(s.answerable() >= 60 && s.unanswerable() >= 15 && s.routing() >= 20, s.toString());
        assertEquals(0, s.wrongArticle(), "a first message started another article's conversation");
        // the levels reached (docs/questions.md): a change that loses ground shows here
        double[] floor = file.endsWith("-a.yaml") ? new double[] {0.63, 0.92, 0.8} : new double[] {0.39, 0.96, 0.72};
        assertTrue((double) s.firstLenient() / s.answerable() >= floor[0], "right section first: " + s);
        assertTrue((double) s.notSaid() / s.unanswerable() >= floor[1], "does not say: " + s);
        assertTrue((double) s.routed() / s.routing() >= floor[2], "routing: " + s);
    }
}
