package io.kbguide.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** The help-desk API's edge: who may call it and how large a request may be. */
@ConfigMapping(prefix = "kbguide.api")
public interface ApiConfig {

    /**
     * API keys (comma-separated). Set: every {@code /api/v1/*} request needs {@code X-Api-Key} with one of them,
     * whatever {@code Origin} it claims; the widget's {@code /widget/v1/*} paths never need one. Unset: no keys.
     */
    Optional<List<String>> keys();

    /** Largest request body, in bytes; a larger one gets a 413 problem (checked against Content-Length first). */
    @WithDefault("16384")
    long maxBodyBytes();
}
