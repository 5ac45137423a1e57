package io.kbguide.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A literal that every match of a phrase or pattern contains, so that a line without it is not searched with the
 * (case-insensitive, hence slow) regular expression at all. Literals are compared after {@link #fold folding}
 * each character the way {@link java.util.regex.Pattern#CASE_INSENSITIVE} with {@code UNICODE_CASE} compares
 * characters, so the check never skips a line the expression would match. Where no literal can be proved
 * (alternations, character classes, escapes) there are no triggers and the expression always runs.
 */
final class Trigger {

    private Trigger() {
    }

    /**
     * Folds each character as case-insensitive Unicode matching does ({@code toLowerCase(toUpperCase(c))}),
     * keeping the length, so that positions stay the same.
     */
    static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(out);
    }

    /** The tokens of a phrase ({@link LanguageReader#phraseTokens}, which its regular expression quotes), folded. */
    static List<String> ofPhrase(String phrase) {
        List<String> tokens = new ArrayList<>();
        for (String token : LanguageReader.phraseTokens(phrase)) {
            if (!token.isEmpty()) {
                tokens.add(fold(token));
            }
        }
        return List.copyOf(tokens);
    }

    /** True when the folded text contains every trigger (none: always). */
    static boolean all(String folded, List<String> triggers) {
        for (String t : triggers) {
            if (!folded.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The literals of two or more characters a regular expression requires outside any group, when it has no
     * alternation outside groups and no comments flag (else none). Conservative: a literal
     * is a run of plain letters, digits, spaces and {@code /_-=:'} outside groups and classes; escapes, classes,
     * groups and {@code .} end a run, and a character followed by a quantifier is not part of it.
     */
    static List<String> ofRegex(String regex) {
        List<String> literals = new ArrayList<>();
        if (hasTopLevelAlternation(regex) || regex.matches("(?s).*\\(\\?[a-zA-Z-]*x.*")) {
            return List.of();
        }
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean plain = depth == 0 && isPlain(c);
            if (plain) {
                run.append(c);
                continue;
            }
            if ("?*+{".indexOf(c) >= 0 && depth == 0 && run.length() > 0) {
                run.setLength(run.length() - 1);
            }
            add(literals, run);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '{') {
                int close = regex.indexOf('}', i);
                i = close < 0 ? regex.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        add(literals, run);
        return List.copyOf(literals);
    }

    private static void add(List<String> literals, StringBuilder run) {
        if (run.length() >= 2) {
            literals.add(fold(run));
        }
        run.setLength(0);
    }

    /** The index of the ] that closes the class opening at {@code open} (escapes and nested classes skipped). */
    private static int classEnd(String regex, int open) {
        int nesting = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                nesting++;
            } else if (c == ']' && i > open + 1 && --nesting == 0) {
                return i;
            }
        }
        return regex.length();
    }

    private static boolean isPlain(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || "/_-=:'".indexOf(c) >= 0);
    }

    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
