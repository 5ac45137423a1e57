package io.kbguide.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.ops.RequestIds;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Problem documents for requests refused by a Vert.x filter, before any resource is chosen (the JAX-RS side is
 * {@link ProblemMappers}): the same documents, the same one INFO line.
 */
public final class RoutingProblems {

    private static final Logger LOG = Logger.getLogger(RoutingProblems.class);

    private RoutingProblems() {
    }

    /** Ends the request with a problem document and logs it on one INFO line. */
    public static void refuse(RoutingContext rc, ObjectMapper mapper, int status, String slug, String title,
            String detail) {
        LOG.infof("%d %s %s: %s", status, RequestIds.redact(rc.normalizedPath()), slug, detail);
        write(rc, mapper, status, slug, title, detail);
    }

    /** Ends the request with a problem document, without logging it. */
    public static void write(RoutingContext rc, ObjectMapper mapper, int status, String slug, String title,
            String detail) {
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(Problem.of(slug, title, status, detail, RequestIds.current(rc),
                            List.of())));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
