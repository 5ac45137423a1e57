package io.kbguide.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param type      a URN naming the kind of problem
 * @param instance  this occurrence: {@code urn:kb-guide:request:<requestId>}
 * @param requestId the request's id, as in its {@code X-Request-Id} response header and its log lines
 * @param errors    for invalid input: each field at fault, why, and what is allowed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    /** A problem of the request being served. */
    public static Problem of(String slug, String title, int status, String detail, String requestId,
            List<FieldError> errors) {
        return new Problem(type(slug), title, status, detail, RequestIds.instance(requestId), requestId, errors);
    }

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message, String allowed) {
    }

    public static String type(String slug) {
        return "urn:kb-guide:problem:" + slug;
    }
}
