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

    /**
     * The title for people: without the "(editorial)" marker a kb puts on headings that are not in the original
     * article (kb/README.md), which is for the kb's editors, not for a ticket.
     */
    public static String name(String title) {
        String t = title.strip();
        return t.endsWith(EDITORIAL) ? t.substring(0, t.length() - EDITORIAL.length()).strip() : t;
    }

    private static final String EDITORIAL = "(editorial)";

    /** Whether the quote occurs verbatim in this section (white space folded). */
    public boolean contains(String quote) {
        return plainText.contains(Text.fold(quote));
    }
}
