package io.kbguide.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kbguide.engine.Version;

/**
 * Reads typed text: the lines no reader of pasted output consumed. For each fact, the phrases and patterns of
 * its values and rejections are looked for (after blanking its {@code ignore} matches); where mentions overlap
 * the longest wins. Each mention is then weighed in its scope, the part of its clause between scope breaks
 * ("but", "and"); clauses end at {@code , ; ! ? ( )}, a full stop and a line end:
 * <ul>
 * <li>a mention in a question (a clause ending with "?" or starting like one) is dropped;</li>
 * <li>a mention with a hedge ("not sure", "will", "maybe") in its clause, up to a hedge break, is dropped;</li>
 * <li>a mention after a past cue ("upgraded from") within the window of words before it is dropped;</li>
 * <li>a negated mention (a negation cue within the window before it, or a negatedAfter pattern right after it)
 * takes the fact's {@code negated} value, or is dropped when there is none.</li>
 * </ul>
 * Hedges are looked for in the whole clause up to a hedge break ("but"), negations only in the scope.
 * Product versions ({@code extractors.versions}) are read here too, with the same weighing: after the product's
 * name ("Heartbeat v5.0.3"); after "version"/"v" when the message names the product, the fact is being asked, or
 * nothing but a neutral word ("the", "is", "running") precedes it (so "Java version 1.4.2" is not read);
 * and bare ("5.0.3") only while the fact is being asked. Versions the exclude patterns match (Windows builds)
 * are not the product's.
 */
final class FreeTextReader {

