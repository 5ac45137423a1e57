package io.kbguide.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sentences in another language through that language's pack ({@code languages} in language.yaml): a
 * sentence with more of one pack's marker words than of any other pack's is glossed word by word (longest phrase
 * first) into the English the rest of the reader understands ("kein /3GB" becomes "no /3GB", "n'est pas installé"
 * "is not installed"). A word the pack does not know, and that is not one of the shared technical terms, becomes
 * {@link #UNKNOWN} (an English function word, "not" in "est not present", is kept): the reader drops every mention in a clause that holds one, so a word it cannot read never lets
 * a value through ("a value needs a reason the reader understands"). Technical tokens (anything with a digit,
 * "/3GB", "SP2", "5.0.3", paths) are kept as written. The glossed text keeps, for every character, the span of the
 * original text it came from, so that the evidence shown to the person is their own words. Pure and thread-safe.
 */
final class Glosser {

    /** Stands for a word of a glossed sentence the pack does not know. */
    static final char UNKNOWN = '\u00a4';

    /**
     * A language pack.
     *
     * @param id          the language's code ("de")
     * @param name        its name in English, for messages ("German")
     * @param markers     folded words that mark a sentence as this language ("nicht", "ist")
     * @param words       word or phrase (tokens joined by one space), lower case as written and folded, to its
     *                    English (empty drops it); the form as written wins ("sí" is yes, "si" is if)
     * @param longest     the most tokens in a key of {@code words}
     */
    record Pack(String id, String name, Set<String> markers, Map<String, String> words, int longest) {
    }

    /** A word of a glossed sentence that was not read, with the pack's language. */
    record Unread(String word, String language) {
    }

    /**
     * A message with its sentences in a known other language glossed.
     *
     * @param text     the glossed text (the message itself where nothing was glossed)
     * @param original the message as written
     * @param from     for each character of {@code text}, where the original text it stands for starts
     * @param to       for each character of {@code text}, where the original text it stands for ends
     * @param unread   the words not read, in the order they appear
     */
    record Glossed(String text, String original, int[] from, int[] to, List<Unread> unread) {

        boolean changed() {
            return from != null;
        }

        /**
         * The original words a piece of the glossed text stands for: the evidence shown is what the person wrote
         * ("kein /3GB", not "no /3GB"). Text not found in the glossed text is returned as it is.
         */
        String original(String glossed) {
            if (from == null || glossed == null || glossed.isEmpty()) {
                return glossed;
            }
            int at = text.indexOf(glossed);
            if (at < 0) {
                return glossed;
            }
            int end = at + glossed.length() - 1;
            return original.substring(from[at], Math.max(from[at], to[end])).strip();
        }
    }

    private static final Pattern LINE = Pattern.compile("[^\\r\\n]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;!?](?=\\s|$)");
    /** A word: letters, digits and "_"; a French elision ("n'", "l'", "qu'") is a word of its own. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+(?:'(?=\\p{L}))?");
    /** A word of a phrase in the pack: as {@link #TOKEN}, and "n'" written alone is the elided word. */
    private static final Pattern KEY_TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+'?");
    private static final Pattern DIGITS_AFTER = Pattern.compile("[\\p{L}_]*\\d");
    private static final Pattern DIGITS_BEFORE = Pattern.compile("\\d[\\p{L}\\d_]*$");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private final List<Pack> packs;
    private final Set<String> terms;
    private final Set<String> english;

    /**
     * @param packs   the language packs
     * @param terms   folded words read the same in every language (Windows, server, patch, UseNewApi)
     * @param english folded words that mark a sentence as English ("the", "is", "not"): a sentence is glossed only
     *                when a pack's markers outnumber them, so one word that looks foreign ("present") does not
     *                make an English sentence foreign
     */
    Glosser(List<Pack> packs, Set<String> terms, Set<String> english) {
        this.packs = List.copyOf(packs);
        this.terms = Set.copyOf(terms);
        this.english = Set.copyOf(english);
    }

    boolean isEmpty() {
        return packs.isEmpty();
    }

    /** Lower case, without diacritics ("Présent" is "present"), apostrophes as "'". */
    static String fold(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) {
            ascii = word.charAt(i) < 128;
        }
        if (ascii) {
            return word.toLowerCase(Locale.ROOT); // the common case, without the cost of a normalisation
        }
        String s = Normalizer.normalize(word.replace('\u2019', '\''), Normalizer.Form.NFD);
        return DIACRITICS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The tokens of a phrase, folded and joined by one space: the key a phrase is looked up by. */
    static String key(String phrase) {
        return String.join(" ", tokens(phrase, true));
    }

    /** The tokens of a phrase in lower case, with their diacritics, joined by one space. */
    static String lowerKey(String phrase) {
        return String.join(" ", tokens(phrase, false));
    }

    private static List<String> tokens(String phrase, boolean folded) {
        List<String> tokens = new ArrayList<>();
        Matcher t = KEY_TOKEN.matcher(phrase.replace('\u2019', '\''));
        while (t.find()) {
            tokens.add(folded ? fold(t.group()) : t.group().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    /** The message with each sentence in a pack's language glossed into English. */
    Glossed gloss(String text) {
        if (packs.isEmpty()) {
            return new Glossed(text, text, null, null, List.of());
        }
        StringBuilder out = null;
        List<Integer> from = null;
        List<Integer> to = null;
        List<Unread> unread = new ArrayList<>();
        int copied = 0;
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            int s = line.start();
            Matcher end = SENTENCE_END.matcher(text).region(line.start(), line.end());
            while (s < line.end()) {
                int e = end.find() ? end.end() : line.end();
                List<int[]> tokens = tokens(text, s, e);
                Pack pack = pack(text, tokens);
                if (pack != null) {
                    if (out == null) {
                        out = new StringBuilder(text.length() + 16);
                        from = new ArrayList<>(text.length() + 16);
                        to = new ArrayList<>(text.length() + 16);
                    }
                    copy(text, copied, s, out, from, to);
                    glossSentence(text, s, e, tokens, pack, out, from, to, unread);
                    copied = e;
                }
                s = e;
            }
        }
        if (out == null) {
            return new Glossed(text, text, null, null, List.of());
        }
        copy(text, copied, text.length(), out, from, to);
        return new Glossed(out.toString(), text, from.stream().mapToInt(Integer::intValue).toArray(),
                to.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(unread));
    }

    private static List<int[]> tokens(String text, int start, int end) {
        List<int[]> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(text).region(start, end);
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        return tokens;
    }

    /**
     * The pack with the most marker words in the sentence, if it has more than every other pack and more than the
     * sentence has English markers; else null.
     */
    private Pack pack(String text, List<int[]> tokens) {
        Pack best = null;
        int bestCount = 0;
        boolean tie = false;
        List<String> words = new ArrayList<>(tokens.size());
        int englishCount = 0;
        for (int[] t : tokens) {
            String w = fold(text.substring(t[0], t[1]));
            words.add(w);
            if (english.contains(w)) {
                englishCount++;
            }
        }
        for (Pack p : packs) {
            int count = 0;
            for (String w : words) {
                if (p.markers().contains(w)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = p;
                bestCount = count;
                tie = false;
            } else if (count > 0 && count == bestCount) {
                tie = true;
            }
        }
        return tie || bestCount <= englishCount ? null : best;
    }

    private void glossSentence(String text, int start, int end, List<int[]> tokens, Pack pack, StringBuilder out,
            List<Integer> from, List<Integer> to, List<Unread> unread) {
        int at = start;
        for (int i = 0; i < tokens.size(); ) {
            int[] t = tokens.get(i);
            copy(text, at, t[0], out, from, to);
            String word = text.substring(t[0], t[1]);
            if (technical(text, t)) {
                copy(text, t[0], t[1], out, from, to);
                at = t[1];
                i++;
                continue;
            }
            int taken = 0;
            String english = null;
            for (int n = Math.min(pack.longest(), tokens.size() - i); n >= 1 && english == null; n--) {
                if (!adjacent(text, tokens, i, n)) {
                    continue;
                }
                StringBuilder lower = new StringBuilder();
                StringBuilder folded = new StringBuilder();
                for (int k = i; k < i + n; k++) {
                    if (k > i) {
                        lower.append(' ');
                        folded.append(' ');
                    }
                    String w = text.substring(tokens.get(k)[0], tokens.get(k)[1]);
                    lower.append(w.replace('\u2019', '\'').toLowerCase(Locale.ROOT));
                    folded.append(fold(w));
                }
                english = pack.words().get(lower.toString());
                if (english == null) {
                    english = pack.words().get(folded.toString());
                }
                taken = n;
            }
            String folded = fold(word);
            if (english == null) {
                taken = 1;
            }
            int last = tokens.get(i + taken - 1)[1];
            if (english != null) {
                if (i == 0 && !english.isEmpty() && !isQuestion(text, end)
                        && AUXILIARY.matcher(english).lookingAt()) {
                    english = "it " + english; // "Es un 2003" is a statement, "is a 2003" would read as a question
                }
                if (word.endsWith("'") && !english.isEmpty()) {
                    english = english + " "; // "l'une": "the one", not "theone"
                }
                emit(english, t[0], last, out, from, to);
            } else if (terms.contains(folded) || this.english.contains(folded)) {
                copy(text, t[0], t[1], out, from, to);
            } else {
                emit(String.valueOf(UNKNOWN), t[0], t[1], out, from, to);
                unread.add(new Unread(word, pack.name()));
            }
            at = last;
            i += taken;
        }
        copy(text, at, end, out, from, to);
    }

    /**
     * English auxiliaries the reader takes for the start of a question. A sentence of a pack's language may start
     * with its verb and still be a statement ("Es un Windows 2003", "Ist ne 2003er"); only a "?" makes it a question.
     */
    private static final Pattern AUXILIARY = Pattern.compile(
            "(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would|should)\\b");

    /** Whether the sentence ending at {@code end} is a question: it ends with "?". */
    private static boolean isQuestion(String text, int end) {
        String s = text.substring(0, end).stripTrailing();
        return s.endsWith("?");
    }

    /** Whether tokens i..i+n-1 follow one another with only white space or a hyphen between them. */
    private static boolean adjacent(String text, List<int[]> tokens, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            String gap = text.substring(tokens.get(k - 1)[1], tokens.get(k)[0]);
            if (!gap.isBlank() && !gap.strip().equals("-")) {
                return false;
            }
            if (technical(text, tokens.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A token kept as written: it holds a digit or "_", or it is part of a path, a switch or a file name ("/3GB",
     * "boot.ini", "HKLM\...").
     */
    private static boolean technical(String text, int[] t) {
        for (int k = t[0]; k < t[1]; k++) {
            char c = text.charAt(k);
            if (Character.isDigit(c) || c == '_') {
                return true;
            }
        }
        char before = t[0] > 0 ? text.charAt(t[0] - 1) : ' ';
        char after = t[1] < text.length() ? text.charAt(t[1]) : ' ';
        if (after == '-' && DIGITS_AFTER.matcher(text).region(t[1] + 1, text.length()).lookingAt()
                || before == '-' && DIGITS_BEFORE.matcher(text.substring(0, t[0] - 1)).find()) {
            return true; // part of a name with a number: "PRD-SQL02", "SRV-HB01"
        }
        boolean dotted = after == '.' && t[1] + 1 < text.length() && Character.isLetterOrDigit(text.charAt(t[1] + 1));
        return before == '/' || before == '\\' || after == '\\' || before == '.' && t[0] > 1
                && Character.isLetterOrDigit(text.charAt(t[0] - 2)) || dotted;
    }

    private static void copy(String text, int start, int end, StringBuilder out, List<Integer> from,
            List<Integer> to) {
        for (int k = start; k < end; k++) {
            out.append(text.charAt(k));
            from.add(k);
            to.add(k + 1);
        }
    }

    private static void emit(String english, int start, int end, StringBuilder out, List<Integer> from,
            List<Integer> to) {
        for (int k = 0; k < english.length(); k++) {
            out.append(english.charAt(k));
            from.add(start);
            to.add(end);
        }
    }
}
