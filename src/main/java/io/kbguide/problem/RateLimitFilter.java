package io.kbguide.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Per-client rate limit on the public endpoints (the API, the pages and the widget): a burst, then a steady rate;
 * past it a 429 problem with {@code Retry-After}. Health and metrics ({@code /q/}) and Slack (verified by signature,
 * from Slack's own addresses) are not limited. The client is the connection's address, or the first address of a
 * header set by a trusted proxy ({@code kbguide.rate-limit.client-header}, e.g. X-Forwarded-For).
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    @ConfigProperty(name = "kbguide.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kbguide.rate-limit.burst", defaultValue = "120")
    int burst;

    @ConfigProperty(name = "kbguide.rate-limit.per-second", defaultValue = "20")
    double perSecond;

    @ConfigProperty(name = "kbguide.rate-limit.client-header")
    Optional<String> clientHeader;

    void register(@Observes Filters filters, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        if (!enabled) {
            return;
        }
        TokenBuckets buckets = new TokenBuckets(burst, perSecond, System::nanoTime);
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.startsWith("/q/") || path.startsWith("/slack/")) {
                rc.next();
                return;
            }
            String client = client(rc.request());
            long wait = buckets.take(client);
            if (wait == 0) {
                rc.next();
                return;
            }
            // not logged one by one: under abuse that would flood the log (the count is in the HTTP metrics)
            LOG.debugf("429 %s for %s", path, client);
            rc.response().putHeader("Retry-After", Long.toString(wait));
            ProtocolFilter.write(rc, mapper, 429, "too-many-requests", "Too many requests", "More than " + burst
                    + " requests at once, or " + perSecond + " a second, from one client; try again in " + wait
                    + " s.");
        }, 150);
        LOG.infof("Rate limit: %d requests at once, then %.1f a second, per client", burst, perSecond);
    }

    private String client(io.vertx.core.http.HttpServerRequest request) {
        if (clientHeader.isPresent()) {
            String forwarded = request.getHeader(clientHeader.get());
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }
}
