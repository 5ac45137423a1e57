package io.kbguide.conversation;

import io.kbguide.dialogue.ConversationCodec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Provides the codec with the configured key, or with a key generated once and kept on disk. */
@ApplicationScoped
public class ConversationKeys {

    private static final Logger LOG = Logger.getLogger(ConversationKeys.class);

    @Produces
    @Singleton
    ConversationCodec codec(ConversationConfig config) {
        if (config.signingKey().isPresent()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(config.signingKey().get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("kbguide.conversation.signing-key is not valid base64", e);
            }
            if (key.length < 32) {
                throw new IllegalStateException("kbguide.conversation.signing-key must decode to at least 32 bytes"
                        + " (generate one with: openssl rand -base64 32)");
            }
            return new ConversationCodec(key, previous(config));
        }
        return new ConversationCodec(keyFromFile(config.keyFile().toAbsolutePath()), previous(config));
    }

    /** The previous keys, decoded and checked. */
    static java.util.List<byte[]> previous(ConversationConfig config) {
        java.util.List<byte[]> keys = new java.util.ArrayList<>();
        for (String text : config.previousSigningKeys().orElse(java.util.List.of())) {
            if (text.isBlank()) {
                continue;
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("kbguide.conversation.previous-signing-keys holds a key that is not"
                        + " valid base64", e);
            }
            if (key.length < 32) {
                throw new IllegalStateException("kbguide.conversation.previous-signing-keys holds a key shorter than"
                        + " 32 bytes");
            }
            keys.add(key);
        }
        return keys;
    }

    static byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
                if (key.length >= 32) {
                    return key;
                }
                throw new IllegalStateException(file + " holds no valid key; delete it to have a new one generated");
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            LOG.infof("Generated a conversation signing key in %s; set kbguide.conversation.signing-key to share"
                    + " one key between instances", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the conversation key file " + file
                    + " (set kbguide.conversation.signing-key or kbguide.conversation.key-file)", e);
        }
    }
}
