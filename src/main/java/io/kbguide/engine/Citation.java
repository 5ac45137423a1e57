package io.kbguide.engine;

/** A verbatim quote of one section of an article, named by the section's anchor. */
public record Citation(String section, String quote) {
}
