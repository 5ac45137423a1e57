package io.kbguide.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kbguide.ops.RequestIds;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param type      a URN naming the kind of problem
 * @param instance  this occurrence: {@code urn:kb-guide:request:<requestId>}
 * @param requestId the request's id, as in its {@code X-Request-Id} response header and its log lines
 * @param errors    for invalid input: each field at fault, why, and what is allowed
 */
@Schema(name = "Problem", description = "An RFC 9457 problem document (application/problem+json): what went wrong,"
        + " for a person (title, detail) and for a program (type, status, errors).")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(required = true, format = "uri", description = "A URN naming the kind of problem;"
                + " the part after urn:kb-guide:problem: is stable, match on it",
                examples = "urn:kb-guide:problem:invalid-facts") String type,
        @Schema(required = true, examples = "Invalid facts") String title,
        @Schema(required = true, minimum = "400", maximum = "599", format = "int32",
                description = "The HTTP status code, as in the response") int status,
        @Schema(required = true, description = "This occurrence in words, for a person")
        String detail,
        @Schema(required = true, format = "uri", description = "This occurrence:"
                + " urn:kb-guide:request:<requestId>", examples = "urn:kb-guide:request:desk-4711")
        String instance,
        @Schema(required = true, maxLength = 128, description = "The request's id, as in the X-Request-Id response"
                + " header and the service's log lines", examples = "desk-4711") String requestId,
        @Schema(description = "For invalid input: each field at fault. Absent when none is named")
        List<FieldError> errors) {

    /** A problem of the request being served. */
    public static Problem of(String slug, String title, int status, String detail, String requestId,
            List<FieldError> errors) {
        return new Problem(type(slug), title, status, detail, RequestIds.instance(requestId), requestId, errors);
    }

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault. */
    @Schema(name = "ProblemFieldError", description = "A field at fault, why, and what it allows")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(
            @Schema(required = true, description = "The field, as a path in the body"
                    + " (facts.servicePack) or the name of a parameter", examples = "facts.servicePack") String field,
            @Schema(required = true) String message,
            @Schema(description = "The values or form the field allows; absent when the"
                    + " message says it", examples = "none, sp1, sp2, unknown") String allowed) {
    }

    public static String type(String slug) {
        return "urn:kb-guide:problem:" + slug;
    }
}
