package io.kbguide.text;

import java.util.Objects;

/**
 * Something in the message that is recognisably about a fact but cannot be used as its answer, for example a
 * UseNewApi value of type REG_SZ. The fact does not appear among the understood facts.
 *
 * @param factId   the fact's id
 * @param evidence the words or the line of pasted output concerned
 * @param reason   why it cannot be used and what to give instead, for the user
 */
public record Rejection(String factId, String evidence, String reason) {

    public Rejection {
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(reason, "reason");
    }
}
