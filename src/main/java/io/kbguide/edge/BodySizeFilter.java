package io.kbguide.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbguide.problem.RoutingProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses request bodies whose Content-Length is over the limit with a 413 problem document before they are
 * read. (Bodies sent without one, chunked, are measured once read: {@link JsonBodies#limit}.)
 */
@ApplicationScoped
public class BodySizeFilter {

    private final long maxBytes;
    private final long maxSlackBytes;

    /**
     * @param slack Slack's limit, whose default is {@code SlackConfig}'s (the edge does not depend on the Slack
     *              package, which depends on it)
     */
    public BodySizeFilter(ApiConfig api,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kbguide.slack.max-body-bytes") long slack) {
        this.maxBytes = api.maxBodyBytes();
        this.maxSlackBytes = slack;
    }

    /** The limit for a path: Slack's requests carry the message a button was on, so they get a larger one. */
    static long limitFor(String path, long api, long slack) {
        return path != null && path.startsWith("/slack/") ? slack : api;
    }

    static String tooLarge(long size, long max) {
        return "The request body has " + size + " bytes; at most " + max + " are accepted.";
    }

    void register(@Observes Filters filters, ObjectMapper mapper) {
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long size;
            try {
                size = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            long max = limitFor(rc.normalizedPath(), maxBytes, maxSlackBytes);
            if (size > max) {
                rc.response().putHeader("Connection", "close");
                RoutingProblems.refuse(rc, mapper, 413, "payload-too-large", "Payload too large", tooLarge(size, max));
                return;
            }
            rc.next();
        }, 100);
    }
}
