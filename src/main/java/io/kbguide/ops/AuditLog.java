package io.kbguide.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.DialogueListener;
import io.kbguide.engine.Answer;
import io.kbguide.engine.Fact;
import io.kbguide.engine.Finding;
import io.kbguide.engine.RemediationStep;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * One audit line per diagnosis given, on the {@code kbguide.audit} log category: a JSON object with the article
 * and its version, the channel, the facts, the findings, the steps advised, and a conversation reference (a hash of
 * the conversation id shown with the diagnosis, so a line can be matched with an id a person reports, while the id
 * itself, which would resume the conversation, is not logged). No secret is in it; typed or pasted words only when
 * {@code kbguide.audit.include-text} is set.
 */
@ApplicationScoped
public class AuditLog implements DialogueListener {

    private static final Logger AUDIT = Logger.getLogger("kbguide.audit");
    /** Plain JSON, as a Jackson tree writes it (the line's format since the first version). */
    private static final JsonFactory JSON = new JsonFactory();
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) { // every Java platform has SHA-256
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final boolean enabled;
    private final boolean includeText;

    @jakarta.inject.Inject
    public AuditLog(AuditConfig config) {
        this(config.enabled(), config.includeText());
    }

    AuditLog(boolean enabled, boolean includeText) {
        this.enabled = enabled;
        this.includeText = includeText;
    }

    @Override
    public void on(DialogueEvent event) {
        if (enabled && event.kind() == DialogueEvent.Kind.DIAGNOSED) {
            AUDIT.info(line(event));
        }
    }

    /** The audit line of a diagnosis, written field by field (no JSON tree: one is written per diagnosis given). */
    String line(DialogueEvent e) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "diagnosis");
            json.writeStringField("time", Instant.now().toString());
            json.writeStringField("article", e.articleId());
            json.writeStringField("articleVersion", e.articleVersion());
            json.writeStringField("channel", e.channel().id());
            json.writeStringField("conversation", reference(e.conversationId()));
            String requestId = io.kbguide.ops.RequestIds.current();
            if (requestId != null) {
                json.writeStringField("requestId", requestId);
            }
            json.writeObjectFieldStart("facts");
            for (Answer a : e.answers()) {
                json.writeStringField(a.factId(), a.value());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("findings");
            for (Map.Entry<String, Finding> f : e.diagnosis().findings().entrySet()) {
                json.writeStringField(f.getKey(), f.getValue().value());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("steps");
            for (RemediationStep step : e.diagnosis().remediation()) {
                json.writeString(step.id());
            }
            json.writeEndArray();
            json.writeBooleanField("complete", e.diagnosis().complete());
            json.writeArrayFieldStart("missingFacts");
            for (Fact fact : e.diagnosis().missingFacts()) {
                json.writeString(fact.id());
            }
            json.writeEndArray();
            if (includeText && !e.evidence().isEmpty()) {
                json.writeObjectFieldStart("evidence");
                for (Map.Entry<String, String> words : e.evidence().entrySet()) {
                    json.writeStringField(words.getKey(), words.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException impossible) { // a StringWriter does not fail
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /** A short, stable reference to a conversation id: the first 16 hex digits of its SHA-256. */
    static String reference(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        byte[] hash = sha256().digest(conversationId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** A fresh SHA-256 digest: a copy of one made once (looking the algorithm up costs more than the hash). */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) { // every Java platform has SHA-256
                throw new IllegalStateException(impossible);
            }
        }
    }
}
