package io.kbguide.engine;

/**
 * One section of an article.
 *
 * @param anchor stable anchor that citations use
 * @param title heading text
 * @param markdown the section's body as written
 * @param plainText the body with Markdown list markers removed and white space folded, as quotes are matched
 */
public record Section(String anchor, String title, String markdown, String plainText) {

    /** Whether the quote occurs verbatim in this section (white space folded). */
    public boolean contains(String quote) {
        return plainText.contains(Text.fold(quote));
    }
}
