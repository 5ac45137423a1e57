package io.kbguide.kb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where the knowledge base lives. */
@ConfigMapping(prefix = "kbguide.kb")
public interface KbConfig {

    /**
     * The kb directory: one folder per article, each with {@code flow.yaml} and the article text. Relative paths
     * resolve against the working directory.
     */
    @WithDefault("kb")
    Path dir();
}
