package io.kbguide.rest;

import io.kbguide.conversation.ConversationRequests;
import io.kbguide.conversation.ConversationService;
import io.kbguide.conversation.ConversationView;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.Input;
import io.kbguide.edge.JsonBodies;
import io.kbguide.problem.Problem;
import io.kbguide.problem.ProblemException;
import io.kbguide.problem.ProblemMappers;
import io.kbguide.render.TextRenderer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/**
 * The guided conversation over HTTP: a thin adapter that turns requests into {@link Input}s for the dialogue
 * (through {@link ConversationService}, which makes the JSON view) and renders the step as JSON, Markdown or
 * text. Markdown and text clients are counted as the {@code text} channel, JSON ones as {@code api}. Every step is
 * worked out on the I/O thread ({@code @NonBlocking}): nothing in it waits (no store, no network; the audit line is
 * written by an asynchronous log handler).
 */
@Path("/api/v1/conversations")
@Tag(name = "Conversations")
@APIResponse(responseCode = "default", description = ProblemMappers.ANY_OTHER, content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConversationResource {

    static final String MARKDOWN = Representation.MARKDOWN_TYPE;
    static final String AS_ACCEPTED = ": JSON, or Markdown or plain text when the Accept header asks for them";
    static final String STEP = "The step" + AS_ACCEPTED;
    static final String STEP_FIRST = "The first step" + AS_ACCEPTED;
    static final String STEP_NEXT = "The next step" + AS_ACCEPTED;

    private final ConversationService conversations;
    private final TextRenderer renderer;
    private final JsonBodies bodies;

    public ConversationResource(ConversationService conversations, TextRenderer renderer, JsonBodies bodies) {
        this.conversations = conversations;
        this.renderer = renderer;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(operationId = "startConversation", summary = "Start a guided conversation about an article",
            description = "Returns the first step and the conversationId to continue with. An optional text (typed"
                    + " answers, or pasted systeminfo and reg query output) is read first.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConversationRequests.Start.class),
            examples = @ExampleObject(name = "Heartbeat registry driver",
            value = "{\"articleId\": \"heartbeat-registry-driver\"}")))
    @APIResponseSchema(value = ConversationView.class, responseCode = "201", responseDescription = STEP_FIRST)
    @APIResponse(responseCode = "200", description = "No articleId: the first message matches several articles"
            + " (choose-article, to start again with one) or none (no-article)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationView.ArticleRouting
            .class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @NonBlocking
    public Response start(byte[] body, UriInfo uri, HttpHeaders headers) throws IOException {
        ConversationRequests.Start request = bodies.read(body, ConversationRequests.Start.class,
                "{\"articleId\": \"heartbeat-registry-driver\"}");
        String articleId = request.articleId() == null || request.articleId().isBlank() ? null
                : request.articleId();
        if (articleId == null && (request.text() == null || request.text().isBlank())) {
            throw ProblemException.badRequest("invalid-request", "Invalid request", "articleId: must name an article,"
                    + " or text must say what the problem is", List.of(new Problem.FieldError("articleId",
                    "must name an article, or text must say what the problem is", null)));
        }
        ConversationView view = conversations.start(articleId,
                request.text() == null || request.text().isBlank() ? null : request.text(), channel(headers));
        if (view.conversationId() == null) {
            return render(Response.ok(), view, headers); // the article is to be chosen: no conversation yet
        }
        return render(Response.created(uri.getAbsolutePathBuilder().path(view.conversationId()).build()), view,
                headers);
    }

    /** The header with which the web widget says it is the widget (for metrics; it changes nothing else). */
    static final String CHANNEL_HEADER = "KB-Guide-Channel";

    /**
     * The channel a request comes through: the widget when it says so, text when it accepts Markdown or text before
     * JSON, else the API.
     */
    private static Channel channel(HttpHeaders headers) {
        if (Channel.WIDGET.id().equals(headers.getHeaderString(CHANNEL_HEADER))) {
            return Channel.WIDGET;
        }
        return Representation.of(headers) == Representation.JSON ? Channel.API : Channel.TEXT;
    }

    /** The step in the {@link Representation} the client accepts. */
    private Response render(Response.ResponseBuilder response, ConversationView view, HttpHeaders headers) {
        Representation as = Representation.of(headers);
        return response.type(as.mediaType).entity(switch (as) {
            case JSON -> conversations.json(view);
            case MARKDOWN -> renderer.markdown(view);
            case TEXT -> renderer.text(view);
        }).build();
    }

    @GET
    @Path("/{conversationId}")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(operationId = "getConversation", summary = "The current step of a conversation",
            description = "Also served as text/markdown and text/plain, for tickets and chat.")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = STEP)
    @APIResponse(responseCode = "400", description = "Forged, truncated or corrupted conversation id")
    @NonBlocking
    public Response get(@PathParam("conversationId") String conversationId, HttpHeaders headers) {
        return render(Response.ok(), conversations.get(conversationId, channel(headers)), headers);
    }

    @POST
    @Path("/{conversationId}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(operationId = "replyToConversation",
            summary = "Answer the current question, correct an earlier answer, or send typed text",
            description = "value may be \"unknown\". A reply to an earlier question is a correction: the path is"
                    + " recomputed and answers that no longer apply are dropped. A text reply is read against every"
                    + " fact: it may answer several questions at once; what was read is listed in 'understood'; two"
                    + " values for one fact, or a value contradicting an earlier answer, is asked back for"
                    + " confirmation. Continue with the returned id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConversationRequests.Reply.class), examples = {
            @ExampleObject(name = "Answer", value = "{\"factId\": \"architecture\", \"value\": \"x86\"}"),
            @ExampleObject(name = "I don't know", value = "{\"factId\": \"servicePack\", \"value\": \"unknown\"}"),
            @ExampleObject(name = "Typed text", value = "{\"text\": \"it's a w2k3 box, SP2, no /3GB\"}")}))
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = STEP_NEXT)
    @APIResponse(responseCode = "400", description = "Invalid id, unknown fact, value outside the choices, or an"
            + " answer that contradicts another; the conversation is unchanged")
    @NonBlocking
    public Response reply(@PathParam("conversationId") String conversationId, byte[] body, HttpHeaders headers)
            throws IOException {
        ConversationRequests.Reply reply = bodies.read(body, ConversationRequests.Reply.class,
                "{\"factId\": \"architecture\", \"value\": \"x86\"}");
        return render(Response.ok(), replyView(conversationId, reply, channel(headers)), headers);
    }

    private ConversationView replyView(String conversationId, ConversationRequests.Reply reply, Channel channel) {
        boolean hasText = reply.text() != null && !reply.text().isBlank();
        boolean hasAnswer = reply.factId() != null || reply.value() != null;
        if (hasText && hasAnswer) {
            throw ProblemException.badRequest("invalid-reply", "Invalid reply",
                    "Send either text, or factId and value, not both.",
                    List.of(new Problem.FieldError("text", "not allowed with factId and value", null)));
        }
        if (hasText) {
            return conversations.next(conversationId, new Input.Text(reply.text()), channel);
        }
        List<Problem.FieldError> missing = new java.util.ArrayList<>();
        if (reply.factId() == null || reply.factId().isBlank()) {
            missing.add(new Problem.FieldError("factId", "must name the fact answered (or send text)", null));
        }
        if (reply.value() == null || reply.value().isBlank()) {
            missing.add(new Problem.FieldError("value", "must be a choice value, a version, or unknown", null));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("invalid-reply", "Invalid reply", String.join("; ",
                    missing.stream().map(m -> m.field() + " " + m.message()).toList()), missing);
        }
        return conversations.next(conversationId, new Input.Answer(reply.factId(), reply.value()), channel);
    }

    @POST
    @Path("/{conversationId}/confirm")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(operationId = "confirmReadBack", summary = "Confirm the facts a read-back step shows",
            description = "After a readback step: the facts read from typed words are right, give the diagnosis. To"
                    + " change one instead, reply with its factId and value. Harmless at any other step (the step"
                    + " is returned unchanged).")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = STEP)
    @NonBlocking
    public Response confirm(@PathParam("conversationId") String conversationId, HttpHeaders headers) {
        return render(Response.ok(), conversations.next(conversationId, new Input.Confirm(), channel(headers)), headers);
    }

    @POST
    @Path("/{conversationId}/back")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(operationId = "goBack", summary = "Go back one question, forgetting its answer",
            description = "Forgets the answer to the last question asked and asks it again; a pending confirmation is"
                    + " left instead, keeping the earlier answer.")
    @APIResponse(responseCode = "409", description = "Already at the first question")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = STEP)
    @NonBlocking
    public Response back(@PathParam("conversationId") String conversationId, HttpHeaders headers) {
        return render(Response.ok(), conversations.next(conversationId, new Input.Back(), channel(headers)), headers);
    }

    @POST
    @Path("/{conversationId}/restart")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(operationId = "restartConversation",
            summary = "Start the same conversation again from the first question",
            description = "Forgets every answer; the article stays the same.")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = STEP)
    @NonBlocking
    public Response restart(@PathParam("conversationId") String conversationId, HttpHeaders headers) {
        return render(Response.ok(), conversations.next(conversationId, new Input.Restart(), channel(headers)), headers);
    }
}
