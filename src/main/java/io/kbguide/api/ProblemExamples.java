package io.kbguide.api;

import io.kbguide.problem.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One problem document per status, as the service writes them, for the OpenAPI document's error examples. */
final class ProblemExamples {

    private ProblemExamples() {
    }

    private static final String REQUEST_ID = "desk-4711";

    /** The example for a response code ({@code default} included); null where there is none. */
    static Map<String, Object> of(String code) {
        return switch (code) {
            case "400" -> example("invalid-facts", "Invalid facts", 400, "'windows-3000' is not a valid value of"
                    + " os.", List.of(Map.of("field", "facts.os", "message", "not one of the choices", "allowed",
                    "windows-2000, windows-2003, windows-2003-r2, windows-2008-or-later, other, unknown")));
            case "401" -> example("api-key-required", "API key required", 401, "Send a valid key in the X-Api-Key"
                    + " header (ask the service's operators for one).", List.of());
            case "404" -> example("unknown-article", "Unknown article", 404, "There is no article 'printer'."
                    + " Articles: heartbeat-registry-driver.", List.of());
            case "406" -> example("not-acceptable", "Not Acceptable", 406, "None of the accepted media types can be"
                    + " produced here.", List.of());
            case "409" -> example("nothing-to-undo", "Nothing to go back to", 409, "This is the first question;"
                    + " there is no earlier answer to go back to.", List.of());
            case "410" -> example("article-gone", "Article no longer available", 410, "This conversation was about"
                    + " article 'printer', which the service no longer has. Start a new conversation.", List.of());
            case "413" -> example("payload-too-large", "Payload too large", 413, "The request body has 40000 bytes;"
                    + " at most 16384 are accepted.", List.of());
            case "415" -> example("unsupported-media-type", "Unsupported media type", 415, "The body has no"
                    + " Content-Type; send the body as application/json.", List.of());
            case "429" -> example("too-many-requests", "Too many requests", 429, "More than 120 requests at once, or"
                    + " 20.0 a second, from one client; try again in 1 s.", List.of());
            case "500", "default" -> example("internal-error", "Internal error", 500, "The service failed to"
                    + " answer; the error has been logged.", List.of());
            default -> null;
        };
    }

    private static Map<String, Object> example(String slug, String title, int status, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problem.type(slug));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", "urn:kb-guide:request:" + REQUEST_ID);
        problem.put("requestId", REQUEST_ID);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return problem;
    }
}
