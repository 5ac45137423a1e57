package io.kbguide.answers;

import io.kbguide.engine.Article;
import io.kbguide.engine.KbReader;
import io.kbguide.engine.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions written while building the search (not held out: held-out sets are in {@code HeldOutQuestionsTest}):
 * the sections that answer each (any of them will do), or "-" where the article does not say.
 */
class ArticleSearchTest {

    static Article article;
    static ArticleSearch search;

    @BeforeAll
    static void index() {
        article = new KbReader().readAll(Path.of("kb")).get(0);
        search = ArticleSearch.of(article, Synonyms.read(Path.of("kb")));
    }

    static final String QUESTIONS = """
            what are hookers? | interception-methods registry-driver
            why did you develop the callbacks method? | the-3gb-option
            does the patch work on windows 2000? | patch
            which heartbeat versions have the leak? | memory-leak
            what does the installer do on windows 2003 without a service pack? | installer
            when does the driver decide which method to use? | registry-driver
            what is UseNewApi? | runtime-decision
            is the leak proven with callbacks? | memory-leak
            which method should windows 2000 use? | preferred-method
            why do I get a bluescreen with /3GB on 2003? | the-3gb-option
            what changed in the SP1 memory manager? | patch
            does removing UseNewApi fix the leak? | patch
            what is the SSDT? | interception-methods
            which versions does this article apply to? | applies-to
            can I install on 2003 with no SP and the /3GB switch? | installer
            how much does heartbeat cost? | -
            how do I uninstall heartbeat? | -
            does this apply to linux? | -
            how long does a reboot take? | -
            what is the weather like? | -
            does heartbeat support windows 2008? | -
            """;

    @Test
    void shouldFindTheSectionThatAnswersOrSayTheArticleDoesNotForMostOfTheQuestionsItWasBuiltWith() {
        List<String> misses = new ArrayList<>();
        List<String> lines = QUESTIONS.lines().toList();
        for (String line : lines) {
            String question = line.split("\\|")[0].strip();
            List<String> sections = List.of(line.split("\\|")[1].strip().split(" "));
            KbAnswer answer = search.answer(question, question);
            String found = answer instanceof KbAnswer.Quoted q ? q.anchor() : "-";
            if (!sections.contains(found)) {
                misses.add(question + " -> " + found + " (expected " + sections + ")");
            }
        }
        System.out.println("ArticleSearchTest misses: " + misses);
        assertTrue(misses.size() <= 3, misses.toString());
    }

    @Test
    void shouldQuoteWholeSentencesWordForWord() {
        KbAnswer answer = search.answer("which versions of heartbeat does this apply to?",
                "which versions of heartbeat does this apply to?");
        assertEquals(new KbAnswer.Quoted("which versions of heartbeat does this apply to?", "applies-to", "Applies To",
                List.of("Neverfail Heartbeat v6.2.[n] and Earlier")), answer);
        for (String line : QUESTIONS.lines().toList()) {
            String question = line.split("\\|")[0].strip();
            if (search.answer(question, question) instanceof KbAnswer.Quoted q) {
                Section section = article.section(q.anchor()).orElseThrow();
                q.quotes().forEach(quote -> assertTrue(section.contains(quote), quote));
            }
        }
    }
}
