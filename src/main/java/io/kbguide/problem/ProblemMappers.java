package io.kbguide.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kbguide.engine.FactError;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.ops.RequestIds;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one mapping from exceptions to RFC 9457 problem documents. Client errors are logged on one line at INFO;
 * server errors at ERROR with the stack, and their detail never reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How the OpenAPI document describes the problems an operation does not list one by one. */
    public static final String ANY_OTHER = "Any other problem (a 500 included), as a problem document with its status";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response unknownArticle(io.kbguide.kb.UnknownArticleException e, UriInfo uri) {
        return respond(404, "unknown-article", "Unknown article", e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response textNotSupported(io.kbguide.kb.TextNotSupportedException e, UriInfo uri) {
        return respond(400, "text-not-understood", "Text not supported", e.getMessage(),
                List.of(new Problem.FieldError("text", "not supported for this article", "facts")), uri);
    }

    @ServerExceptionMapper
    public Response invalidFacts(InvalidFactsException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.errors().stream()
                .sorted(Comparator.comparing(FactError::factId))
                .map(f -> new Problem.FieldError("facts." + f.factId(), f.message(), f.allowed())).toList();
        return respond(400, "invalid-facts", "Invalid facts", e.getMessage(), errors, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(field(v), v.getMessage(), null)).toList();
        return respond(400, "invalid-request", "Invalid request",
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), errors,
                uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JsonMappingException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        // A body cut short, or followed by more, is malformed, though databind reports it as a mismatch
        String message = String.valueOf(e.getOriginalMessage());
        boolean truncated = message.contains("end-of-input") || message.startsWith("Trailing token");
        if (!truncated && e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String detail = e instanceof UnrecognizedPropertyException unknown
                    ? "'" + field + "' is not a known field; known fields: "
                            + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                                    .collect(Collectors.joining(", "))
                    : "'" + field + "' has the wrong JSON type: " + expected(mapping);
            return respond(400, "invalid-json", "Invalid JSON", detail,
                    List.of(new Problem.FieldError(field, detail, null)), uri);
        }
        if (!truncated && e instanceof JsonMappingException && !(e instanceof JsonParseException)) {
            return respond(400, "invalid-json", "Invalid JSON",
                    "The request body must be a JSON object.",
                    List.of(), uri);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + where + ".", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is no resource at " + RequestIds.redact(uri.getPath()) + ".";
            case 405 -> "This method is not allowed on " + RequestIds.redact(uri.getPath()) + ".";
            case 406 -> "None of the accepted media types can be produced here.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage();
        };
        return respond(status, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, detail, List.of(),
                uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "500 %s: unexpected error", RequestIds.redact(uri.getPath()));
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(Problem.of("internal-error",
                "Internal error", 500, "The service failed to answer; the error has been logged.",
                RequestIds.current(), List.of())).build();
    }

    private static Response respond(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors, UriInfo uri) {
        LOG.infof("%d %s %s: %s", status, RequestIds.redact(uri.getPath()), slug, detail);
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(slug, title, status, detail, RequestIds.current(), errors)).build();
    }

    private static String field(ConstraintViolation<?> v) {
        // "diagnose.request.facts" -> "facts": drop the method and parameter names
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) {
                return "expected a JSON object";
            }
            if (java.util.Collection.class.isAssignableFrom(t)) {
                return "expected a JSON array";
            }
            if (t == String.class) {
                return "expected a JSON string";
            }
            return "expected " + t.getSimpleName();
        }
        return "unexpected value";
    }
}
