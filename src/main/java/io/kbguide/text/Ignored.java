package io.kbguide.text;

/**
 * A part of a message that was not used, and why.
 *
 * @param text  the part, shortened to at most 80 characters
 * @param why   the reason
 * @param words the reason in words for the person (the article's language file)
 */
public record Ignored(String text, Skip why, String words) {

    public static Ignored of(String text, Skip why, String words) {
        String t = text.strip().replaceAll("\\s+", " ");
        return new Ignored(t.length() > 80 ? t.substring(0, 77) + "..." : t, why, words);
    }
}
