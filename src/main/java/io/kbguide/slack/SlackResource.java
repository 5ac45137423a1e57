package io.kbguide.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import io.kbguide.edge.JsonBodies;
import io.kbguide.edge.RequestSignature;
import io.kbguide.problem.Problem;
import io.kbguide.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Slack's three request URLs. Every request is verified (signature and timestamp) before its body is parsed; an
 * unverified one is a 401 and nothing is done. With no signing secret configured these endpoints do not exist
 * (404). Button clicks and events are acknowledged at once and answered afterwards, within Slack's 3 seconds.
 */
@Path("/slack")
public class SlackResource {

    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SlackResource.class);

    private final SlackChannel channel;
    private final SlackClient client;
    private final RequestSignature signature;
    private final Clock clock;
    private final long maxBodyBytes;

    public SlackResource(SlackConfig config, SlackChannel channel, SlackClient client) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.channel = channel;
        this.client = client;
        this.signature = config.signingSecret().filter(s -> !s.isBlank())
                .map(s -> new RequestSignature(s, config.maxClockSkew())).orElse(null);
        this.clock = Clock.systemUTC();
    }

    @POST
    @Path("/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response command(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
            @HeaderParam(SIGNATURE) String sig) {
        verify(body, timestamp, sig);
        SlashCommandPayload payload = new SlashCommandPayloadParser().parse(new String(body, StandardCharsets.UTF_8));
        List<SlackMessages.Message> messages = channel.command(payload.getText());
        if (messages.size() > 1) {
            List<SlackMessages.Message> rest = List.copyOf(messages.subList(1, messages.size()));
            client.later(() -> client.respond(payload.getResponseUrl(), rest, false, null));
        }
        SlackMessages.Message first = messages.get(0);
        return json(SlashCommandResponse.builder().responseType("ephemeral").text(first.text())
                .blocks(first.blocks()).build());
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response interaction(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
            @HeaderParam(SIGNATURE) String sig) {
        verify(body, timestamp, sig);
        String json = formValue(new String(body, StandardCharsets.UTF_8), "payload");
        if (json == null) {
            throw malformed("the body has no 'payload' field");
        }
        JsonObject root = object(json);
        if (!"block_actions".equals(string(root, "type"))) {
            return Response.ok().build(); // other interactions (shortcuts, views) are not used by this app
        }
        BlockActionPayload payload;
        try {
            payload = GSON.fromJson(root, BlockActionPayload.class);
        } catch (JsonParseException e) {
            throw malformed("the payload is not a block_actions payload");
        }
        if (!client.allowed(payload.getResponseUrl())) {
            LOG.warn("Slack interaction ignored: its response_url is not on an allowed host");
            return Response.ok().build();
        }
        client.later(() -> channel.interaction(payload));
        return Response.ok().build();
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response event(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
            @HeaderParam(SIGNATURE) String sig) {
        verify(body, timestamp, sig);
        JsonObject root = object(new String(body, StandardCharsets.UTF_8));
        String type = string(root, "type");
        if ("url_verification".equals(type)) {
            return json(Map.of("challenge", String.valueOf(string(root, "challenge"))));
        }
        if (!"event_callback".equals(type) || !root.has("event") || !root.get("event").isJsonObject()) {
            return Response.ok().build();
        }
        JsonObject event = root.getAsJsonObject("event");
        String eventType = string(event, "type");
        String subtype = string(event, "subtype");
        boolean fromPerson = string(event, "bot_id") == null && (subtype == null || "file_share".equals(subtype))
                && string(event, "user") != null;
        boolean mention = "app_mention".equals(eventType);
        boolean direct = "message".equals(eventType) && "im".equals(string(event, "channel_type"));
        if (fromPerson && (mention || direct)) {
            String where = string(event, "channel");
            String ts = string(event, "ts");
            String threadTs = string(event, "thread_ts");
            String text = string(event, "text");
            List<SlackChannel.SharedFile> files = new java.util.ArrayList<>();
            if (event.has("files") && event.get("files").isJsonArray()) {
                for (JsonElement f : event.getAsJsonArray("files")) {
                    if (f.isJsonObject()) {
                        JsonObject file = f.getAsJsonObject();
                        String url = string(file, "url_private_download");
                        files.add(new SlackChannel.SharedFile(string(file, "name"), string(file, "mimetype"),
                                string(file, "filetype"), url != null ? url : string(file, "url_private")));
                    }
                }
            }
            client.later(() -> channel.message(where, ts, threadTs, text, files));
        }
        return Response.ok().build();
    }

    /** Refuses what Slack did not send: 404 when the app is off, 401 when the signature or timestamp fails. */
    private void verify(byte[] body, String timestamp, String sig) {
        if (signature == null) {
            throw new NotFoundException();
        }
        JsonBodies.limit(body, maxBodyBytes); // a chunked body is measured only now
        RequestSignature.Verdict verdict = signature.verify(timestamp, sig, body, clock.instant());
        if (verdict != RequestSignature.Verdict.VALID) {
            throw new ProblemException(401, "invalid-slack-signature", "Invalid Slack signature",
                    "The request was not verified as coming from Slack: " + verdict.reason() + ".", List.of());
        }
    }

    private static Response json(Object body) {
        return Response.ok(GSON.toJson(body), MediaType.APPLICATION_JSON).build();
    }

    private static JsonObject object(String json) {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw malformed("the payload is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw malformed("the payload is not valid JSON");
        }
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw malformed("the form is not valid URL encoding");
                }
            }
        }
        return null;
    }

    private static ProblemException malformed(String why) {
        return ProblemException.badRequest("malformed-slack-payload", "Malformed Slack payload",
                "The Slack request could not be read: " + why + ".",
                List.of(new Problem.FieldError("payload", why, null)));
    }
}
