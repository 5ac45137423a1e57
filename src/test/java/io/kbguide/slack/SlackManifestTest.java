package io.kbguide.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app manifest points Slack at the endpoints the service has, with the scopes its calls need. */
class SlackManifestTest {

    @Test
    void shouldPointSlackAtTheServicesEndpointsWithTheScopesItUses() throws IOException {
        JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/main/slack/app-manifest.yaml")
                .toFile());
        Set<String> paths = new HashSet<>();
        String root = SlackResource.class.getAnnotation(jakarta.ws.rs.Path.class).value();
        for (Method m : SlackResource.class.getMethods()) {
            jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
            if (sub != null) {
                paths.add(root + sub.value());
            }
        }
        List<String> urls = new ArrayList<>();
        manifest.path("features").path("slash_commands").forEach(c -> urls.add(c.path("url").asText()));
        urls.add(manifest.path("settings").path("interactivity").path("request_url").asText());
        urls.add(manifest.path("settings").path("event_subscriptions").path("request_url").asText());
        Set<String> named = new HashSet<>();
        for (String url : urls) {
            URI uri = URI.create(url);
            assertEquals("https", uri.getScheme(), url);
            named.add(uri.getPath());
        }
        assertEquals(paths, named, "every endpoint is in the manifest, and only those");
        Set<String> scopes = new HashSet<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertTrue(scopes.containsAll(Set.of("commands", "chat:write", "app_mentions:read", "im:history",
                "channels:history", "groups:history", "files:read")), scopes.toString());
        Set<String> events = new HashSet<>();
        manifest.path("settings").path("event_subscriptions").path("bot_events").forEach(e -> events.add(e.asText()));
        assertEquals(Set.of("app_mention", "message.im"), events);
    }
}
