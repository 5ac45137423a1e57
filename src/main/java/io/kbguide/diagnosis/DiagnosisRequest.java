package io.kbguide.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** The body of a diagnosis request. */
@Schema(description = "Facts about the server. Any fact may be omitted, null or \"unknown\".")
public record DiagnosisRequest(
        @Schema(description = "Fact id to value: one property per fact of the article, with its values (from the"
                + " kb, see GET /api/v1/articles/{articleId}). Each may also be \"unknown\" or null.",
                examples = "{\"architecture\":\"x86\",\"os\":\"windows-2003\",\"servicePack\":\"sp1\",\"useNewApi\":"
                        + "\"zero\",\"threeGb\":\"no\",\"heartbeatVersion\":\"5.0.3\",\"leakPatch\":\"not-installed\"}")
        @Size(max = 50, message = "at most 50 facts") Map<String, JsonNode> facts,
        @Schema(description = "Typed or pasted text (systeminfo, reg query, boot.ini, a chat message) to read facts"
                + " from. Facts given explicitly win over facts read from the text.",
                examples = "OS Name: Microsoft(R) Windows(R) Server 2003, Enterprise Edition")
        @Size(max = 12_000, message = "at most 12000 characters") String text) {
}
