package io.kbguide.render;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where links in answers point: read by every channel that writes a link (text renderings, Slack). */
@ConfigMapping(prefix = "kbguide")
public interface LinkConfig {

    /**
     * The service's public address (https://kb-guide.example.com), for absolute links in answers: the evidence
     * collector's download in Markdown, text and Slack. Unset: those answers name the path only.
     */
    Optional<String> publicBaseUrl();

    /** The public address without a trailing slash, when set. */
    default Optional<String> base() {
        return publicBaseUrl().map(u -> u.replaceAll("/+$", ""));
    }
}
