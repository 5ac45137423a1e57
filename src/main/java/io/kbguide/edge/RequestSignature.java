package io.kbguide.edge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature Slack uses, for the requests Slack sends (verified) and the help-desk webhook's POSTs
 * (signed the same way, so that a receiver can reuse a Slack verifier). Verifies that a request comes from Slack:
 * {@code X-Slack-Signature} must be {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:{timestamp}:{raw body}} under the signing secret, compared in constant time, and
 * {@code X-Slack-Request-Timestamp} within the allowed skew of now in either direction (a replayed request, or one
 * dated in the future, is refused). Written here rather than taken from the SDK's {@code SlackSignature}, which
 * accepts future timestamps and compares with {@code String.equals}.
 */
public final class RequestSignature {

    /** Why a request was refused; never says more than the kind of fault. */
    public enum Verdict {
        VALID("valid"),
        MISSING("the X-Slack-Signature or X-Slack-Request-Timestamp header is missing"),
        MALFORMED("the signature or timestamp is malformed"),
        STALE("the request timestamp is too far from now"),
        MISMATCH("the signature does not match");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final byte[] secret;
    private final Duration skew;

    public RequestSignature(String secret, Duration skew) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.skew = skew;
    }

    public Verdict verify(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > skew.getSeconds()) {
            return Verdict.STALE;
        }
        String given = signature.trim();
        if (!given.startsWith("v0=") || given.length() != 3 + 64) {
            return Verdict.MALFORMED;
        }
        byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID
                : Verdict.MISMATCH;
    }

    /** {@code v0=} and the hex HMAC-SHA256 of {@code v0:{timestamp}:{body}}. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
