package io.kbguide.dialogue;

import io.kbguide.engine.Answer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Conversation ids: the whole state of a conversation (article, article version, answers in order), signed
 * with HMAC-SHA256 and encoded base64url. No store is needed, memory does not grow with abandoned
 * conversations, and a forged, truncated or corrupted id is refused.
 */
public final class ConversationCodec {

    /** Longest id accepted; Slack button values hold at most 2000 characters. */
    public static final int MAX_LENGTH = 2000;

    private static final int MAC_BYTES = 16;
    private static final String FORMAT = "c1";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final byte[] key;

    public ConversationCodec(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the conversation signing key must have at least 32 bytes");
        }
        this.key = key.clone();
    }

    /**
     * The state an id carries.
     *
     * @param confirm a fact whose value must be confirmed before it is used (typed text gave it two values, or
     *        contradicted an earlier answer), with the candidate values; null when nothing awaits confirmation
     * @param typed   answers that came from typed words and are not confirmed yet: fact id to the words they were
     *        read from (at most {@link #MAX_EVIDENCE} bytes), in the order read
     * @param origins where answers read from a message came from: fact id to {@code typed} or {@code pasted};
     *        an answer not listed was given with a button (or as a value)
     */
    public record State(String articleId, String articleVersion, List<Answer> answers, Confirmation confirm,
            Map<String, String> typed, Map<String, String> origins) {

        public State {
            answers = List.copyOf(answers);
            typed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(typed));
            origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        }

        public State(String articleId, String articleVersion, List<Answer> answers, Confirmation confirm,
                Map<String, String> typed) {
            this(articleId, articleVersion, answers, confirm, typed, Map.of());
        }

        public State(String articleId, String articleVersion, List<Answer> answers, Confirmation confirm) {
            this(articleId, articleVersion, answers, confirm, Map.of());
        }

        public State(String articleId, String articleVersion, List<Answer> answers) {
            this(articleId, articleVersion, answers, null);
        }
    }

    /** Longest evidence carried for a typed answer, in bytes of UTF-8; longer words are cut with "...". */
    public static final int MAX_EVIDENCE = 60;

    /** A fact waiting to be confirmed, and the values to choose from. */
    public record Confirmation(String factId, List<String> values) {

        public Confirmation {
            values = List.copyOf(values);
        }
    }

    /** Why an id was refused. */
    public static class InvalidIdException extends RuntimeException {
        public InvalidIdException(String message) {
            super(message);
        }
    }

    public String encode(State state) {
        StringBuilder text = new StringBuilder(FORMAT).append('|').append(check(state.articleId())).append('|')
                .append(check(state.articleVersion())).append('|');
        for (int i = 0; i < state.answers().size(); i++) {
            Answer a = state.answers().get(i);
            text.append(i == 0 ? "" : ",").append(check(a.factId())).append('=').append(check(a.value()));
        }
        boolean origins = !state.origins().isEmpty();
        if (state.confirm() != null || !state.typed().isEmpty() || origins) {
            text.append('|');
        }
        if (state.confirm() != null) {
            text.append(check(state.confirm().factId())).append('=');
            for (int i = 0; i < state.confirm().values().size(); i++) {
                text.append(i == 0 ? "" : "/").append(check(state.confirm().values().get(i)));
            }
        }
        if (!state.typed().isEmpty() || origins) {
            text.append('|');
            boolean first = true;
            for (Map.Entry<String, String> t : state.typed().entrySet()) {
                text.append(first ? "" : ",").append(check(t.getKey())).append(':').append(Base64.getUrlEncoder()
                        .withoutPadding().encodeToString(cut(t.getValue()).getBytes(StandardCharsets.UTF_8)));
                first = false;
            }
        }
        if (origins) {
            text.append('|');
            boolean first = true;
            for (Map.Entry<String, String> o : state.origins().entrySet()) {
                text.append(first ? "" : ",").append(check(o.getKey())).append(':').append(check(o.getValue()));
                first = false;
            }
        }
        byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public State decode(String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidIdException("the conversation id is empty");
        }
        if (id.length() > MAX_LENGTH || !ID.matcher(id).matches()) {
            throw new InvalidIdException("this is not a conversation id issued by this service");
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdException("the conversation id is truncated or corrupted");
        }
        if (token.length <= MAC_BYTES) {
            throw new InvalidIdException("the conversation id is truncated or corrupted");
        }
        byte[] payload = Arrays.copyOf(token, token.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC_BYTES, token.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            throw new InvalidIdException("the conversation id is truncated, corrupted, or was not issued by this"
                    + " service (or by one with the same signing key)");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length < 4 || parts.length > 7 || !FORMAT.equals(parts[0])) {
            throw new InvalidIdException("the conversation id has a format this service does not know");
        }
        List<Answer> answers = new ArrayList<>();
        if (!parts[3].isEmpty()) {
            for (String pair : parts[3].split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidIdException("the conversation id has a format this service does not know");
                }
                answers.add(new Answer(pair.substring(0, eq), pair.substring(eq + 1)));
            }
        }
        Confirmation confirm = null;
        if (parts.length >= 5 && !parts[4].isEmpty()) {
            int eq = parts[4].indexOf('=');
            if (eq <= 0) {
                throw new InvalidIdException("the conversation id has a format this service does not know");
            }
            confirm = new Confirmation(parts[4].substring(0, eq), List.of(parts[4].substring(eq + 1).split("/")));
        }
        Map<String, String> typed = new LinkedHashMap<>();
        if (parts.length >= 6 && !parts[5].isEmpty()) {
            for (String pair : parts[5].split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0) {
                    throw new InvalidIdException("the conversation id has a format this service does not know");
                }
                try {
                    typed.put(pair.substring(0, colon), new String(Base64.getUrlDecoder()
                            .decode(pair.substring(colon + 1)), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new InvalidIdException("the conversation id has a format this service does not know");
                }
            }
        }
        Map<String, String> origins = new LinkedHashMap<>();
        if (parts.length == 7) {
            for (String pair : parts[6].split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0) {
                    throw new InvalidIdException("the conversation id has a format this service does not know");
                }
                origins.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        return new State(parts[1], parts[2], answers, confirm, typed, origins);
    }

    /**
     * Evidence as carried in an id: whitespace folded, at most {@link #MAX_EVIDENCE} bytes of UTF-8 (cut at a
     * character boundary, with "..."), so that an id with every fact typed stays well under {@link #MAX_LENGTH}.
     */
    public static String cut(String evidence) {
        String folded = evidence.strip().replaceAll("\\s+", " ");
        if (folded.getBytes(StandardCharsets.UTF_8).length <= MAX_EVIDENCE) {
            return folded;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 3; // the "..."
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_EVIDENCE) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.append("...").toString();
    }

    private static String check(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("'" + token + "' cannot be carried in a conversation id");
        }
        return token;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
