package io.kbguide.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Refuses request bodies over the limit with a 413 problem document before they are read. (Bodies sent without
 * a Content-Length are cut off by {@code quarkus.http.limits.max-body-size}.)
 */
@ApplicationScoped
public class BodySizeFilter {

    private static final Logger LOG = Logger.getLogger(BodySizeFilter.class);

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
                String detail = "The request body has " + size + " bytes; at most " + maxBytes + " are accepted.";
                LOG.infof("413 %s payload-too-large: %s", rc.normalizedPath(), detail);
                try {
                    rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(mapper.writeValueAsString(new Problem(Problem.type("payload-too-large"),
                                    "Payload too large", 413, detail, rc.normalizedPath(), List.of())));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    rc.fail(e);
                }
                return;
            }
            rc.next();
        }, 100);
    }
}
