package io.kbguide.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kbguide.engine.Version;

/**
 * Reads typed text: the lines no reader of pasted output consumed. For each fact, the phrases, patterns and doubt
 * rules of its values are looked for (after blanking its {@code ignore} matches); where mentions of one fact
 * overlap the longest wins. Each mention is then weighed in its scope, the part of its clause between scope breaks
 * ("but", "and"); clauses end at {@code , ; ! ? ( )}, a full stop and a line end:
 * <ul>
 * <li>a mention in a question (a clause ending with "?" or starting like one), in a clause about the past
 * ("back when"), followed by a remark ("isn't the issue"), or future ("will", "scheduled") is dropped;</li>
 * <li>a mention after a past cue ("upgraded from") within the window of words before it is dropped;</li>
 * <li>a hedged mention ("probably", "I think") is a doubt: the fact is asked, never picked;</li>
 * <li>negations are counted in the window before the mention, but only after the last other fact's mention (a
 * negation binds to its own fact, unless only "or"/"nor" stands between), and right after it ("is not set"): an
 * odd count negates (the fact's {@code negated} value, or nothing), an even one cancels out ("didn't remove").</li>
 * </ul>
 * A fact with an {@code attribution} (the Windows service pack) is read only when it belongs to a Windows version
 * it can be of: the nearest earlier Windows version or other product named decides; with none, its question
 * being asked or the conversation's answers do; otherwise it is a doubt. A sentence that names several servers or
 * nodes makes its facts doubtful. The evidence of a value is the span that decided it, negation included.
 * Product versions ({@code extractors.versions}) are read here too, with the same weighing: after the product's
 * name ("Heartbeat v5.0.3"); after "version"/"v" when the message names the product, the fact is being asked, or
 * nothing but a neutral word ("the", "is", "running") precedes it (so "Java version 1.4.2" is not read);
 * and bare ("5.0.3") only while the fact is being asked, never as an address ("Reply from 10.0.0.2"). A row of
 * table output ("Neverfail Heartbeat   5.0.1" from wmic) is pasted output. Versions the exclude patterns match
 * (Windows builds) are not the product's.
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
    /** Longest evidence that joins a mention to the Windows version it belongs to. */
    private static final int MAX_ATTRIBUTED = 60;
    private static final Pattern ADDRESS_BEFORE = Pattern.compile(
            "\\b(?:from|to|ip|address|addr|host|ping|gateway|dns|subnet|mask|route)(?:\\s+(?:is|was|of|=|:))?\\s*[:=]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS_AFTER = Pattern.compile("[:/]\\d");
    private static final Pattern BARE_VERSION = Pattern.compile(VERSION, Pattern.CASE_INSENSITIVE);
    /**
     * "from 5.0.2 to 5.0.3", "upgraded of the 5.0.2 to the 5.0.3" (a glossed "de la 5.0.2 a la 5.0.3"): the version a
     * product went to (group 1).
     */
    private static final Pattern TRANSITION = Pattern.compile("(?:\\bfrom|\\b(?:upgraded|updated|moved|migrated)\\b"
            + "[^.;]{0,30}?\\bof)\\s+(?:the\\s+)?v?\\.?\\s?\\d{1,4}(?:\\.(?:\\d{1,9}|x)){1,3}"
            + "\\s+(?:to|->|=>)\\s+(?:the\\s+)?v?\\.?\\s?" + VERSION, Pattern.CASE_INSENSITIVE);

    private final Language.Cues cues;
    private final List<Language.FactLanguage> facts;
    private final List<Language.ProductVersion> versions;
    private final List<Pattern> productVersions;
    private final boolean prefilter;
    /** The article's version facts by id, to tell a partial version within one band from one spanning bands. */
    private final java.util.Map<String, io.kbguide.engine.Fact> versionFacts;

    FreeTextReader(Language language) {
        this(language, true, java.util.Map.of());
    }

    /**
     * @param prefilter whether lines without a rule's {@link Trigger} skip that rule (the default; false only to
     *                  check in tests that the prefilter changes no result)
     */
    /** The words for a sentence in a language without a pack. */
    private final String foreignWords;

    FreeTextReader(Language language, boolean prefilter, java.util.Map<String, io.kbguide.engine.Fact> versionFacts) {
        this.foreignWords = language.ignored().get(Skip.FOREIGN);
        this.versionFacts = java.util.Map.copyOf(versionFacts);
        this.prefilter = prefilter;
        this.cues = language.cues();
        this.facts = language.facts();
        this.versions = language.versions();
        this.productVersions = versions.stream()
                .map(pv -> Pattern.compile(pv.product().pattern() + FILLER + "[\\s,:=\\-]*v?\\.?\\s?" + VERSION,
                        LanguageReader.FLAGS))
                .toList();
    }

    void read(Message m, List<Observation> out) {
        for (int i = 0; i < m.size(); i++) {
            String line = m.line(i);
            if (m.consumed[i] || line.isBlank() || Message.isPrompt(line)) {
                continue;
            }
            line = unreadable(m, line);
            if (line.isBlank()) {
                continue;
            }
            Line l = new Line(i, line, prefilter ? Trigger.fold(line) : null, cues, this::severalServers);
            List<Mention> mentions = new ArrayList<>();
            for (Language.FactLanguage f : facts) {
                collect(l, f, mentions);
            }
            l.named = () -> named(l.text, mentions);
            List<Observation> found = new ArrayList<>();
            for (Mention mt : mentions) {
                if (mt.fact.attribution() != null && mt.span.doubt == null) {
                    attribute(m, l, mt, mentions, found);
                } else {
                    emit(l, mt, mentions, found);
                }
            }
            for (int v = 0; v < versions.size(); v++) {
                readVersions(m, l, versions.get(v), productVersions.get(v), found);
            }
            out.addAll(found);
        }
    }

    /** Where the line names a fact: its mentions, a topic of a fact ("the SP"), a product's version. */
    private List<Integer> named(String line, List<Mention> mentions) {
        List<Integer> at = new ArrayList<>();
        mentions.forEach(mt -> at.add(mt.span.start));
        for (Language.FactLanguage f : facts) {
            for (Pattern p : f.topics()) {
                Matcher t = p.matcher(line);
                while (t.find()) {
                    at.add(t.start());
                }
            }
        }
        for (Pattern p : productVersions) {
            Matcher v = p.matcher(line);
            while (v.find()) {
                at.add(v.start());
            }
        }
        return at;
    }

    /**
     * The line with its sentences in a language this article's language file has no pack for blanked
     * ({@code cues.foreign}): their negations, yes/no words and time words cannot be told, so a mention there
     * gives nothing ("kein /3GB" is not "/3GB"); the facts they name are asked.
     */
    private String unreadable(Message m, String line) {
        if (cues.foreign().isEmpty() || cues.foreign().stream().noneMatch(p -> p.matcher(line).find())) {
            return line;
        }
        StringBuilder out = new StringBuilder(line);
        Matcher end = SENTENCE_END.matcher(line);
        int from = 0;
        while (from < line.length()) {
            int to = end.find() ? end.end() : line.length();
            String sentence = line.substring(from, to);
            if (cues.foreign().stream().anyMatch(p -> p.matcher(sentence).find())) {
                if (!sentence.isBlank()) {
                    m.ignored.add(Ignored.of(sentence, Skip.FOREIGN, foreignWords));
                }
                for (int k = from; k < to; k++) {
                    out.setCharAt(k, ' ');
                }
            }
            from = to;
        }
        return out.toString();
    }

    /** A mention of a fact on a line. */
    private record Mention(Language.FactLanguage fact, Span span) {
    }

    private void collect(Line l, Language.FactLanguage f, List<Mention> into) {
        String line = l.text;
        String text = null;
        List<Span> spans = new ArrayList<>();
        int order = 0;
        for (Language.ValueRule rule : f.rules()) {
            if (l.mayContain(rule.triggers())) {
                text = text != null ? text : f.ignore().isEmpty() ? line : mask(line, f.ignore());
                find(rule.pattern(), text, rule.value(), null, null, order, spans);
            }
            order++;
        }
        for (Language.RejectRule rule : f.rejections()) {
            if (l.mayContain(rule.triggers())) {
                text = text != null ? text : f.ignore().isEmpty() ? line : mask(line, f.ignore());
                find(rule.pattern(), text, null, rule.reason(), null, order, spans);
            }
            order++;
        }
        for (Language.DoubtRule rule : f.doubts()) {
            if (l.mayContain(rule.triggers())) {
                text = text != null ? text : f.ignore().isEmpty() ? line : mask(line, f.ignore());
                find(rule.pattern(), text, null, null, rule.doubt(), order, spans);
            }
            order++;
        }
        if (spans.isEmpty()) {
            return;
        }
        if (!f.refines().isEmpty()) {
            dropRefined(spans, f);
        }
        for (Span s : longestFirst(spans)) {
            into.add(new Mention(f, s));
        }
    }

    /** Weighs one mention and adds what it says, if anything. Returns the value read, or null. */
    private String emit(Line l, Mention mt, List<Mention> all, List<Observation> out) {
        Span s = mt.span;
        Language.FactLanguage f = mt.fact;
        Weighed w = l.scopes().weigh(s.start, s.end, blockers(mt, all));
        if (w.weight == Weight.DROPPED) {
            return null;
        }
        String evidence = l.text.substring(w.from, w.to).trim();
        if (s.reason != null) {
            if (w.weight == Weight.PLAIN) {
                out.add(Observation.rejection(f.factId(), evidence, s.reason));
            }
            return null;
        }
        if (s.doubt != null) {
            if (w.weight != Weight.NEGATED) {
                add(l, s.start, Observation.doubt(f.factId(), null, evidence, s.doubt), out);
            }
            return null;
        }
        if (w.weight == Weight.HEDGED) {
            add(l, s.start, Observation.doubt(f.factId(), s.value, evidence, Doubt.HEDGED), out);
            return null;
        }
        String value = w.weight == Weight.NEGATED ? f.negated().get(s.value) : s.value;
        if (value != null) {
            add(l, s.start, Observation.value(f.factId(), value, evidence), out);
        }
        return value;
    }

    /** The other facts' mentions on the line, which a negation before them does not reach past. */
    private static List<int[]> blockers(Mention mt, List<Mention> all) {
        List<int[]> b = new ArrayList<>();
        for (Mention o : all) {
            if (o.fact != mt.fact && o.span.end <= mt.span.start) {
                b.add(new int[] {o.span.start, o.span.end});
            }
        }
        return b;
    }

    /**
     * Reads a mention of a fact that belongs to something (a Windows service pack): taken when it follows a
     * Windows version it can belong to, or a Windows version of those follows in its clause, or its question is
     * being asked, or the message names such a Windows version and no other product; ignored after another
     * product or Windows version; otherwise unclear.
     */
    private void attribute(Message m, Line l, Mention mt, List<Mention> all, List<Observation> out) {
        Language.Attribution a = mt.fact.attribution();
        String line = l.text;
        int start = mt.span.start;
        int nearest = -1;
        Boolean owner = null;
        for (Mention o : all) {
            if (o.fact.factId().equals(a.ownerFact()) && o.span.value != null && o.span.end <= start
                    && o.span.start > nearest) {
                nearest = o.span.start;
                owner = a.ownerValues().contains(o.span.value);
            }
        }
        for (Pattern p : a.others()) {
            Matcher om = p.matcher(line);
            while (om.find() && om.end() <= start) {
                if (om.start() > nearest) {
                    nearest = om.start();
                    owner = false;
                }
            }
        }
        if (owner == null) {
            int[] clause = l.scopes().clauseAt(start);
            for (Mention o : all) {
                if (o.fact.factId().equals(a.ownerFact()) && o.span.value != null && o.span.start >= mt.span.end
                        && clause != null && o.span.start < clause[1]) {
                    owner = a.ownerValues().contains(o.span.value);
                    break;
                }
            }
        }
        if (owner == null) {
            owner = lastBefore(m, l, a);
        }
        if (owner == null && firstAfter(m, l, mt.span.end, a)) {
            owner = true; // "No service pack installed, Windows 2003 Enterprise"
        }
        if (owner == null && (mt.fact.factId().equals(m.currentFactId)
                || m.known.containsKey(a.ownerFact()) && a.ownerValues().contains(m.known.get(a.ownerFact())))) {
            owner = true;
        }
        if (Boolean.FALSE.equals(owner)) {
            return;
        }
        List<Observation> read = new ArrayList<>();
        emit(l, mt, all, read);
        for (Observation f : read) {
            if (owner == null && !f.isRejection() && !f.isDoubt()) {
                out.add(Observation.doubt(f.factId(), f.value(), f.evidence(), Doubt.UNATTRIBUTED));
            } else if (f.isValue() && nearest >= 0 && nearest < start) {
                // the evidence shows whose it is: "w2k3 box, SP2"
                int to = line.indexOf(f.evidence(), nearest) + f.evidence().length();
                String attributed = line.substring(nearest, Math.max(to, mt.span.end)).trim();
                out.add(attributed.length() <= MAX_ATTRIBUTED ? Observation.value(f.factId(), f.value(), attributed) : f);
            } else {
                out.add(f);
            }
        }
    }

    /**
     * Whether the first Windows version or other product named after {@code from} (on the line, then on the lines
     * after it) is a Windows version a mention can belong to.
     */
    private boolean firstAfter(Message m, Line l, int from, Language.Attribution a) {
        Language.FactLanguage ownerFact = ownerOf(a);
        for (int i = l.index; i < m.size(); i++) {
            Boolean owner = named(i == l.index ? l.text : m.line(i), i == l.index ? from : 0, false, ownerFact, a);
            if (owner != null) {
                return owner;
            }
        }
        return false;
    }

    /**
     * What the nearest earlier line that names a Windows version or another product names last: true for a
     * Windows version a mention can belong to, false for another, null when no earlier line names either.
     */
    private Boolean lastBefore(Message m, Line l, Language.Attribution a) {
        Language.FactLanguage ownerFact = ownerOf(a);
        for (int i = l.index - 1; i >= 0; i--) {
            Boolean owner = named(m.line(i), 0, true, ownerFact, a);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    private Language.FactLanguage ownerOf(Language.Attribution a) {
        return facts.stream().filter(f -> f.factId().equals(a.ownerFact())).findFirst().orElseThrow();
    }

    /**
     * The Windows version or other product a line names first from {@code from} (or last, with {@code last}): true
     * for a Windows version a mention can belong to, false for anything else, null when it names neither.
     */
    private static Boolean named(String text, int from, boolean last, Language.FactLanguage ownerFact,
            Language.Attribution a) {
        String masked = ownerFact.ignore().isEmpty() ? text : mask(text, ownerFact.ignore());
        int at = last ? -1 : Integer.MAX_VALUE;
        Boolean owner = null;
        for (Language.ValueRule r : ownerFact.rules()) {
            int found = find(r.pattern().matcher(masked), from, last);
            if (found >= 0 && (last ? found > at : found < at)) {
                at = found;
                owner = a.ownerValues().contains(r.value());
            }
        }
        for (Pattern p : a.others()) {
            int found = find(p.matcher(text), from, last);
            if (found >= 0 && (last ? found > at : found < at)) {
                at = found;
                owner = false;
            }
        }
        return owner;
    }

    /** Where the matcher matches first from {@code from}, or last; -1 when it does not. */
    private static int find(Matcher mt, int from, boolean last) {
        if (!last) {
            return mt.find(from) ? mt.start() : -1;
        }
        int at = -1;
        while (mt.find()) {
            at = mt.start();
        }
        return at;
    }

    /** A row of wmic or similar table output: a name, two or more spaces, a version, nothing else. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\S.*?\\S\\s{2,}v?\\d+(?:\\.\\d+){2,3}\\s*$");

    private static final Pattern SENTENCE_END = Pattern.compile("[.;!?](?=\\s|$)");

    /**
     * Adds what a mention at {@code at} says; in a sentence that describes several servers or nodes it says it
     * of one of them only, so the fact is unclear.
     */
    private void add(Line l, int at, Observation f, List<Observation> out) {
        int[] sentence = l.crowdedAt(at);
        out.add(sentence == null ? f : Observation.doubt(f.factId(), f.value(),
                l.text.substring(sentence[0], sentence[1]).trim(), Doubt.SEVERAL_SERVERS));
    }

    /**
     * The sentences of a line that describe several servers or nodes (two different ones named, unless the
     * sentence speaks of them all, or one set against others: "only on the primary", "the other node").
     */
    private List<int[]> severalServers(String line) {
        List<int[]> sentences = new ArrayList<>();
        List<java.util.Set<String>> namedIn = new ArrayList<>();
        List<Boolean> crowded = new ArrayList<>();
        java.util.Set<String> all = new java.util.HashSet<>();
        int from = 0;
        Matcher end = SENTENCE_END.matcher(line);
        while (from < line.length()) {
            int to = end.find() ? end.end() : line.length();
            String sentence = line.substring(from, to);
            java.util.Set<String> named = new java.util.HashSet<>();
            boolean contrast = false;
            for (Pattern p : cues.servers()) {
                Matcher sm = p.matcher(sentence);
                while (sm.find()) {
                    String t = sm.group().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").trim();
                    contrast |= t.contains("only") || t.contains("other") || t.startsWith("one ");
                    named.add(t.replaceFirst("^the ", "").replaceFirst("\\s+(?:node|server|box|one|only)$", ""));
                }
            }
            boolean everyServer = cues.allServers().stream().anyMatch(p -> p.matcher(sentence).find());
            sentences.add(new int[] {from, to});
            namedIn.add(everyServer ? java.util.Set.of() : named);
            crowded.add(contrast || named.size() >= 2 && !everyServer);
            all.addAll(everyServer ? java.util.Set.of() : named);
            from = to;
        }
        // two servers named in different sentences of one line: what a sentence says of one is not the other's
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < sentences.size(); k++) {
            if (crowded.get(k) || all.size() >= 2 && !namedIn.get(k).isEmpty()) {
                out.add(sentences.get(k));
            }
        }
        return out;
    }

    private void readVersions(Message m, Line l, Language.ProductVersion pv, Pattern product, List<Observation> out) {
        String line = l.text;
        List<int[]> seen = new ArrayList<>();
        boolean asked = pv.factId().equals(m.currentFactId);
        // an upgrade or a rollback of the product "from 5.0.2 to 5.0.3": the version it went to is the one now
        if (pv.product().matcher(m.text).find()) {
            versions(TRANSITION.matcher(line), l, pv, true, true, seen, out);
        }
        versions(product.matcher(line), l, pv, true, seen, out);
        Boolean named = asked ? Boolean.TRUE : null;
        Matcher kw = KEYWORD_VERSION.matcher(line);
        while (kw.find()) {
            if (named == null) {
                named = pv.product().matcher(m.text).find();
            }
            if (asked && !neutralBefore(line, kw.start()) && !productBefore(line, kw.start(), pv)) {
                seen.add(new int[] {kw.start(1)}); // "Java version 1.4.2" is Java's, even while asked
                continue;
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

    private static final Pattern NAMED_VERSION = Pattern.compile("([\\w'.+-]+)\\s+(?:version|ver|release|build)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Whether the clause before {@code pos} speaks of another thing's version ("java version is ..."). */
    private static boolean otherVersionBefore(String line, int pos, Language.ProductVersion pv) {
        String before = line.substring(0, pos);
        int clause = Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')), before.lastIndexOf(". "));
        Matcher v = NAMED_VERSION.matcher(before.substring(clause + 1));
        String word = null;
        while (v.find()) {
            word = v.group(1);
        }
        return word != null && !NEUTRAL.contains(word.toLowerCase(java.util.Locale.ROOT))
                && !pv.product().matcher(word).matches();
    }

    /** Whether the product's name ends just before {@code pos} ("Heartbeat version 5.0.3"). */
    private static boolean productBefore(String line, int pos, Language.ProductVersion pv) {
        Matcher p = pv.product().matcher(line.substring(0, pos));
        int end = -1;
        while (p.find()) {
            end = p.end();
        }
        return end >= 0 && line.substring(end, pos).isBlank();
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
            List<Observation> out) {
        versions(mt, l, pv, named, false, seen, out);
    }

    /**
     * @param transition whether the matches are "from X to Y": a negation before them ("rolled back from 5.0.3
     *                   to 5.0.2") is about the version left, not the one gone to
     */
    private void versions(Matcher mt, Line l, Language.ProductVersion pv, boolean named, boolean transition,
            List<int[]> seen, List<Observation> out) {
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
            if (!named && (ADDRESS_BEFORE.matcher(line.substring(0, mt.start(1))).find()
                    || ADDRESS_AFTER.matcher(line.substring(mt.end(1))).lookingAt())) {
                continue; // "Reply from 10.0.0.2", "10.0.0.2:8080": an address, not a version
            }
            if (!named && (!neutralBefore(line, mt.start(1)) && !productBefore(line, mt.start(1), pv)
                    || otherVersionBefore(line, mt.start(1), pv))) {
                continue; // "ESX 3.5.0", "java version is 1.5.0.11": the words before name whose version it is
            }
            Weighed w = l.scopes().weigh(mt.start(), mt.end(), List.of());
            if (w.weight == Weight.HEDGED && Version.parse(found).isPresent()) {
                add(l, mt.start(), Observation.doubt(pv.factId(), Version.parse(found).get().toString(),
                        line.substring(w.from, w.to).trim(), Doubt.HEDGED), out);
                continue;
            }
            if (w.weight != Weight.PLAIN && !(transition && w.weight == Weight.NEGATED)) {
                continue;
            }
            String evidence = line.substring(mt.start(), mt.end()).trim();
            Optional<Version> version = Version.parse(found);
            if (version.isPresent()) {
                add(l, mt.start(), TABLE_ROW.matcher(line).matches()
                        ? Observation.pasted(pv.factId(), version.get().toString(), line.trim())
                        : Observation.value(pv.factId(), version.get().toString(), evidence), out);
            } else if (named) {
                // "Heartbeat 6.1" stands for 6.1.x: taken where the whole range falls in one band of the article;
                // "Heartbeat 5.1" spans two, so the full version is asked for
                io.kbguide.engine.Fact fact = versionFacts.get(pv.factId());
                Optional<String> band = fact == null ? Optional.empty() : fact.resolve(found);
                if (band.isPresent() && !io.kbguide.engine.Fact.UNKNOWN.equals(band.get())) {
                    add(l, mt.start(), Observation.value(pv.factId(), fact.normalize(found).orElseThrow(), evidence), out);
                } else {
                    out.add(Observation.rejection(pv.factId(), evidence, pv.incomplete().replace("{version}", found)));
                }
            }
        }
    }

    private static void find(Pattern p, String text, String value, String reason, Doubt doubt, int order,
            List<Span> spans) {
        Matcher mt = p.matcher(text);
        while (mt.find()) {
            if (mt.end() > mt.start()) {
                spans.add(new Span(mt.start(), mt.end(), value, reason, doubt, order));
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

    record Span(int start, int end, String value, String reason, Doubt doubt, int order) {
    }

    /** A line being read: its folded text for the trigger check, and its scopes, made when first needed. */
    private static final class Line {
        final int index;
        final String text;
        private final String folded;
        private final Language.Cues cues;
        private final java.util.function.Function<String, List<int[]>> severalServers;
        private Scopes scopes;
        private List<int[]> crowded;

        Line(int index, String text, String folded, Language.Cues cues,
                java.util.function.Function<String, List<int[]>> severalServers) {
            this.severalServers = severalServers;
            this.index = index;
            this.text = text;
            this.folded = folded;
            this.cues = cues;
        }

        /** The sentence around {@code pos} if it describes several servers or nodes, else null. */
        int[] crowdedAt(int pos) {
            if (crowded == null) {
                crowded = severalServers.apply(text);
            }
            return crowded.stream().filter(c -> pos >= c[0] && pos < c[1]).findFirst().orElse(null);
        }

        boolean mayContain(List<String> triggers) {
            return folded == null || Trigger.all(folded, triggers);
        }

        /** Where the line names a fact, for spreading hedges (computed only if a mention is weighed). */
        java.util.function.Supplier<List<Integer>> named = List::of;

        Scopes scopes() {
            if (scopes == null) {
                scopes = new Scopes(text, cues);
                scopes.spreadHedges(named.get());
            }
            return scopes;
        }
    }

    enum Weight {
        PLAIN, NEGATED, HEDGED, DROPPED
    }

    /** How a mention counts, and the part of the line that decided it (the mention with its negation). */
    record Weighed(Weight weight, int from, int to) {
    }

    /** A line's clauses and the scopes within them, for weighing mentions. */
    static final class Scopes {
        private static final Pattern WORD = Pattern.compile("\\S+");

        private final String line;
        private final Language.Cues cues;
        private final List<int[]> clauses = new ArrayList<>(); // start, end, question (0/1)
        private final List<int[]> scopes = new ArrayList<>(); // start, end, clause index
        private final List<int[]> hedgeScopes = new ArrayList<>(); // start, end, clause index
        private final List<int[]> hedgedSentences = new ArrayList<>(); // start, end

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

        /**
         * A hedge in a clause that names no fact hedges its whole sentence ("I think, it is SP2, but I am not
         * sure"); a hedge in a clause that names a fact stays there ("SP2, not sure about /3GB").
         *
         * @param mentions where each mention of a fact on the line starts
         */
        void spreadHedges(List<Integer> mentions) {
            hedgedSentences.clear();
            for (int[] c : clauses) {
                String text = line.substring(c[0], c[1]);
                if (mentions.stream().noneMatch(p -> p >= c[0] && p < c[1])
                        && cues.hedges().stream().anyMatch(p -> p.matcher(text).find())) {
                    hedgedSentences.add(sentenceAround(c[0]));
                }
            }
        }

        private int[] sentenceAround(int pos) {
            int from = 0;
            Matcher end = SENTENCE_END.matcher(line);
            while (end.find()) {
                if (end.end() > pos) {
                    return new int[] {from, end.end()};
                }
                from = end.end();
            }
            return new int[] {from, line.length()};
        }

        /** The clause [start, end) a position is in, or null. */
        int[] clauseAt(int pos) {
            for (int[] c : clauses) {
                if (pos >= c[0] && pos < c[1]) {
                    return c;
                }
            }
            return null;
        }

        /**
         * How the mention at [start, end) counts. Negations are counted in the window of words before it, from
         * the end of the last other fact's mention (a negation binds to the nearest fact after it, unless only
         * "or"/"nor" stands between), and right after it: an odd count negates, an even one cancels out ("didn't
         * remove /3GB").
         */
        Weighed weigh(int start, int end, List<int[]> blockers) {
            int[] scope = at(scopes, start);
            int[] hedgeScope = at(hedgeScopes, start);
            if (scope == null || hedgeScope == null || clauses.get(scope[2])[2] == 1) {
                return new Weighed(Weight.DROPPED, start, end);
            }
            int[] clause = clauses.get(scope[2]);
            String clauseText = line.substring(clause[0], clause[1]);
            if (cues.history().stream().anyMatch(p -> p.matcher(clauseText).find())) {
                return new Weighed(Weight.DROPPED, start, end);
            }
            int[] endScope = at(scopes, Math.max(start, end - 1));
            String after = endScope == null ? "" : line.substring(Math.min(end, endScope[1]), endScope[1]);
            if (cues.aboutAfter().stream().anyMatch(p -> p.matcher(after).lookingAt())) {
                return new Weighed(Weight.DROPPED, start, end);
            }
            String hedgeText = line.substring(hedgeScope[0], start) + " "
                    + line.substring(Math.min(end, hedgeScope[1]), hedgeScope[1]);
            if (hedgeText.indexOf(Glosser.UNKNOWN) >= 0
                    || cues.future().stream().anyMatch(p -> p.matcher(hedgeText).find())) {
                return new Weighed(Weight.DROPPED, start, end);
            }
            int from = scope[0];
            for (int[] b : blockers) {
                if (b[1] > from && b[1] <= start
                        && !COORDINATED.matcher(line.substring(b[1], start)).matches()) {
                    from = b[1];
                }
            }
            String before = line.substring(from, start);
            int windowStart = from + windowStart(before, cues.window());
            String window = line.substring(windowStart, start);
            if (cues.past().stream().anyMatch(p -> p.matcher(window).find())) {
                return new Weighed(Weight.DROPPED, start, end);
            }
            if (cues.hedges().stream().anyMatch(p -> p.matcher(hedgeText).find())) {
                return new Weighed(Weight.HEDGED, hedgeScope[0], Math.max(end, hedgeScope[1]));
            }
            for (int[] h : hedgedSentences) {
                if (start >= h[0] && start < h[1]) {
                    return new Weighed(Weight.HEDGED, h[0], Math.min(line.length(), h[1]));
                }
            }
            java.util.TreeSet<Integer> negations = new java.util.TreeSet<>();
            // matched with the rest of the scope in view ("took /3GB out"), counted only before the mention
            String around = line.substring(windowStart, endScope == null ? end : Math.max(end, endScope[1]));
            for (Pattern p : cues.negations()) {
                Matcher nm = p.matcher(around);
                while (nm.find() && nm.start() < window.length()) {
                    negations.add(windowStart + nm.start());
                }
            }
            int to = end;
            for (Pattern p : cues.negatedAfter()) {
                Matcher am = p.matcher(after);
                if (am.lookingAt()) {
                    negations.add(end + am.start());
                    to = Math.max(to, Math.min(end, endScope[1]) + am.end());
                    break;
                }
            }
            int fromEvidence = negations.isEmpty() || negations.first() >= start ? start : negations.first();
            while (fromEvidence > 0 && fromEvidence < start
                    && Character.isLetterOrDigit(line.charAt(fromEvidence - 1))) {
                fromEvidence--; // from the start of the word ("didn't", not "n't")
            }
            Weight w = negations.size() % 2 == 1 ? Weight.NEGATED : Weight.PLAIN;
            return new Weighed(w, Math.min(fromEvidence, start), to);
        }

        private static final Pattern COORDINATED = Pattern.compile("\\s*,?\\s*(?:or|nor|and|&|/|,)?\\s*",
                Pattern.CASE_INSENSITIVE);

        private static int windowStart(String text, int n) {
            List<int[]> words = new ArrayList<>();
            Matcher mt = WORD.matcher(text);
            while (mt.find()) {
                words.add(new int[] {mt.start(), mt.end()});
            }
            return words.isEmpty() ? text.length() : words.get(Math.max(0, words.size() - n))[0];
        }

    }
}
