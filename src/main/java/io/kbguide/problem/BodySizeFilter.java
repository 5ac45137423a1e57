package io.kbguide.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies whose Content-Length is over the limit with a 413 problem document before they are
 * read. (Bodies sent without one, chunked, are counted as they are read: {@link BodyLimitInterceptor}.)
 */
@ApplicationScoped
public class BodySizeFilter {

    @ConfigProperty(name = "kbguide.api.max-body-bytes", defaultValue = "16384")
    long maxBytes;

    void register(@Observes Filters filters, ObjectMapper mapper) {
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long size;
            try {
                size = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size > maxBytes) {
                rc.response().putHeader("Connection", "close");
                ProtocolFilter.problem(rc, mapper, 413, "payload-too-large", "Payload too large",
                        "The request body has " + size + " bytes; at most " + maxBytes + " are accepted.");
                return;
            }
            rc.next();
        }, 100);
    }
}