    private static final String VERSION = "(?<![\\d.])(\\d{1,4}(?:\\.(?:\\d{1,9}|x)){1,3})(?![\\w]|\\.\\w)";
    private static final String FILLER = "(?:[\\s,:=\\-]+(?:server|client|management|console|manager|software"
            + "|agent|is|was|at|on|version|ver|release|rel|build|running|installed|currently|now|edition|the)\\b\\.?)*";
    private static final Pattern KEYWORD_VERSION = Pattern.compile(
            "(?:\\b(?:version|ver|release|rel)\\b\\.?\\s*[:=]?\\s*v?\\.?\\s?|\\bv\\.?\\s?)" + VERSION,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVIOUS_WORD = Pattern.compile("([\\w']+)[^\\w,;:.!?()]*$");
    private static final java.util.Set<String> NEUTRAL = java.util.Set.of("the", "our", "its", "it's", "is", "on",
            "at", "running", "run", "we're", "were", "using", "use", "have", "installed", "current", "currently",
            "now", "product", "a", "this", "that", "with", "says", "shows", "reports");
    private static final Pattern BARE_VERSION = Pattern.compile(VERSION, Pattern.CASE_INSENSITIVE);

    private final Language.Cues cues;
    private final List<Language.FactLanguage> facts;
    private final List<Language.ProductVersion> versions;
    private final List<Pattern> productVersions;
    private final boolean prefilter;

    FreeTextReader(Language language) {
        this(language, true);
    }

    /**
     * @param prefilter whether lines without a rule's {@link Trigger} skip that rule (the default; false only to
     *                  check in tests that the prefilter changes no result)
     */
    FreeTextReader(Language language, boolean prefilter) {
        this.prefilter = prefilter;
        this.cues = language.cues();
        this.facts = language.facts();
        this.versions = language.versions();
        this.productVersions = versions.stream()
                .map(pv -> Pattern.compile(pv.product().pattern() + FILLER + "[\\s,:=\\-]*v?\\.?\\s?" + VERSION,
                        LanguageReader.FLAGS))
                .toList();
    }

    void read(Message m, List<Finding> out) {
        for (int i = 0; i < m.size(); i++) {
            String line = m.line(i);
            if (m.consumed[i] || line.isBlank() || Message.isPrompt(line)) {
                continue;
            }
            Line l = new Line(line, prefilter ? Trigger.fold(line) : null, cues);
            for (Language.FactLanguage f : facts) {
                readFact(l, f, out);
            }
            for (int v = 0; v < versions.size(); v++) {
                readVersions(m, l, versions.get(v), productVersions.get(v), out);
            }
        }
    }

    private void readFact(Line l, Language.FactLanguage f, List<Finding> out) {
        String line = l.text;
        String text = null;
        List<Span> spans = new ArrayList<>();
        int order = 0;
        for (Language.ValueRule rule : f.rules()) {
            if (l.mayContain(rule.triggers())) {
                text = text != null ? text : f.ignore().isEmpty() ? line : mask(line, f.ignore());
                find(rule.pattern(), text, rule.value(), null, order, spans);
            }
            order++;
        }
        for (Language.RejectRule rule : f.rejections()) {
            if (l.mayContain(rule.triggers())) {
                text = text != null ? text : f.ignore().isEmpty() ? line : mask(line, f.ignore());
                find(rule.pattern(), text, null, rule.reason(), order, spans);
            }
            order++;
        }
        if (spans.isEmpty()) {
            return;
        }
        if (!f.refines().isEmpty()) {
            dropRefined(spans, f);
        }
        Scopes scopes = l.scopes();
        for (Span s : longestFirst(spans)) {
            Weight w = scopes.weigh(s.start, s.end);
            if (w == Weight.DROPPED) {
                continue;
            }
            String evidence = line.substring(s.start, s.end).trim();
            if (s.reason != null) {
                if (w == Weight.PLAIN) {
                    out.add(Finding.rejection(f.factId(), evidence, s.reason));
                }
                continue;
            }
            String value = w == Weight.NEGATED ? f.negated().get(s.value) : s.value;
            if (value != null) {
                out.add(Finding.value(f.factId(), value, evidence));
            }
        }
    }

    private void readVersions(Message m, Line l, Language.ProductVersion pv, Pattern product, List<Finding> out) {
        String line = l.text;
        List<int[]> seen = new ArrayList<>();
        boolean asked = pv.factId().equals(m.currentFactId);
        versions(product.matcher(line), l, pv, true, seen, out);
        Boolean named = asked ? Boolean.TRUE : null;
        Matcher kw = KEYWORD_VERSION.matcher(line);
        while (kw.find()) {
            if (named == null) {
                named = pv.product().matcher(m.text).find();
            }
            if (named || neutralBefore(line, kw.start())) {
                versions(KEYWORD_VERSION.matcher(line.substring(0, kw.end())).region(kw.start(), kw.end()), l,
                        pv, true, seen, out);
            }
        }
        if (asked) {
            versions(BARE_VERSION.matcher(line), l, pv, false, seen, out);
        }
    }

    /**
     * True when "version" is not another product's ("Java version 1.4.2"): it starts its clause or follows a
     * neutral word.
     */
    private static boolean neutralBefore(String line, int pos) {
        Matcher w = PREVIOUS_WORD.matcher(line.substring(0, pos));
        return !w.find() || NEUTRAL.contains(w.group(1).toLowerCase(java.util.Locale.ROOT));
    }

    private void versions(Matcher mt, Line l, Language.ProductVersion pv, boolean named, List<int[]> seen,
            List<Finding> out) {
        String line = l.text;
        while (mt.find()) {
            int vs = mt.start(1);
            if (seen.stream().anyMatch(r -> r[0] == vs)) {
                continue;
            }
            seen.add(new int[] {vs});
            String found = mt.group(1);
            if (pv.exclude().stream().anyMatch(p -> p.matcher(found).find())) {
                continue;
            }
            Weight w = l.scopes().weigh(mt.start(), mt.end());
            if (w != Weight.PLAIN) {
                continue;
            }
            String evidence = line.substring(mt.start(), mt.end()).trim();
            Optional<Version> version = Version.parse(found);
            if (version.isPresent()) {
                out.add(Finding.value(pv.factId(), version.get().toString(), evidence));
            } else if (named) {
                out.add(Finding.rejection(pv.factId(), evidence, pv.incomplete().replace("{version}", found)));
            }
        }
    }

    private static void find(Pattern p, String text, String value, String reason, int order, List<Span> spans) {
        Matcher mt = p.matcher(text);
        while (mt.find()) {
            if (mt.end() > mt.start()) {
                spans.add(new Span(mt.start(), mt.end(), value, reason, order));
            }
        }
    }

    /** Drops a span overlapped by one whose value refines it ("Windows Server 2003" in "Server 2003 R2"). */
    private static void dropRefined(List<Span> spans, Language.FactLanguage f) {
        spans.removeIf(s -> s.value != null && spans.stream().anyMatch(t -> t.value != null
                && t.start < s.end && s.start < t.end
                && f.refines().getOrDefault(t.value, java.util.Set.of()).contains(s.value)));
    }

    /** The non-overlapping spans, longest first where they overlap, in text order. */
    static List<Span> longestFirst(List<Span> spans) {
        if (spans.size() < 2) {
            return spans;
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt((Span s) -> s.start - s.end).thenComparingInt(s -> s.start)
                .thenComparingInt(s -> s.order));
        List<Span> kept = new ArrayList<>();
        for (Span s : sorted) {
            if (kept.stream().noneMatch(k -> k.start < s.end && s.start < k.end)) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(s -> s.start));
        return kept;
    }

    private static String mask(String line, List<Pattern> ignore) {
        char[] chars = line.toCharArray();
        for (Pattern p : ignore) {
            Matcher mt = p.matcher(line);
            while (mt.find()) {
                for (int k = mt.start(); k < mt.end(); k++) {
                    chars[k] = ' ';
                }
            }
        }
        return new String(chars);
    }

    record Span(int start, int end, String value, String reason, int order) {
    }

    /** A line being read: its folded text for the trigger check, and its scopes, made when first needed. */
    private static final class Line {
        final String text;
        private final String folded;
        private final Language.Cues cues;
        private Scopes scopes;

        Line(String text, String folded, Language.Cues cues) {
            this.text = text;
            this.folded = folded;
            this.cues = cues;
        }

        boolean mayContain(List<String> triggers) {
            return folded == null || Trigger.all(folded, triggers);
        }

        Scopes scopes() {
            if (scopes == null) {
                scopes = new Scopes(text, cues);
            }
            return scopes;
        }
    }

    enum Weight {
        PLAIN, NEGATED, DROPPED
    }

    /** A line's clauses and the scopes within them, for weighing mentions. */
    static final class Scopes {
        private static final Pattern WORD = Pattern.compile("\\S+");

        private final String line;
        private final Language.Cues cues;
        private final List<int[]> clauses = new ArrayList<>(); // start, end, question (0/1)
        private final List<int[]> scopes = new ArrayList<>(); // start, end, clause index
        private final List<int[]> hedgeScopes = new ArrayList<>(); // start, end, clause index

        Scopes(String line, Language.Cues cues) {
            this.line = line;
            this.cues = cues;
            int start = 0;
            int n = line.length();
            for (int i = 0; i <= n; i++) {
                char c = i < n ? line.charAt(i) : '\n';
                boolean end = i == n || c == '?' || c == '!' || c == ';' || c == ',' || c == '(' || c == ')'
                        || c == '.' && (i + 1 == n || Character.isWhitespace(line.charAt(i + 1)))
                        || c == '-' && i > 0 && i + 1 < n && line.charAt(i - 1) == ' ' && line.charAt(i + 1) == ' ';
                if (end) {
                    addClause(start, i, c == '?');
                    start = i + 1;
                }
            }
        }

        private void addClause(int start, int end, boolean questionMark) {
            String text = line.substring(start, end);
            boolean question = questionMark || cues.questions().stream().anyMatch(p -> p.matcher(text).find());
            int index = clauses.size();
            clauses.add(new int[] {start, end, question ? 1 : 0});
            split(text, start, end, index, cues.scopeBreaks(), scopes);
            split(text, start, end, index, cues.hedgeBreaks(), hedgeScopes);
        }

        private static void split(String text, int start, int end, int index, List<Pattern> breakPatterns,
                List<int[]> into) {
            int s = start;
            List<int[]> breaks = new ArrayList<>();
            for (Pattern p : breakPatterns) {
                Matcher mt = p.matcher(text);
                while (mt.find()) {
                    breaks.add(new int[] {start + mt.start(), start + mt.end()});
                }
            }
            breaks.sort(Comparator.comparingInt(b -> b[0]));
            for (int[] b : breaks) {
                if (b[0] >= s) {
                    into.add(new int[] {s, b[0], index});
                    s = b[1];
                }
            }
            into.add(new int[] {s, end, index});
        }

        private static int[] at(List<int[]> ranges, int pos) {
            for (int[] s : ranges) {
                if (pos >= s[0] && pos < s[1]) {
                    return s;
                }
            }
            return null;
        }

        /** How the mention at [start, end) counts. */
        Weight weigh(int start, int end) {
            int[] scope = at(scopes, start);
            int[] hedgeScope = at(hedgeScopes, start);
            if (scope == null || hedgeScope == null || clauses.get(scope[2])[2] == 1) {
                return Weight.DROPPED;
            }
            String before = line.substring(scope[0], start);
            int[] endScope = at(scopes, Math.max(start, end - 1));
            String after = endScope == null ? "" : line.substring(Math.min(end, endScope[1]), endScope[1]);
            String hedgeText = line.substring(hedgeScope[0], start) + " "
                    + line.substring(Math.min(end, hedgeScope[1]), hedgeScope[1]);
            if (cues.hedges().stream().anyMatch(p -> p.matcher(hedgeText).find())) {
                return Weight.DROPPED;
            }
            String window = lastWords(before, cues.window());
            if (cues.past().stream().anyMatch(p -> p.matcher(window).find())) {
                return Weight.DROPPED;
            }
            if (cues.negations().stream().anyMatch(p -> p.matcher(window).find())
                    || cues.negatedAfter().stream().anyMatch(p -> p.matcher(after).lookingAt())) {
                return Weight.NEGATED;
            }
            return Weight.PLAIN;
        }

        private static String lastWords(String text, int n) {
            List<int[]> words = new ArrayList<>();
            Matcher mt = WORD.matcher(text);
            while (mt.find()) {
                words.add(new int[] {mt.start(), mt.end()});
            }
            if (words.isEmpty()) {
                return "";
            }
            return text.substring(words.get(Math.max(0, words.size() - n))[0]);
        }
    }
}
