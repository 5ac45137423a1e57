package io.kbguide.dialogue;

import io.kbguide.engine.Answer;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
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
 * Conversation ids: the whole state of a conversation (article, article version, answers in order, and the words
 * typed answers were read from), encrypted and authenticated with AES-256-GCM under a key derived from the
 * signing key, and encoded base64url. No store is needed, memory does not grow with abandoned conversations, a
 * forged, truncated or corrupted id is refused, and nothing a customer typed can be read from an id (ids travel in
 * URLs, proxy logs and tickets). The nonce is derived from the state (a synthetic IV), so one state always has one
 * id. Ids of the older signed-only format ({@code c1}) are still read; ids made with a previous key are read while
 * that key is listed as a previous one (key rotation).
 */
public final class ConversationCodec {

    /** Longest id accepted; Slack button values hold at most 2000 characters. */
    public static final int MAX_LENGTH = 2000;

    private static final int MAC_BYTES = 16;
    private static final String FORMAT = "c1";
    private static final String SEALED_FORMAT = "c2";
    /** The first byte of an encrypted id (a signed-only id starts with the 'c' of its format). */
    private static final byte SEALED = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "kb-guide conversation c2".getBytes(StandardCharsets.UTF_8);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final byte[] key;
    private final List<byte[]> keys;
    /** The AES key of each key, in the same order. */
    private final List<SecretKeySpec> aesKeys;
    private final byte[] nonceKey;

    public ConversationCodec(byte[] key) {
        this(key, List.of());
    }

    /**
     * @param key      the signing key ids are made with (at least 32 bytes)
     * @param previous keys ids may still have been made with (key rotation): read, never used to make ids
     */
    public ConversationCodec(byte[] key, List<byte[]> previous) {
        List<byte[]> all = new ArrayList<>();
        all.add(key);
        all.addAll(previous);
        for (byte[] k : all) {
            if (k.length < 32) {
                throw new IllegalArgumentException("the conversation signing key must have at least 32 bytes");
            }
        }
        this.key = key.clone();
        this.keys = all.stream().map(byte[]::clone).toList();
        this.aesKeys = keys.stream().map(k -> new SecretKeySpec(derive(k, "kb-guide conversation id encryption key"),
                "AES")).toList();
        this.nonceKey = derive(key, "kb-guide conversation id nonce key");
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
        text.replace(0, FORMAT.length(), SEALED_FORMAT);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(seal(text.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The id in the older signed-only format ({@code c1}): kept to test that such ids are still read. */
    String encodeSigned(State state) {
        String sealed = new String(open(Base64.getUrlDecoder().decode(encode(state))), StandardCharsets.UTF_8);
        byte[] payload = (FORMAT + sealed.substring(SEALED_FORMAT.length())).getBytes(StandardCharsets.UTF_8);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(key, payload), 0, token, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * [2][nonce][AES-GCM of the deflated payload, and its tag], the nonce an HMAC of the payload (one state, one
     * id). Deflating first keeps ids short: the words of one message often stand for several facts.
     */
    private byte[] seal(byte[] plain) {
        byte[] payload = deflate(plain);
        try {
            byte[] nonce = Arrays.copyOf(mac(nonceKey, payload), NONCE_BYTES);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, aesKeys.get(0), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(AAD);
            byte[] sealed = aes.doFinal(payload);
            byte[] token = new byte[1 + NONCE_BYTES + sealed.length];
            token[0] = SEALED;
            System.arraycopy(nonce, 0, token, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, token, 1 + NONCE_BYTES, sealed.length);
            return token;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The payload of an encrypted token, under the current key or a previous one; null when none opens it. */
    private byte[] open(byte[] token) {
        if (token.length < 1 + NONCE_BYTES + TAG_BITS / 8 || token[0] != SEALED) {
            return null;
        }
        for (SecretKeySpec k : aesKeys) {
            try {
                Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
                aes.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, token, 1, NONCE_BYTES));
                aes.updateAAD(AAD);
                return inflate(aes.doFinal(token, 1 + NONCE_BYTES, token.length - 1 - NONCE_BYTES));
            } catch (javax.crypto.AEADBadTagException e) {
                // another key's, or forged: try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }
        return null;
    }

    /** Longest state an id may inflate to (a bound against a deflate bomb in an id signed with our key). */
    private static final int MAX_STATE_BYTES = 16 * 1024;

    private static byte[] deflate(byte[] plain) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(plain);
            d.finish();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plain.length);
            byte[] buf = new byte[512];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] inflate(byte[] packed) {
        java.util.zip.Inflater i = new java.util.zip.Inflater(true);
        try {
            i.setInput(packed);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(packed.length * 3);
            byte[] buf = new byte[512];
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) {
                    return null;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_STATE_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            return null;
        } finally {
            i.end();
        }
    }

    /** A key for one purpose derived from a signing key: HMAC-SHA256 of the purpose's label (HKDF-Expand, one block). */
    private static byte[] derive(byte[] signingKey, String label) {
        return mac(signingKey, (label + "\u0001").getBytes(StandardCharsets.UTF_8));
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
        byte[] payload = token[0] == SEALED ? open(token) : signed(token);
        if (payload == null) {
            throw new InvalidIdException("the conversation id is truncated, corrupted, or was not issued by this"
                    + " service (or by one with the same signing key)");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        String format = token[0] == SEALED ? SEALED_FORMAT : FORMAT;
        if (parts.length < 4 || parts.length > 7 || !format.equals(parts[0])) {
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

    /** The payload of a signed-only ({@code c1}) token whose MAC one of the keys makes; null when none does. */
    private byte[] signed(byte[] token) {
        byte[] payload = Arrays.copyOf(token, token.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC_BYTES, token.length);
        for (byte[] k : keys) {
            if (MessageDigest.isEqual(mac, Arrays.copyOf(mac(k, payload), MAC_BYTES))) {
                return payload;
            }
        }
        return null;
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
