package io.kbguide.engine;

/** Why a client's answer for one fact was refused, and what would be accepted. */
public record FactError(String factId, String message, String allowed) {
}
