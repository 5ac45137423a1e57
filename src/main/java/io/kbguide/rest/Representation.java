package io.kbguide.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * How a step or a diagnosis is served: JSON, Markdown or plain text, whichever of them comes first in what the
 * client accepts (JSON for {@code *}{@code /*} or no Accept). The one content negotiation of the REST channel: each
 * operation has one method producing all three (a client accepting none of them gets RESTEasy's 406).
 */
enum Representation {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(Representation.MARKDOWN_TYPE + ";charset=UTF-8"),
    TEXT(MediaType.TEXT_PLAIN + ";charset=UTF-8");

    /** Markdown's media type, for {@code @Produces}. */
    static final String MARKDOWN_TYPE = "text/markdown";
    private static final MediaType MARKDOWN_MEDIA_TYPE = MediaType.valueOf(MARKDOWN_TYPE);

    /** The Content-Type of a response in this representation. */
    final String mediaType;

    Representation(String mediaType) {
        this.mediaType = mediaType;
    }

    static Representation of(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return JSON;
            }
            if (accepted.isCompatible(MARKDOWN_MEDIA_TYPE)) {
                return MARKDOWN;
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return TEXT;
            }
        }
        return JSON;
    }
}
