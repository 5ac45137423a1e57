package io.kbguide.edge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The segment matcher behind the 405 check, against the regular expression it replaced. */
class RouteMatchingTest {

    static final List<String> TEMPLATES = List.of("/", "/api/v1/articles", "/api/v1/articles/{articleId}",
            "/api/v1/articles/{articleId}/diagnosis", "/api/v1/conversations", "/api/v1/conversations/{conversationId}",
            "/api/v1/conversations/{conversationId}/replies", "/articles/{articleId}", "/slack/events");

    /** The regular expression each template used to become. */
    static Pattern regex(String template) {
        return Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+") + "/?");
    }

    @Test
    void shouldMatchTheSamePathsAsTheRegularExpression() {
        List<String> paths = new ArrayList<>(List.of("", "/", "//", "/api", "/api/", "/api/v1/articles",
                "/api/v1/articles/", "/api/v1/articles//", "/api/v1/articles/x", "/api/v1/articles/x/",
                "/api/v1/articles//diagnosis", "/api/v1/articles/x/diagnosis", "/api/v1/articles/x/diagnosis/",
                "/api/v1/articles/x/diagnosisx", "/api/v1/articles/x/y/diagnosis", "/api/v1/conversations/abc",
                "/api/v1/conversations/abc/replies", "/api/v1/conversations/abc/replies/extra", "/slack/events",
                "/slack/eventsx", "/slack/event", "/api/v1/article", "api/v1/articles", "/articles/heartbeat"));
        Random random = new Random(7);
        String[] parts = {"api", "v1", "articles", "conversations", "x", "", "diagnosis", "replies", "slack",
                "events", "a".repeat(1200)};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                path.append('/').append(parts[random.nextInt(parts.length)]);
            }
            if (random.nextInt(4) == 0) {
                path.append('/');
            }
            paths.add(path.toString());
        }
        int matched = 0;
        for (String template : TEMPLATES) {
            ProtocolFilter.Route route = ProtocolFilter.Route.of(template, Set.of("GET"));
            Pattern regex = regex(template);
            for (String path : paths) {
                boolean expected = regex.matcher(path).matches();
                assertEquals(expected, route.matches(path), template + " vs '" + path + "'");
                matched += expected ? 1 : 0;
            }
        }
        assertTrue(matched > 300, "the random paths hit the templates too: " + matched);
    }

    @Test
    void shouldNeverMatchAnEmptyParameter() {
        ProtocolFilter.Route replies = ProtocolFilter.Route.of("/api/v1/conversations/{id}/replies", Set.of("POST"));
        assertTrue(replies.matches("/api/v1/conversations/c1/replies"));
        assertFalse(replies.matches("/api/v1/conversations//replies"));
        assertFalse(replies.matches("/api/v1/conversations/replies"));
    }
}
