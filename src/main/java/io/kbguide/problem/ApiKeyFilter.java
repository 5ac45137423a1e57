package io.kbguide.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Optional API keys for the help-desk API ({@code /api/v1/*}): when {@code kbguide.api.keys} is set, a request needs
 * {@code X-Api-Key} with one of them (compared in constant time), or gets a 401 problem. Off on the embedded
 * default. The widget's conversation calls from a page it may be embedded in (the service's own origin, or one of
 * the allowed origins) pass without a key: the widget is public by design, and a browser cannot forge Origin.
 */
@ApplicationScoped
public class ApiKeyFilter {

    static final String HEADER = "X-Api-Key";

    @ConfigProperty(name = "kbguide.api.keys")
    Optional<List<String>> keys;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> allowedOrigins;

    void register(@Observes Filters filters, ObjectMapper mapper) {
        List<byte[]> accepted = keys.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        if (accepted.isEmpty()) {
            return;
        }
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (!path.startsWith("/api/v1/") || "OPTIONS".equals(rc.request().method().name())
                    || fromWidgetPage(rc.request().getHeader("Origin"), rc.request().getHeader("Host"), path)) {
                rc.next();
                return;
            }
            String given = rc.request().getHeader(HEADER);
            if (given != null && matches(accepted, given.trim().getBytes(StandardCharsets.UTF_8))) {
                rc.next();
                return;
            }
            ProtocolFilter.problem(rc, mapper, 401, given == null ? "api-key-required" : "invalid-api-key",
                    given == null ? "API key required" : "Invalid API key", "Send a valid key in the " + HEADER
                            + " header (ask the service's operators for one).");
        }, 140);
    }

    private boolean fromWidgetPage(String origin, String host, String path) {
        if (origin == null || !path.startsWith("/api/v1/conversations")) {
            return false;
        }
        boolean same = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        return same || allowedOrigins.orElse(List.of()).contains(origin);
    }

    /** Whether the key is one of the accepted ones; every key is compared, in constant time. */
    private static boolean matches(List<byte[]> accepted, byte[] given) {
        boolean found = false;
        for (byte[] key : accepted) {
            found |= MessageDigest.isEqual(key, given);
        }
        return found;
    }
}
