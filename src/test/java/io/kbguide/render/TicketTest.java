package io.kbguide.render;

import io.kbguide.diagnosis.DiagnosisView;
import io.kbguide.engine.ArticleCompiler;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.KbReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diagnosis laid out for a ticket: each quote once, referred to by number, links that work outside the service. */
class TicketTest {

    static CompiledArticle article;

    @BeforeAll
    static void compile() {
        article = new ArticleCompiler().compile(new KbReader().read(Path.of("kb/heartbeat-registry-driver")));
    }

    static DiagnosisView view(Map<String, String> facts) {
        int[] codes = article.codes(facts);
        return DiagnosisView.of(article.article(), article.diagnose(codes), article.plansByCase(codes),
                article.known(codes));
    }

    @Test
    void shouldListEachQuoteOnceAndReferToItByNumberWithAbsoluteLinks() {
        DiagnosisView d = view(Map.of("architecture", "x86", "os", "windows-2003", "servicePack", "none",
                "useNewApi", "absent", "threeGb", "yes", "heartbeatVersion", "5.0.3", "leakPatch", "not-installed"));
        TextRenderer.Ticket t = new TextRenderer(() -> Optional.of("https://kb.example.com/")).ticket(d);
        assertEquals("High risk of a bluescreen: 4 steps", t.verdict());
        Set<String> quotes = new HashSet<>();
        for (TextRenderer.SourceLine s : t.sources()) {
            assertTrue(quotes.add(s.section() + s.quote()), "each quote once: " + s.quote());
            assertTrue(s.link().startsWith("https://kb.example.com/articles/heartbeat-registry-driver#"), s.link());
            assertFalse(s.section().contains("(editorial)"), s.section());
        }
        assertEquals(d.citations().size(), t.sources().size(), "every citation of the diagnosis, once");
        int numbered = t.sources().size();
        for (TextRenderer.StepLine s : t.steps()) {
            for (String ref : s.refs().replace("[", " ").replace("]", " ").trim().split("\\s+")) {
                if (!ref.isEmpty()) {
                    int n = Integer.parseInt(ref);
                    assertTrue(n >= 1 && n <= numbered, s.title() + " refers to " + n);
                }
            }
        }
        assertEquals("https://kb.example.com/articles/heartbeat-registry-driver", t.articleLink());
        List<String> facts = List.of(t.facts().split("; "));
        assertEquals(7, facts.size(), t.facts());
        assertTrue(facts.stream().allMatch(f -> f.endsWith(" (given)")), t.facts());
        assertFalse(t.facts().contains("windows-2003"), "labels, not raw values: " + t.facts());
        assertEquals("/articles/heartbeat-registry-driver#patch",
                new TextRenderer(Optional::empty).link("heartbeat-registry-driver", "patch"), "relative without");
    }

    @Test
    void shouldCollapseOpenFindingsIntoOneLine() {
        TextRenderer.Ticket t = new TextRenderer(Optional::empty).ticket(view(Map.of("architecture", "x86",
                "heartbeatVersion", "5.0.3", "servicePack", "sp2", "useNewApi", "zero")));
        assertTrue(t.findings().isEmpty(), "every finding is open here: " + t.findings());
        assertEquals("Still needed to tell the scope, the driver's method, the recommended method, the bluescreen"
                + " risk, installer support and the leak exposure: the Windows version, the /3GB switch and the leak"
                + " patch.", t.stillNeeded());
        assertTrue(t.verdict().startsWith("3 answers still needed"), t.verdict());
        assertTrue(t.nothing().startsWith("No step that changes the server is safe"), t.nothing());
    }
}
