package io.kbguide.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** How conversation ids are signed, and how many steps are kept. */
@ConfigMapping(prefix = "kbguide.conversation")
public interface ConversationConfig {

    /**
     * The key conversation ids are encrypted and authenticated with (keys for AES-GCM and for the nonce are derived
     * from it), base64 encoded, at least 32 bytes. Give every instance the same key so that a conversation continues
     * on any of them. When unset, a key is generated once and kept in {@link #keyFile()}, so that conversations
     * survive a restart of this instance.
     */
    Optional<String> signingKey();

    /**
     * Keys ids may still have been made with (key rotation): ids of these keys are read, new ids are made with
     * {@link #signingKey()} only. Base64, comma-separated. Drop a key once its conversations no longer matter.
     */
    Optional<java.util.List<String>> previousSigningKeys();

    /** Where the generated key is kept when {@link #signingKey()} is unset. */
    @WithDefault(".kb-guide/conversation.key")
    Path keyFile();

    /**
     * How many steps already taken (an answer, a click, at a given step of a given conversation, on one channel) are
     * kept to be answered again without working them out, with their JSON; the least used are dropped past it. Every
     * conversation that goes the same way shares them. 0 turns it off.
     */
    @WithDefault("1000")
    int stepCacheSize();

    /**
     * Whom to ask when the knowledge base has no answer: shown when no article is about a first message, and when
     * the article does not say what a question asks. A contact line: a team, an address, a link.
     */
    @WithDefault("your IT help desk")
    String helpDesk();
}
