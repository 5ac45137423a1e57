package io.kbguide.edge;

import io.kbguide.ops.RequestIds;
import io.kbguide.problem.RoutingProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-client rate limit on the public endpoints: the help-desk API and the pages (a burst, then a steady rate),
 * and the widget's public paths ({@code /widget/v1/}) with a limit of their own; past it a 429 problem with
 * {@code Retry-After}. Every limited response carries {@code RateLimit-Policy} and {@code RateLimit} (IETF
 * httpapi-ratelimit-headers draft). Health and metrics ({@code /q/}) and Slack (verified by signature, from Slack's
 * own addresses) are not limited.
 *
 * <p>The client is the connection's address; behind proxies ({@code kbguide.rate-limit.client-header}, e.g.
 * X-Forwarded-For) it is the right-most address of that header that is not one of the trusted proxies
 * ({@code kbguide.rate-limit.trusted-proxies}), and the header is believed only from a trusted proxy. Proxies
 * append, so the right-most entries are the ones they wrote; the left-most is whatever the client sent.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final RateLimitConfig config;

    public RateLimitFilter(RateLimitConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        if (!config.enabled()) {
            return;
        }
        int burst = config.burst();
        double perSecond = config.perSecond();
        int widgetBurst = config.widgetBurst();
        double widgetPerSecond = config.widgetPerSecond();
        int maxClients = config.maxClients();
        TokenBuckets api = new TokenBuckets(burst, perSecond, maxClients, System::nanoTime);
        TokenBuckets widget = new TokenBuckets(widgetBurst, widgetPerSecond, maxClients, System::nanoTime);
        List<Cidr> trusted = config.trustedProxies().orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                .map(Cidr::parse).toList();
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.startsWith("/q/") || path.startsWith("/slack/")) {
                rc.next();
                return;
            }
            boolean isWidget = path.startsWith("/widget/v1/");
            TokenBuckets buckets = isWidget ? widget : api;
            String policy = isWidget ? "widget" : "default";
            String client = client(rc.request(), trusted);
            TokenBuckets.Taken taken = buckets.takeToken(client);
            rc.response().putHeader("RateLimit-Policy", "\"" + policy + "\";q=" + (isWidget ? widgetBurst : burst)
                    + ";w=" + buckets.window());
            rc.response().putHeader("RateLimit", "\"" + policy + "\";r=" + taken.remaining() + ";t="
                    + (taken.waitSeconds() > 0 ? taken.waitSeconds() : 0));
            if (taken.waitSeconds() == 0) {
                rc.next();
                return;
            }
            // not logged one by one: under abuse that would flood the log (the count is in the HTTP metrics)
            LOG.debugf("429 %s", RequestIds.redact(path));
            rc.response().putHeader("Retry-After", Long.toString(taken.waitSeconds()));
            RoutingProblems.write(rc, mapper, 429, "too-many-requests", "Too many requests", "More than "
                    + (isWidget ? widgetBurst : burst) + " requests at once, or " + (isWidget ? widgetPerSecond
                    : perSecond) + " a second, from one client; try again in " + taken.waitSeconds() + " s.");
        }, 150);
        LOG.infof("Rate limit: %d requests at once, then %.1f a second, per client (the widget: %d, then %.1f);"
                + " at most %d clients remembered", burst, perSecond, widgetBurst, widgetPerSecond, maxClients);
    }

    /** The client of a request: the connection's peer, or behind trusted proxies the address they forwarded. */
    String client(io.vertx.core.http.HttpServerRequest request, List<Cidr> trusted) {
        String peer = request.connection() != null && request.connection().remoteAddress() != null
                ? request.connection().remoteAddress().host()
                : request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        if (config.clientHeader().isEmpty()) {
            return peer;
        }
        return client(peer, request.getHeader(config.clientHeader().get()), trusted);
    }

    /**
     * The right-most address of the chain (header entries, then the peer) that is not a trusted proxy. With no
     * trusted proxies listed, the peer is taken for the one proxy and the header's last entry (the one it wrote)
     * is the client; a peer not listed is the client itself, whatever the header says.
     */
    static String client(String peer, String forwarded, List<Cidr> trusted) {
        if (!trusted.isEmpty() && !Cidr.any(trusted, peer)) {
            return peer;
        }
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String hop : forwarded.split(",")) {
            if (!hop.isBlank()) {
                chain.add(hop.trim());
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (trusted.isEmpty() || !Cidr.any(trusted, chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /** An address range ("10.0.0.0/8", "::1", "192.0.2.7"). */
    record Cidr(byte[] network, int bits) {

        /** An IPv4 or IPv6 literal: only those are parsed, so no host name is ever looked up. */
        private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile(
                "[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalStateException("kbguide.rate-limit.trusted-proxies: '" + text
                        + "' is not an IP address or range (for example 10.0.0.0/8)");
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Cidr(address, bits);
        }

        boolean contains(String host) {
            return contains(literal(host));
        }

        private boolean contains(byte[] a) {
            if (a == null || a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        static boolean any(List<Cidr> ranges, String host) {
            byte[] address = literal(host); // parsed once, whatever the number of ranges
            return ranges.stream().anyMatch(r -> r.contains(address));
        }

        /** The bytes of an IP literal; null for anything else (never a DNS look-up). */
        private static byte[] literal(String host) {
            String h = host.trim();
            if (h.startsWith("[") && h.contains("]")) {
                h = h.substring(1, h.indexOf(']'));
            }
            if (!IP_LITERAL.matcher(h).matches()) {
                return null;
            }
            try {
                return InetAddress.getByName(h).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
