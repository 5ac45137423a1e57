package io.kbguide.api;

import io.kbguide.edge.ApiKeyFilter;
import io.kbguide.ops.RequestIds;
import io.kbguide.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the OpenAPI document a contract for the help-desk API, from what the filters and mappers of
 * {@code io.kbguide.problem} do to every request (the resources only describe their own answers):
 * <ul>
 * <li>every error is a {@code Problem} (application/problem+json): each 4XX an operation can answer, with an
 * example, and {@code default} for any other (500 included);</li>
 * <li>the API-key scheme ({@code X-Api-Key}) on every operation that needs it when keys are set, with its 401;</li>
 * <li>the headers every response carries ({@code X-Request-Id}, {@code RateLimit}, {@code RateLimit-Policy};
 * {@code Retry-After} on a 429, {@code WWW-Authenticate} on a 401);</li>
 * <li>the conversation step as a union discriminated by {@code type}: a question, a read-back or the diagnosis
 * (and for a first message that named no article, the articles to choose from, or none),
 * each with the fields it always has;</li>
 * <li>Markdown and text answers as strings, the limits of path and query parameters, and the server: relative,
 * for anyone (not internal).</li>
 * </ul>
 * Runs at build time: nothing here depends on the kb ({@link FactsSchemaFilter} adds what does).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String API_KEY = "ApiKey";
    static final String STEP = "ConversationStep";

    /** What the API is, its errors (those the HTTP layer answers before the service included), ids and limits. */
    static final String DESCRIPTION = """
            Turns a support knowledge-base article into a guided troubleshooting conversation: stateless \
            diagnosis, guided conversations, article metadata.

            **Errors.** Every error the service answers is an RFC 9457 problem document \
            (`application/problem+json`, schema `Problem`): match on `type` and `status`; `errors` names the fields \
            at fault; `requestId` is the request's id. A method a path does not support is a 405 problem with \
            `Allow`. The HTTP layer refuses a few requests before the service sees them, with an empty body: \
            a request line longer than 4096 bytes (414), headers larger than 16 KB (431), a URI that is not valid \
            (400, e.g. a bad percent-escape such as `%zz`), and a browser request from an origin that CORS does not \
            allow (403; a page cannot read the body of a CORS refusal anyway).

            **Request ids.** Every response carries `X-Request-Id`: the caller's own (send one, up to 128 letters, \
            digits and `._:-`), else the trace id of a W3C `traceparent`, else a new UUID. Problem documents and \
            the service's log lines name it.

            **Rate limits.** Per client: a burst, then a steady rate. Responses carry `RateLimit-Policy` and \
            `RateLimit`; past the limit a 429 problem says when to retry (`Retry-After`, in seconds).

            **API keys.** Where the operators set keys, every `/api/v1` operation but the evidence collector's \
            script needs one in `X-Api-Key` (a 401 problem with `WWW-Authenticate` otherwise); without keys \
            (the embedded default) the header is not needed.""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // relative: the document describes the instance that serves it, in production as anywhere else
        openAPI.setServers(List.of(OASFactory.createServer().url("/").addExtension("x-internal", Boolean.FALSE)
                .description("The instance serving this document (local, test, staging or production alike):"
                        + " paths are relative to it")));
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                .description("A key the service's operators gave you. Needed only where they set keys"
                        + " (kbguide.api.keys); a missing or wrong key is a 401 problem. Without keys set (the"
                        + " embedded default) the header is not needed."));
        headers().forEach(components::addHeader);
        components.addParameter("RequestId", OASFactory.createParameter().name(RequestIds.HEADER)
                .in(Parameter.In.HEADER).required(false)
                .description("Your own id for this request (up to 128 letters, digits and ._:-), echoed in the"
                        + " response's X-Request-Id and named in problem documents and log lines; anything else is"
                        + " replaced by a new id")
                .schema(string(128).pattern("^[A-Za-z0-9._:-]{1,128}$")));
        unionOfSteps(components);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
        // title, version and contact come from the configuration (quarkus.smallrye-openapi.info-*), set after this
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        openAPI.getInfo().setDescription(DESCRIPTION);
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(RequestIds.HEADER, OASFactory.createHeader().required(true).schema(string(128))
                .description("The request's id: the caller's X-Request-Id when it is a sane token, else the trace id"
                        + " of its traceparent, else a new UUID. Problem documents and log lines name it."));
        headers.put("RateLimit", OASFactory.createHeader().schema(string(200))
                .description("What is left of the client's quota (IETF httpapi-ratelimit-headers): the policy, r ="
                        + " requests left, t = seconds until one more is allowed. Absent where the operators turned"
                        + " rate limiting off.").example("\"default\";r=119;t=0"));
        headers.put("RateLimit-Policy", OASFactory.createHeader().schema(string(200))
                .description("The quota: q = requests at once, w = seconds the quota takes to refill at the steady"
                        + " rate. Absent where the operators turned rate limiting off.")
                .example("\"default\";q=120;w=6"));
        headers.put("Retry-After", OASFactory.createHeader().required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(
                        java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(86_400)))
                .description("Seconds to wait before the next request").example(1));
        headers.put("WWW-Authenticate", OASFactory.createHeader().required(true).schema(string(200))
                .description("Names the header the API key goes in")
                .example("ApiKey realm=\"kb-guide\", header=\"X-Api-Key\""));
        headers.put("Access-Control-Allow-Origin", OASFactory.createHeader().schema(string(2000))
                .description("Only for a browser page on an origin the operators allowed for the web widget"
                        + " (KBGUIDE_WIDGET_ALLOWED_ORIGINS): that origin. The API is meant for servers."));
        return headers;
    }

    /** The problems an operation can answer, by what it takes, and the headers of each of its responses. */
    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean body = operation.getRequestBody() != null;
        boolean conversation = path.contains("{conversationId}");
        boolean secured = ApiKeyFilter.needsKey(method.name(), path);
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (body) {
            problem(responses, "400", "The body is not valid: malformed JSON, an unknown field, a value of the wrong"
                    + " type or outside what the field allows (errors names each field)");
            problem(responses, "413", "The body is larger than the service accepts (kbguide.api.max-body-bytes,"
                    + " 16 KB by default)");
            problem(responses, "415", "The body is not sent as application/json (or its Content-Type is"
                    + " malformed)");
        }
        if (conversation) {
            problem(responses, "400", "The conversation id is forged, truncated, corrupted or from an instance with"
                    + " another signing key; start a new conversation");
            problem(responses, "410", "The conversation's article is no longer served; start a new conversation");
        }
        if (path.contains("{articleId}") || path.equals("/api/v1/conversations") && body) {
            problem(responses, "404", "No such article");
        }
        if (secured) {
            problem(responses, "401", "Only where the operators set API keys: X-Api-Key is missing or not one of"
                    + " them");
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(API_KEY)));
        } else {
            // public by design (the widget and Slack link to the collector's script): no key, ever
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        problem(responses, "406", "None of the media types the Accept header asks for can be produced here");
        problem(responses, "429", "Too many requests from this client; try again after Retry-After seconds");
        problem(responses, "500", "The service failed to answer; the error is logged under the request id");
        problem(responses, APIResponses.DEFAULT, "Any other problem, as a problem document with its status");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5") || code.equals(APIResponses.DEFAULT)) {
                problemContent(code, response);
            }
            textAsString(response);
            headers(code, response);
        });
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ContractFilter::limit);
        }
        operation.addParameter(OASFactory.createParameter().ref("RequestId"));
    }

    /**
     * Adds a problem response unless the operation describes that status itself (the scanner's bare "Bad Request"
     * for a validated body is replaced: it says nothing).
     */
    private static void problem(APIResponses responses, String code, String description) {
        APIResponse given = responses.getAPIResponse(code);
        if (given == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        } else if ("Bad Request".equals(given.getDescription())) {
            given.setDescription(description);
        }
    }

    /** A problem document for an error response that names no body of its own, with an example. */
    private static void problemContent(String code, APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (!content.hasMediaType(Problem.MEDIA_TYPE)) {
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM)));
        }
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            Map<String, Object> example = ProblemExamples.of(code);
            if (example != null) {
                media.addExample(String.valueOf(example.get("title")), OASFactory.createExample()
                        .value(example));
            }
        }
    }

    /** Markdown and plain text are strings, whatever schema the scanner gave them from the method's type. */
    private static void textAsString(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        response.getContent().getMediaTypes().forEach((type, media) -> {
            if (type.startsWith("text/")) {
                media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description(type.startsWith("text/markdown") ? "Markdown (CommonMark), for a ticket or a chat"
                                : "Plain text"));
            }
        });
    }

    private static void headers(String code, APIResponse response) {
        response.addHeader(RequestIds.HEADER, ref(RequestIds.HEADER));
        response.addHeader("RateLimit", ref("RateLimit"));
        response.addHeader("RateLimit-Policy", ref("RateLimit-Policy"));
        response.addHeader("Access-Control-Allow-Origin", ref("Access-Control-Allow-Origin"));
        if (code.equals("429")) {
            response.addHeader("Retry-After", ref("Retry-After"));
        }
        if (code.equals("401")) {
            response.addHeader("WWW-Authenticate", ref("WWW-Authenticate"));
        }
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    /** What the service accepts in each path and query parameter. */
    private static void limit(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || parameter.getRef() != null) {
            return;
        }
        switch (parameter.getName()) {
            case "conversationId" -> {
                schema.maxLength(io.kbguide.dialogue.ConversationCodec.MAX_LENGTH).pattern("^[A-Za-z0-9_-]+$");
                parameter.description("The conversationId of the last step (it changes at every step)");
            }
            case "articleId" -> {
                schema.maxLength(200);
                parameter.description("An article's id, from GET /api/v1/articles");
                parameter.example("heartbeat-registry-driver");
            }
            case "format" -> {
                schema.enumeration(List.of("cmd", "ps1")).defaultValue("cmd");
                parameter.description("cmd: a cmd.exe script (Windows 2000 and 2003); ps1: PowerShell (Windows"
                        + " Server 2008 or later)");
            }
            default -> {
                if (schema.getMaxLength() == null && schema.getEnumeration() == null) {
                    schema.maxLength(200);
                }
            }
        }
    }

    /**
     * The step as what it is: a question, a read-back or the diagnosis, told apart by {@code type}, each with the
     * fields it always has (the scanner sees one record with every field optional).
     */
    static void unionOfSteps(Components components) {
        Schema step = components.getSchemas() == null ? null : components.getSchemas().get(STEP);
        if (step == null || step.getProperties() == null) {
            return; // already a union
        }
        Map<String, Schema> fields = step.getProperties();
        Map<String, String> mapping = new LinkedHashMap<>();
        List<Schema> variants = new ArrayList<>();
        variant(components, "QuestionStep", "question", "A question to answer (POST .../replies), with the"
                + " answers so far", fields, List.of("question", "answers", "earlyAnswers",
                "progress"), List.of("question", "answers", "progress"), mapping, variants);
        variant(components, "ReadBackStep", "readback", "The diagnosis is ready, but facts it rests on were read"
                + " from typed words: confirm them (POST .../confirm) or change one (a reply with factId and value)",
                fields, List.of("readBack", "answers", "earlyAnswers", "progress"),
                List.of("readBack", "answers", "progress"), mapping, variants);
        variant(components, "DiagnosisStep", "diagnosis", "The end of the conversation: the diagnosis, with the"
                + " answers it rests on", fields, List.of("diagnosis", "answers", "earlyAnswers"),
                List.of("diagnosis", "answers"), mapping, variants);
        variant(components, "ChooseArticleStep", "choose-article", "A first message without articleId matches"
                + " several articles: start again (POST /conversations) with the one chosen as articleId and the same"
                + " text", fields, List.of("articles", "message", "answers"), List.of("articles", "message", "answers"),
                mapping, variants);
        variant(components, "NoArticleStep", "no-article", "A first message without articleId matches no article:"
                + " the message says so, and whom to ask", fields, List.of("message", "answers"),
                List.of("message", "answers"), mapping, variants);
        components.addSchema(STEP, OASFactory.createSchema().description("A question, a read-back to confirm, the"
                + " diagnosis, or, for a first message that named no article, the articles to choose from or none,"
                + " told apart by type").oneOf(variants).discriminator(OASFactory
                .createDiscriminator().propertyName("type").mapping(mapping)));
    }

    private static void variant(Components components, String name, String type, String description,
            Map<String, Schema> fields, List<String> names, List<String> required,
            Map<String, String> mapping, List<Schema> variants) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
        schema.addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue(type)
                .description("What the step is: tells the kinds of step apart"));
        names.forEach(n -> schema.addProperty(n, fields.get(n)));
        List<String> all = new ArrayList<>(List.of("type"));
        all.addAll(required);
        schema.setRequired(all);
        components.addSchema(name, schema);
        mapping.put(type, "#/components/schemas/" + name);
        variants.add(OASFactory.createSchema().ref("#/components/schemas/" + name));
    }

    static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }
}
