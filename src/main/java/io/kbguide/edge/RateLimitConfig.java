package io.kbguide.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Per-client rate limits (a burst, then a steady rate) and how the client is told behind proxies. */
@ConfigMapping(prefix = "kbguide.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Requests a client may send at once to the API and the pages. */
    @WithDefault("120")
    int burst();

    /** Requests a client may send each second, steadily, to the API and the pages. */
    @WithDefault("20")
    double perSecond();

    /** Requests a client may send at once to the widget's public paths ({@code /widget/v1/}). */
    @WithDefault("60")
    int widgetBurst();

    /** Requests a client may send each second, steadily, to the widget's public paths. */
    @WithDefault("5")
    double widgetPerSecond();

    /** Clients remembered at most; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int maxClients();

    /** The header proxies append the client's address to (X-Forwarded-For); unset: the connection's address. */
    Optional<String> clientHeader();

    /**
     * The proxies' addresses (comma-separated, CIDR allowed): the client is the right-most address of
     * {@link #clientHeader()} that is not one of them, and the header is believed only from them. Unset with a client
     * header: the connection's peer is taken for the one proxy.
     */
    Optional<List<String>> trustedProxies();
}
