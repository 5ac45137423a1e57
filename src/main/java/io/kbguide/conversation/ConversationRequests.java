package io.kbguide.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the conversation API. */
public final class ConversationRequests {

    private ConversationRequests() {
    }

    @Schema(name = "StartConversation")
    public record Start(
            @Schema(examples = "heartbeat-registry-driver") @NotBlank(message = "must name an article")
            @Size(max = 200) String articleId) {
    }

    @Schema(name = "Reply", description = "An answer to the current question, or a corrected earlier answer")
    public record Reply(
            @Schema(examples = "servicePack") @NotBlank(message = "must name the fact answered") @Size(max = 200)
            String factId,
            @Schema(description = "One of the question's choice values, a version for a version question, or"
                    + " \"unknown\"", examples = "sp1")
            @NotBlank(message = "must be a choice value, a version, or unknown") @Size(max = 200) String value) {
    }
}
