package io.kbguide.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.ops.RequestIds;
import io.kbguide.problem.RoutingProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * HTTP protocol edges answered as problem documents before a resource is chosen: a method the path does not
 * support is a 405 with {@code Allow}; a body with an empty or malformed {@code Content-Type} is a 415. (Body size:
 * {@link BodySizeFilter} and {@link JsonBodies}. A well-formed type other than JSON is RESTEasy's own
 * {@code NotSupportedException}, mapped by {@code ProblemMappers}.)
 * <p>
 * Why not leave these to RESTEasy Reactive: tried on 3.33.2 with this filter off, a wrong method on a path another
 * resource class shares a prefix with (GET on {@code .../diagnosis}, PUT on {@code /api/v1/conversations}, DELETE
 * on an article) is a 404, since its router tries the next class and then gives up, and where it does throw
 * {@code NotAllowedException} the response carries no {@code Allow}; a malformed {@code Content-Type} ("foo",
 * "application/") is an {@code IllegalArgumentException} from its media-type parser, a 500; a body without a
 * {@code Content-Type} is read as JSON. The route table is read from the resources' own annotations at start.
 */
@ApplicationScoped
public class ProtocolFilter {

    private static final Logger LOG = Logger.getLogger(ProtocolFilter.class);
    private static final String TOKEN = "[\\w!#$%&'*+.^`|~-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile("^\\s*" + TOKEN + "/" + TOKEN
            + "\\s*(?:;\\s*" + TOKEN + "\\s*=\\s*(?:\"[^\"]*\"|" + TOKEN + ")\\s*)*;?\\s*$");
    /** The usual Content-Type, well-formed without a look at the pattern. */
    private static final String JSON = "application/json";

    /**
     * A resource path template as its segments ({@code null} for a {@code {parameter}}) and the methods it answers.
     * Matched segment by segment: a conversation id in the path is 100 to 1 200 characters, and a regular
     * expression per route made this filter a fifth of the cost of a conversation step.
     */
    record Route(List<String> segments, Set<String> methods) {

        static Route of(String template, Set<String> methods) {
            List<String> segments = new ArrayList<>();
            for (String segment : template.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment.startsWith("{") ? null : segment);
                }
            }
            return new Route(java.util.Collections.unmodifiableList(segments), methods);
        }

        /** Whether a path (with or without one trailing slash) is this template with each parameter non-empty. */
        boolean matches(String path) {
            if (segments.isEmpty()) {
                return path.equals("/") || path.equals("//"); // the root, with the optional trailing slash
            }
            int end = path.endsWith("/") ? path.length() - 1 : path.length();
            int at = 0;
            for (String segment : segments) {
                if (at >= end || path.charAt(at) != '/') {
                    return false;
                }
                int next = path.indexOf('/', at + 1);
                next = next < 0 || next > end ? end : next;
                int length = next - at - 1;
                if (segment == null ? length == 0
                        : length != segment.length() || !path.startsWith(segment, at + 1)) {
                    return false;
                }
                at = next;
            }
            return at == end;
        }
    }

    void register(@Observes Filters filters, ObjectMapper mapper, BeanManager beans) {
        List<Route> routes = routes(beans);
        filters.register(rc -> {
            String method = rc.request().method().name();
            String path = rc.normalizedPath();
            if (!method.equals("OPTIONS")
                    && routes.stream().noneMatch(r -> r.methods().contains(method) && r.matches(path))) {
                Set<String> allowed = new TreeSet<>();
                routes.stream().filter(r -> r.matches(path)).forEach(r -> allowed.addAll(r.methods()));
                if (!allowed.isEmpty()) {
                    rc.response().putHeader("Allow", String.join(", ", allowed));
                    RoutingProblems.refuse(rc, mapper, 405, "method-not-allowed", "Method not allowed", method + " is not allowed on "
                            + RequestIds.redact(path) + "; allowed: " + String.join(", ", allowed) + ".");
                    return;
                }
            }
            String type = rc.request().getHeader("Content-Type");
            // a malformed Content-Type is refused even without a body (the resource matcher would fail on it)
            if (hasBody(rc) || type != null) {
                if (type == null || !JSON.equals(type) && !MEDIA_TYPE.matcher(type).matches()) {
                    RoutingProblems.refuse(rc, mapper, 415, "unsupported-media-type", "Unsupported media type",
                            (type == null || type.isBlank() ? "The body has no Content-Type"
                                    : "The Content-Type '" + type + "' is malformed")
                                    + "; send the body as application/json.");
                    return;
                }
            }
            rc.next();
        }, 90);
    }

    private static boolean hasBody(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        String encoding = rc.request().getHeader("Transfer-Encoding");
        return length != null && !length.trim().equals("0")
                || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The paths and methods of every JAX-RS resource, from their annotations. */
    static List<Route> routes(BeanManager beans) {
        List<Route> routes = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null || !type.getPackageName().startsWith("io.kbguide")) {
                continue;
            }
            java.util.Map<String, Set<String>> byPath = new java.util.LinkedHashMap<>();
            for (Method m : type.getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String template = (root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                        .replaceAll("(.)/$", "$1");
                Set<String> methods = byPath.computeIfAbsent(template, k -> new TreeSet<>());
                methods.add(verb);
                if (verb.equals("GET")) {
                    methods.add("HEAD");
                }
            }
            byPath.forEach((template, methods) -> routes.add(Route.of(template, methods)));
        }
        return routes;
    }

    private static String verb(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
