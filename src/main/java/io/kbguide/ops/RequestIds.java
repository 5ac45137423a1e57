package io.kbguide.ops;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request has an id, so that an answer, an error and a log line can be matched: the caller's
 * {@code X-Request-Id} when it is a sane token, else the trace id of a W3C {@code traceparent}, else a new UUID.
 * It is echoed in the response's {@code X-Request-Id}, set as the {@code requestId} of the logging context (every
 * log line and audit line of the request carries it), and named in every problem document.
 */
@ApplicationScoped
public class RequestIds {

    /** The header a request id comes in and goes back out in. */
    public static final String HEADER = "X-Request-Id";
    /** The logging context key. */
    public static final String MDC_KEY = "requestId";

    private static final String KEY = "kbguide.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** version-traceid-parentid-flags; an all-zero trace id is invalid. */
    private static final Pattern TRACEPARENT = Pattern.compile(
            "^\\s*[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(?:-.*)?\\s*$");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = id(rc.request().getHeader(HEADER), rc.request().getHeader("traceparent"));
            rc.put(KEY, id);
            MDC.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        }, 300);
    }

    /** The request id of a request: the caller's if sane, else the traceparent's trace id, else a new one. */
    static String id(String given, String traceparent) {
        if (given != null && SANE.matcher(given.trim()).matches()) {
            return given.trim();
        }
        if (traceparent != null) {
            Matcher t = TRACEPARENT.matcher(traceparent);
            if (t.matches() && !t.group(1).chars().allMatch(c -> c == '0')) {
                return t.group(1);
            }
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being served (from the routing context or the logging context); null outside one. */
    public static String current(RoutingContext rc) {
        Object id = rc == null ? null : rc.get(KEY);
        return id != null ? id.toString() : current();
    }

    /** The id of the request being served, from the logging context; null outside one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The problem's {@code instance}: this occurrence, named by its request id (never the path, which may hold a
     * conversation id). */
    public static String instance(String requestId) {
        return requestId == null ? null : "urn:kb-guide:request:" + requestId;
    }

    private static final Pattern ID_SEGMENT = Pattern.compile("(?<=/conversations/)[^/]+|(?<=/)[A-Za-z0-9_-]{32,}(?=/|$)");

    /**
     * A path fit for a log line or a problem's detail: a conversation id (which carries the conversation) and any
     * other long token become {@code {id}}.
     */
    public static String redact(String path) {
        return path == null ? null : ID_SEGMENT.matcher(path).replaceAll("{id}");
    }
}
