package io.kbguide.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.DialogueListener;
import io.kbguide.engine.Answer;
import io.kbguide.engine.RemediationStep;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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

    private final ObjectMapper mapper;
    private final boolean enabled;
    private final boolean includeText;

    public AuditLog(ObjectMapper mapper,
            @ConfigProperty(name = "kbguide.audit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "kbguide.audit.include-text", defaultValue = "false") boolean includeText) {
        this.mapper = mapper;
        this.enabled = enabled;
        this.includeText = includeText;
    }

    @Override
    public void on(DialogueEvent event) {
        if (enabled && event.kind() == DialogueEvent.Kind.DIAGNOSED) {
            AUDIT.info(line(event));
        }
    }

    /** The audit line of a diagnosis. */
    String line(DialogueEvent e) {
        ObjectNode line = mapper.createObjectNode();
        line.put("type", "diagnosis");
        line.put("time", Instant.now().toString());
        line.put("article", e.articleId());
        line.put("articleVersion", e.articleVersion());
        line.put("channel", e.channel().id());
        line.put("conversation", reference(e.conversationId()));
        ObjectNode facts = line.putObject("facts");
        for (Answer a : e.answers()) {
            facts.put(a.factId(), a.value());
        }
        ObjectNode findings = line.putObject("findings");
        e.diagnosis().findings().forEach((id, f) -> findings.put(id, f.value()));
        ArrayNode steps = line.putArray("steps");
        e.diagnosis().remediation().stream().map(RemediationStep::id).forEach(steps::add);
        line.put("complete", e.diagnosis().complete());
        ArrayNode missing = line.putArray("missingFacts");
        e.diagnosis().missingFacts().forEach(f -> missing.add(f.id()));
        if (includeText && !e.evidence().isEmpty()) {
            ObjectNode evidence = line.putObject("evidence");
            e.evidence().forEach(evidence::put);
        }
        return line.toString();
    }

    /** A short, stable reference to a conversation id: the first 16 hex digits of its SHA-256. */
    static String reference(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
