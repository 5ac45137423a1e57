package io.kbguide.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** How conversation ids are signed. */
@ConfigMapping(prefix = "kbguide.conversation")
public interface ConversationConfig {

    /**
     * The key that signs conversation ids, base64 encoded, at least 32 bytes. Give every instance the same key
     * so that a conversation continues on any of them. When unset, a key is generated once and kept in
     * {@link #keyFile()}, so that conversations survive a restart of this instance.
     */
    Optional<String> signingKey();

    /** Where the generated key is kept when {@link #signingKey()} is unset. */
    @WithDefault(".kb-guide/conversation.key")
    Path keyFile();
}
