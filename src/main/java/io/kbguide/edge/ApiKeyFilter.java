package io.kbguide.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.problem.RoutingProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Optional API keys for the help-desk API ({@code /api/v1/*}): when {@code kbguide.api.keys} is set, every request
 * there needs {@code X-Api-Key} with one of them (compared in constant time), whatever {@code Origin} it claims (any
 * client other than a browser can send any Origin), or gets a 401 problem with {@code WWW-Authenticate}. Off on
 * the embedded default. The widget has paths of its own ({@code /widget/v1/*}), public by design and limited
 * apart; the evidence collector's script ({@code GET /api/v1/articles/{id}/collector}) is public too, since the
 * widget and Slack link to it for a person to download.
 */
@ApplicationScoped
public class ApiKeyFilter {

    /** The header the key comes in. */
    public static final String HEADER = "X-Api-Key";
    private static final java.util.regex.Pattern COLLECTOR = java.util.regex.Pattern.compile(
            "/api/v1/articles/[^/]+/collector");

    private final Optional<List<String>> keys;

    public ApiKeyFilter(ApiConfig config) {
        this.keys = config.keys();
    }

    void register(@Observes Filters filters, ObjectMapper mapper) {
        List<byte[]> accepted = keys.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        if (accepted.isEmpty()) {
            return;
        }
        filters.register(rc -> {
            if (!needsKey(rc.request().method().name(), rc.normalizedPath())) {
                rc.next();
                return;
            }
            String given = rc.request().getHeader(HEADER);
            if (given != null && matches(accepted, given.trim().getBytes(StandardCharsets.UTF_8))) {
                rc.next();
                return;
            }
            rc.response().putHeader("WWW-Authenticate", "ApiKey realm=\"kb-guide\", header=\"" + HEADER + "\"");
            RoutingProblems.refuse(rc, mapper, 401, given == null ? "api-key-required" : "invalid-api-key",
                    given == null ? "API key required" : "Invalid API key", "Send a valid key in the " + HEADER
                            + " header (ask the service's operators for one).");
        }, 140);
    }

    /**
     * Whether a request needs the key (when keys are set): everything under {@code /api/v1/} but the CORS preflight
     * and the collector's script. Also names the operations the OpenAPI document puts under the API-key scheme.
     */
    public static boolean needsKey(String method, String path) {
        return path.startsWith("/api/v1/") && !"OPTIONS".equals(method)
                && !("GET".equals(method) && COLLECTOR.matcher(path).matches());
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
