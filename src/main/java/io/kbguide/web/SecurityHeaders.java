package io.kbguide.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: a Content-Security-Policy without {@code unsafe-inline} (scripts and styles
 * only from this service; the pages have no inline script or style), no MIME sniffing, no referrer to other
 * sites, and the pages not framed by other sites. The developer UIs under {@code /q/} (Swagger UI) keep their own.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'self'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            var headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            if (!rc.normalizedPath().startsWith("/q/")) {
                headers.set("Content-Security-Policy", CSP);
                headers.set("X-Frame-Options", "SAMEORIGIN");
            }
            rc.next();
        }, 200);
    }
}
