package io.kbguide.conversation;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the conversation API. */
public final class ConversationRequests {

    private ConversationRequests() {
    }

    /** Longest text message read, in characters (a full systeminfo paste is about 3,000). */
    public static final int MAX_TEXT = 12_000;

    @Schema(name = "StartConversation", description = "An article and an optional first message; or a first"
            + " message alone, to find the article it is about")
    public record Start(
            @Schema(examples = "heartbeat-registry-driver", description = "The article; left out, the text is matched"
                    + " against the articles: one found starts its conversation (201), several are offered to choose"
                    + " from and none is said (200, step type choose-article or no-article)")
            @Size(max = 200) String articleId,
            @Schema(description = "Optional first message: typed answers, questions, or pasted systeminfo, reg query,"
                    + " boot.ini output; what the problem is, when no article is named")
            @Size(max = MAX_TEXT, message = "at most 12000 characters") String text) {
    }

    @Schema(name = "Reply", description = "Either factId and value (an answer to the current question, a"
            + " corrected earlier answer, or an early answer to a later question), or text (typed or pasted)")
    public record Reply(
            @Schema(examples = "servicePack") @Size(max = 200) String factId,
            @Schema(description = "One of the question's choice values, a version for a version question, or"
                    + " \"unknown\"", examples = "sp1") @Size(max = 200) String value,
            @Schema(description = "A typed or pasted message, read against every fact of the article",
                    examples = "it's a w2k3 box, SP2, no /3GB")
            @Size(max = MAX_TEXT, message = "at most 12000 characters") String text) {
    }
}
