package io.kbguide.text;

import io.kbguide.engine.Article;
import io.kbguide.engine.FactType;
import io.kbguide.engine.KbReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands typed and pasted answers for one article: reads a message (chat text, or pasted systeminfo,
 * ver/winver, reg query, boot.ini, bootcfg /query or product version output, or all of them at once) and says
 * which of the article's facts it answers, with what value and on what evidence. Pure and thread-safe.
 *
 * <p>The pasted-output readers run first and consume the lines they read; the free-text reader reads the rest.
 * When one fact is given different values it is reported as a {@link Conflict} and not understood; a value
 * that refines another (Windows Server 2003 R2 refines Windows Server 2003) is not a conflict. A fact with a
 * {@link Rejection} in the message is neither understood nor in conflict.
 */
public final class TextUnderstanding {

    private static final Pattern LEADING_ANSWER = Pattern.compile(
            "^\\s*([^,;.!:\\-\\r\\n]{1,24}?)\\s*(?:[,;!:]|\\.(?=\\s)|\\s-)\\s*(\\S.*)$", Pattern.DOTALL);
    /** A dotted number ("5.0.2", "2.0"): a version, never a bare answer to a choice question. */
    private static final Pattern DOTTED = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern FILLER_SEPARATOR = Pattern.compile("^[\\s,]+");

    private final Article article;
    private final Language language;
    private final RegistryReader registry;
    private final BootReader boot;
    private final SystemInfoReader systemInfo;
    private final FreeTextReader freeText;
    private final Map<String, Language.FactLanguage> factLanguages = new LinkedHashMap<>();
    /** The article's text, folded and lower-cased, to tell its quotes in a message. */
    private final String articleText;

    private TextUnderstanding(Article article, Language language, boolean prefilter) {
        this.article = article;
        this.language = language;
        this.registry = new RegistryReader(language);
        this.boot = new BootReader(language);
        this.systemInfo = new SystemInfoReader(language);
        Map<String, io.kbguide.engine.Fact> versionFacts = new LinkedHashMap<>();
        article.facts().stream().filter(f -> f.type() instanceof FactType.Versions)
                .forEach(f -> versionFacts.put(f.id(), f));
        this.freeText = new FreeTextReader(language, prefilter, versionFacts);
        language.facts().forEach(f -> factLanguages.put(f.factId(), f));
        StringBuilder text = new StringBuilder();
        article.sections().forEach(sec -> text.append(sec.title()).append(" \n ").append(sec.plainText())
                .append(" \n "));
        this.articleText = text.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * The understanding of an article's messages.
     *
     * @throws IllegalArgumentException when the language was read for another article
     */
    public static TextUnderstanding forArticle(Article article, Language language) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(language, "language");
        if (!language.articleId().equals(article.id())) {
            throw new IllegalArgumentException(language.file() + " was read for article '" + language.articleId()
                    + "', not '" + article.id() + "'");
        }
        return new TextUnderstanding(article, language, true);
    }

    /** As {@link #read(Path)}, but every phrase and pattern runs on every line: only to test the prefilter. */
    static TextUnderstanding readWithoutPrefilter(Path articleFolder) {
        Article article = new KbReader().read(articleFolder);
        return new TextUnderstanding(article, new LanguageReader().read(articleFolder, article), false);
    }

    /**
     * Reads an article folder's flow.yaml and language.yaml.
     *
     * @throws io.kbguide.engine.KbException when either file is missing or faulty
     */
    public static TextUnderstanding read(Path articleFolder) {
        Article article = new KbReader().read(articleFolder);
        return forArticle(article, new LanguageReader().read(articleFolder, article));
    }

    /** The article this understanding is for. */
    public Article article() {
        return article;
    }

    /**
     * The message in English as far as the article's language packs go: a sentence in a pack's language glossed
     * word by word (a word no pack knows is added at the end as written), any other sentence as written. For
     * searching the article's own words.
     */
    public String inEnglish(String text) {
        Glosser.Glossed glossed = language.glosser().gloss(text);
        if (glossed.unread().isEmpty()) {
            return glossed.text();
        }
        // the words no pack knows stay, as written: what the message is about may be one of them
        StringBuilder out = new StringBuilder(glossed.text());
        glossed.unread().forEach(w -> out.append(' ').append(w.word()));
        return out.toString();
    }

    /**
     * The facts a message names by topic ("the patch", "service pack", "/3GB"), whatever it says of them: a
     * message that names another fact than the one asked is not a bare answer to it ("no idea about the patch"
     * at the /3GB question).
     */
    public Set<String> namedFacts(String text) {
        Set<String> named = new LinkedHashSet<>();
        if (text == null) {
            return named;
        }
        for (Language.FactLanguage f : language.facts()) {
            if (f.topics().stream().anyMatch(p -> p.matcher(text).find())) {
                named.add(f.factId());
            }
        }
        return named;
    }

    /** Reads a message on its own, with no question being asked. */
    public Extraction extract(String text) {
        return extract(text, null);
    }

    /**
     * Reads a message sent while the service asks {@code currentFactId}. A bare answer ("no", "2", "none",
     * "0x0", "yes it's there") is read against that fact only, from its {@code answers} in language.yaml; a
     * message that starts with such an answer ("no, never touched boot.ini") gives it to that fact when the
     * rest says nothing about it. Everything else is read as by {@link #extract(String)}; while a version fact
     * is asked, a bare version ("5.0.3") is taken as its answer.
     *
     * @param currentFactId the fact being asked, or null
     * @throws IllegalArgumentException when the article has no such fact
     */
    public Extraction extract(String text, String currentFactId) {
        return extract(text, currentFactId, Map.of());
    }

    /**
     * As {@link #extract(String, String)}, in a conversation that already has answers: a service pack typed
     * without naming Windows ("sorry, it is SP2") is Windows's when the Windows version answered is one it can
     * belong to.
     *
     * @param known the conversation's answers, fact id to value
     */
    public Extraction extract(String text, String currentFactId, Map<String, String> known) {
        if (currentFactId != null && article.fact(currentFactId).isEmpty()) {
            throw new IllegalArgumentException("unknown fact '" + currentFactId + "' for article " + article.id());
        }
        if (text == null || text.isBlank()) {
            return Extraction.EMPTY;
        }
        String typed = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
                .replace('\u201d', '"').replace('\u00a0', ' ');
        Glosser.Glossed glossed = language.glosser().gloss(typed);
        return glossed.changed() ? restore(glossed, read(glossed.text(), currentFactId, known), glossed.unread())
                : read(typed, currentFactId, known);
    }

    /** Reads a message (its sentences in other languages glossed into English). */
    private Extraction read(String clean, String currentFactId, Map<String, String> known) {
        if (currentFactId != null) {
            Observation whole = shortAnswer(clean, currentFactId);
            if (whole != null) {
                return merge(List.of(whole));
            }
            Observation hedged = hedgedShortAnswer(clean, currentFactId);
            if (hedged != null) {
                return merge(List.of(hedged));
            }
        }
        Message m = new Message(clean, currentFactId, known == null ? Map.of() : known);
        List<Observation> findings = new ArrayList<>();
        collected(m, findings);
        registry.read(m, findings);
        boot.read(m, findings);
        systemInfo.read(m, findings);
        structure(m, findings);
        freeText.read(m, findings);
        if (currentFactId != null && findings.stream().noneMatch(f -> f.factId().equals(currentFactId))) {
            Observation leading = leadingAnswer(clean, currentFactId);
            if (leading != null) {
                findings.add(leading);
            }
        }
        Extraction x = merge(changes(clean, corrected(clean, findings, m)));
        if (m.ignored.isEmpty()) {
            return x;
        }
        // in the order the message has them
        List<Ignored> ignored = new ArrayList<>(m.ignored);
        String folded = clean.replaceAll("\\s+", " ");
        ignored.sort(java.util.Comparator.comparingInt(g -> {
            String head = g.text().length() > 20 ? g.text().substring(0, 20) : g.text();
            int at = folded.indexOf(head);
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return new Extraction(x.understood(), x.conflicts(), x.rejections(), x.unclear(), ignored);
    }

    /**
     * What a glossed message says, with the evidence and ignored parts in the person's own words, and the words no
     * pack could read said back.
     */
    private Extraction restore(Glosser.Glossed g, Extraction x, List<Glosser.Unread> unread) {
        java.util.function.UnaryOperator<Understood> u = v -> new Understood(v.factId(), v.value(),
                g.original(v.evidence()), v.source());
        List<Ignored> ignored = new ArrayList<>();
        for (Ignored i : x.ignored()) {
            ignored.add(Ignored.of(g.original(i.text()), i.why(), i.words()));
        }
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (Glosser.Unread w : unread) {
            List<String> words = byLanguage.computeIfAbsent(w.language(), k -> new ArrayList<>());
            if (!words.contains(w.word())) {
                words.add(w.word());
            }
        }
        byLanguage.forEach((lang, words) -> ignored.add(Ignored.of(String.join(", ", words), Skip.UNKNOWN_WORDS,
                language.ignored().get(Skip.UNKNOWN_WORDS).replace("{language}", lang))));
        return new Extraction(
                x.understood().stream().map(u).toList(),
                x.conflicts().stream().map(c -> new Conflict(c.factId(), c.candidates().stream().map(u).toList()))
                        .toList(),
                x.rejections().stream().map(r -> new Rejection(r.factId(), g.original(r.evidence()), r.reason()))
                        .toList(),
                x.unclear().stream().map(c -> new Unclear(c.factId(), c.value(), g.original(c.evidence()),
                        c.doubt(), c.message())).toList(),
                ignored);
    }

    /**
     * The later of two statements of a fact wins where the message corrects itself between them ("SP1, sorry, I
     * meant SP2"): what came before the correction cue is dropped, and said back as corrected.
     */
    private List<Observation> corrected(String text, List<Observation> findings, Message m) {
        List<Pattern> cues = language.cues().corrections();
        if (cues.isEmpty() || cues.stream().noneMatch(p -> p.matcher(text).find())) {
            return findings;
        }
        List<int[]> at = new ArrayList<>(); // each correction cue's start
        for (Pattern p : cues) {
            Matcher c = p.matcher(text);
            while (c.find()) {
                at.add(new int[] {c.start(), c.end()});
            }
        }
        List<Observation> out = new ArrayList<>(findings);
        Map<String, List<Observation>> byFact = new LinkedHashMap<>();
        for (Observation f : findings) {
            if (f.isValue()) {
                byFact.computeIfAbsent(f.factId(), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<Observation> values : byFact.values()) {
            if (values.stream().map(Observation::value).distinct().count() < 2) {
                continue;
            }
            int last = values.stream().mapToInt(f -> endOf(text, f)).max().orElse(-1);
            int cue = at.stream().filter(c -> c[1] <= last).mapToInt(c -> c[0]).max().orElse(-1);
            if (cue < 0) {
                continue;
            }
            for (Observation f : values) {
                int where = endOf(text, f);
                if (where >= 0 && where <= cue) {
                    out.remove(f);
                    skip(m, f.evidence(), Skip.CORRECTED);
                }
            }
        }
        correctedAlone(text, at, out, m);
        return out;
    }

    /** After a correction cue the rest of the sentence, from its last colon ("Correction, I misread it: it is 0x0"). */
    private static final Pattern AFTER_CUE = Pattern.compile(
            "^(?:[^.!?\\n:]*:\\s*)?(.+?)(?:[.!?](?=\\s|$)|\\n|$)");

    /**
     * A correction cue after which nothing is read corrects the statement just before it: that fact, stated once, is
     * not taken ("UseNewApi is 1. Correction, I misread it: ..."), and the bare answer that follows the cue, if it
     * answers that fact ("it is 0x0"), is taken instead.
     */
    private void correctedAlone(String text, List<int[]> cues, List<Observation> out, Message m) {
        for (int[] cue : cues) {
            List<Observation> values = out.stream().filter(Observation::isValue).toList();
            if (values.stream().anyMatch(f -> endOf(text, f) > cue[1])) {
                continue; // the correction says what it corrects to
            }
            Observation last = null;
            int lastEnd = -1;
            for (Observation f : values) {
                int end = endOf(text, f);
                if (end >= 0 && end <= cue[0] && end > lastEnd) {
                    last = f;
                    lastEnd = end;
                }
            }
            if (last == null || text.substring(lastEnd, cue[0]).contains("\n\n")) {
                continue;
            }
            String factId = last.factId();
            List<Observation> same = values.stream().filter(f -> f.factId().equals(factId)).toList();
            if (same.stream().map(Observation::value).distinct().count() > 1) {
                continue;
            }
            out.removeAll(same);
            skip(m, last.evidence(), Skip.CORRECTED);
            Matcher rest = AFTER_CUE.matcher(text.substring(cue[1]));
            if (rest.find()) {
                String answer = rest.group(1).trim();
                Observation a = shortAnswer(answer, factId);
                if (a != null) {
                    out.add(Observation.value(factId, a.value(), answer));
                }
            }
        }
    }

    /**
     * Where a statement ends in the text (its evidence may start earlier: "Windows Server 2003 SP1, ... SP2"); -1
     * when its evidence is not in it.
     */
    private static int endOf(String text, Observation f) {
        int i = text.lastIndexOf(f.evidence());
        return i < 0 ? -1 : i + f.evidence().length();
    }

    private void skip(Message m, String text, Skip why) {
        if (!text.isBlank()) {
            m.ignored.add(Ignored.of(text, why, language.ignored().get(why)));
        }
    }

    private static final Pattern COLLECTOR_HEADER = Pattern.compile(
            "^\\s*kb-guide collector (\\d+), article (\\S+) version (\\S+)\\s*$");
    private static final Pattern COLLECTOR_BEGIN = Pattern.compile("^\\s*----- kb-guide begin (\\S+) -----\\s*$");
    private static final Pattern COLLECTOR_END = Pattern.compile("^\\s*----- kb-guide end (\\S+) -----\\s*$");
    /**
     * reg.exe's (Windows's; Wine's, which the collector's test runs under) or the collector's word that the key or
     * value is not there; read only in the collector's registry section.
     */
    private static final Pattern NOT_FOUND = Pattern.compile(
            "^\\s*(?:ERROR:\\s+The system was unable to find the specified registry key or value|reg:\\s+Unable to"
                    + " find the specified registry (?:key or )?value|kb-guide: key not found:)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENVIRONMENT = Pattern.compile("^\\s*(PROCESSOR_ARCHITE(?:CTURE|W6432))=(\\S*)\\s*$");

    /**
     * The article's evidence collector's output, read exactly: each section between its markers by the reader of
     * its probe's kind, values marked {@code collected} with the raw line as evidence. Output of another article,
     * or a section the article does not have, is not read. What a section cannot say plainly (an error, two boot
     * entries) gives no value, as elsewhere.
     */
    private void collected(Message m, List<Observation> out) {
        io.kbguide.engine.Collector collector = article.collector();
        for (int i = 0; i < m.size(); i++) {
            Matcher h = COLLECTOR_HEADER.matcher(m.line(i));
            if (!h.matches()) {
                continue;
            }
            boolean ours = collector != null && h.group(2).equals(article.id())
                    && Integer.parseInt(h.group(1)) == io.kbguide.engine.Collector.FORMAT;
            m.consume(i);
            int j = i + 1;
            while (j < m.size()) {
                Matcher b = COLLECTOR_BEGIN.matcher(m.line(j));
                if (!b.matches()) {
                    if (COLLECTOR_HEADER.matcher(m.line(j)).matches()) {
                        break;
                    }
                    j++;
                    continue;
                }
                String id = b.group(1);
                int end = j + 1;
                while (end < m.size() && !endOf(m.line(end), id)) {
                    end++;
                }
                List<String> lines = new ArrayList<>();
                for (int k = j + 1; k < end && k < m.size(); k++) {
                    lines.add(m.line(k));
                }
                for (int k = j; k <= end && k < m.size(); k++) {
                    m.consume(k);
                }
                java.util.Optional<io.kbguide.engine.Collector.Probe> probe = !ours ? java.util.Optional.empty()
                        : collector.probes().stream().filter(p -> p.id().equals(id)).findFirst();
                if (probe.isPresent()) {
                    List<Observation> read = new ArrayList<>();
                    readProbe(probe.get(), lines, read);
                    read.forEach(o -> out.add(o.collected()));
                }
                j = end + 1;
            }
            i = j - 1;
        }
    }

    /** Whether the line is the end marker of section {@code id}. */
    private static boolean endOf(String line, String id) {
        Matcher e = COLLECTOR_END.matcher(line);
        return e.matches() && e.group(1).equals(id);
    }

    private void readProbe(io.kbguide.engine.Collector.Probe probe, List<String> lines, List<Observation> out) {
        Message section = new Message(String.join("\n", lines), null);
        switch (probe.kind()) {
            case VER, SYSTEMINFO -> systemInfo.read(section, out);
            case REGISTRY -> {
                registry.read(section, out);
                // the probe's own key, exported or queried: where it holds no such value, the value is absent
                for (Language.RegistryValue rv : language.registry()) {
                    if (!probe.facts().contains(rv.factId()) || out.stream().anyMatch(o -> o.factId().equals(
                            rv.factId()))) {
                        continue;
                    }
                    String shown = lines.stream().filter(l -> NOT_FOUND.matcher(l).find()
                            || l.trim().equalsIgnoreCase("[" + probe.key() + "]")).findFirst().orElse(null);
                    if (shown != null) {
                        out.add(Observation.pasted(rv.factId(), rv.absent(), shown.trim()));
                    }
                }
            }
            case BOOT -> boot.read(section, out);
            case ENVIRONMENT -> {
                Map<String, String> env = new LinkedHashMap<>();
                String evidence = null;
                for (String line : lines) {
                    Matcher e = ENVIRONMENT.matcher(line);
                    if (e.matches()) {
                        env.put(e.group(1), e.group(2));
                        evidence = evidence == null ? line.trim() : evidence + "; " + line.trim();
                    }
                }
                // a 32-bit prompt on 64-bit Windows shows the real one in PROCESSOR_ARCHITEW6432
                String real = env.getOrDefault("PROCESSOR_ARCHITEW6432", "");
                if (real.isEmpty() || real.startsWith("%")) {
                    real = env.getOrDefault("PROCESSOR_ARCHITECTURE", "");
                }
                String value = probe.map().get(real.toUpperCase(java.util.Locale.ROOT));
                if (value != null && !probe.facts().isEmpty()) {
                    out.add(Observation.pasted(probe.facts().get(0), value, evidence));
                }
            }
            default -> {
            }
        }
    }

    /** A Markdown heading: "## /3GB switch". */
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s");
    /** A checkbox, ticked or not: "- [ ] /3GB", "[x] SP2", "( ) yes", "☐ no". */
    private static final Pattern CHECKBOX = Pattern.compile(
            "^\\s*(?:[-*+\\u2022]\\s*)?(?:\\[\\s*([xX\\u2713\\u2714*])?\\s*]|\\(\\s*([xX*\\u2022o])?\\s*\\)|([\\u2610])|[\\u2611\\u2612])");
    /**
     * A form field: a short label, then ":" or "=" (not "://", not "=="), "?", or dotted leaders of four dots or more
     * ("Service pack ......... 2"; three are an ellipsis), and its value.
     */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:[-*+\\u2022]\\s*)?([^:=|?]{1,40}?)\\s*(?::(?!//)|=(?!=)|\\?|\\s\\.{4,})\\s*(.*)$");
    /** A table row: "| /3GB switch | no |". */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?[\\s:|-]+\\|?\\s*$");

    /**
     * Structure before prose. A Markdown heading, an unticked checkbox and a table's rule are no answer: the fact
     * named there is only named. A form field or a two-cell table row whose label names a fact is read as that
     * fact's answer: its value as a whole-message answer ("/3GB switch: no"), nothing when the value is no
     * answer (empty, "n/a", "?", a placeholder, the choices themselves), otherwise as prose with the label's
     * names of facts blanked (so that "/3GB switch: on the primary only" reads no value from the label). A table
     * row of three or more cells (a column per server) is not read: its facts are asked.
     */
    private void structure(Message m, List<Observation> out) {
        quotedHistory(m);
        articleQuotes(m);
        csv(m, out);
        for (int i = 0; i < m.size(); i++) {
            String line = m.line(i);
            if (m.consumed[i] || line.isBlank()) {
                continue;
            }
            if (HEADING.matcher(line).find()) {
                skip(m, line, Skip.HEADING);
                m.consume(i);
                continue;
            }
            if (inlineBoxes(m, i)) {
                line = m.line(i);
                if (line.isBlank()) {
                    continue;
                }
            }
            Matcher box = CHECKBOX.matcher(line);
            if (box.find()) {
                boolean ticked = box.group(1) != null || box.group(2) != null
                        || box.group(3) == null && box.group().contains("\u2611");
                if (!ticked) {
                    skip(m, line, Skip.UNTICKED);
                    m.consume(i);
                } else {
                    m.blank(i, 0, box.end());
                }
                continue;
            }
            if (TABLE_ROW.matcher(line).matches()) {
                if (TABLE_RULE.matcher(line).matches()) {
                    m.consume(i);
                    continue;
                }
                String[] cells = line.trim().substring(1, line.trim().length() - 1).split("\\|", -1);
                if (cells.length == 2) {
                    field(m, i, cells[0], cells[1], out);
                } else if (cells.length > 2) {
                    skip(m, line, Skip.SERVER_TABLE);
                    m.consume(i);
                }
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches() && !f.group(2).startsWith("\\") && !LEAD_IN.matcher(f.group(1)).find()) {
                field(m, i, f.group(1), f.group(2), out);
            }
        }
    }

    /** One of several boxes on a line: "[x] 32-bit   [ ] 64-bit". */
    private static final Pattern INLINE_BOX = Pattern.compile("\\[\\s*([xX\u2713\u2714*])?\\s*]");
    /**
     * A label that is a sentence leading in to what follows, not a field: it has a comma, or a parenthesis that is
     * not a list of choices ("Windows 2003 SP1 box, here is boot.ini:", "boot.ini (Windows Server 2003 SP1):";
     * but "Service pack (none/SP1/SP2):" is a field).
     */
    private static final Pattern LEAD_IN = Pattern.compile(",\\s*\\S|\\([^)/]*\\)");

    /**
     * A line with several checkboxes offers choices: the unticked ones, each up to the next box, are blanked, the
     * ticked one keeps its words ("Architecture: [x] 32-bit [ ] 64-bit" reads as "Architecture: 32-bit"); with
     * none ticked the line is an unticked box. Returns whether the line had several boxes.
     */
    private boolean inlineBoxes(Message m, int i) {
        String line = m.line(i);
        List<int[]> boxes = new ArrayList<>();
        Matcher b = INLINE_BOX.matcher(line);
        while (b.find()) {
            boxes.add(new int[] {b.start(), b.end(), b.group(1) != null ? 1 : 0});
        }
        if (boxes.size() < 2) {
            return false;
        }
        if (boxes.stream().noneMatch(x -> x[2] == 1)) {
            skip(m, line, Skip.UNTICKED);
            m.blank(i, 0, line.length());
            m.consume(i);
            return true;
        }
        for (int k = boxes.size() - 1; k >= 0; k--) {
            int[] x = boxes.get(k);
            int end = k + 1 < boxes.size() ? boxes.get(k + 1)[0] : line.length();
            m.blank(i, x[0], x[2] == 1 ? x[1] : end);
        }
        return true;
    }

    /** Where the quoted older text of an e-mail reply starts: "On Tue, 3 May, Ann wrote:", "-----Original Message". */
    private static final Pattern REPLY_HEADER = Pattern.compile(
            "^\\s*(?:-{2,}\\s*original\\s+message\\s*-{2,}|on\\s.{3,160}\\swrote:|from:\\s.{3,160}\\ssent:\\s.*)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*>");

    /**
     * The quoted older text of an e-mail reply is the past: lines starting with "&gt;", and everything after a
     * reply header ("On ... wrote:", "-----Original Message-----"), are not read.
     */
    private void quotedHistory(Message m) {
        boolean history = false;
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            String line = m.line(i);
            history |= REPLY_HEADER.matcher(line).matches();
            if (history || QUOTED_LINE.matcher(line).find()) {
                if (!m.consumed[i]) {
                    quoted.append(line.replaceFirst("^\\s*>+\\s?", "")).append(' ');
                }
                m.consume(i);
            }
        }
        skip(m, quoted.toString(), Skip.QUOTED_HISTORY);
    }

    /** The shortest sentence of the article taken for a quote of it (shorter ones are common words). */
    private static final int MIN_QUOTE = 24;
    private static final Pattern QUOTE_SPLIT = Pattern.compile("(?<=[.;:!?\"])\\s+|\"|\\s[-\u2013\u2014]\\s");

    /**
     * The article's own words are not facts about the server: a sentence or quoted passage of a message that
     * occurs in the article (white space folded, case ignored), which names every value there is, is blanked.
     */
    private void articleQuotes(Message m) {
        if (articleText.isEmpty()) {
            return;
        }
        for (int i = 0; i < m.size(); i++) {
            String line = m.line(i);
            if (m.consumed[i] || line.length() < MIN_QUOTE) {
                continue;
            }
            List<int[]> parts = new ArrayList<>();
            int from = 0;
            Matcher split = QUOTE_SPLIT.matcher(line);
            while (split.find()) {
                parts.add(new int[] {from, split.start()});
                from = split.end();
            }
            parts.add(new int[] {from, line.length()});
            for (int[] p : parts) {
                int a = p[0];
                int b = p[1];
                while (a < b && !Character.isLetterOrDigit(line.charAt(a))) {
                    a++;
                }
                while (b > a && !Character.isLetterOrDigit(line.charAt(b - 1)) && line.charAt(b - 1) != ']') {
                    b--;
                }
                String folded = line.substring(a, b).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
                if (folded.length() >= MIN_QUOTE && articleText.contains(folded)) {
                    // the quote, with its closing punctuation and quote mark, becomes a clause break
                    int end = b;
                    while (end < line.length() && ".;:!?\"')]\u201d".indexOf(line.charAt(end)) >= 0) {
                        end++;
                    }
                    skip(m, line.substring(a, b), Skip.ARTICLE_QUOTE);
                    m.blank(i, a, end);
                    m.lines.set(i, m.line(i).substring(0, end - 1) + ";" + m.line(i).substring(end));
                }
            }
        }
    }

    /**
     * Comma-separated output (a spreadsheet or inventory export): a header whose cells name facts, then one row,
     * each value read as the field its column's label names. Several rows (a row per server) are not read.
     */
    private void csv(Message m, List<Observation> out) {
        for (int i = 0; i + 1 < m.size(); i++) {
            if (m.consumed[i] || m.line(i).chars().filter(c -> c == ',').count() < 2) {
                continue;
            }
            String[] header = m.line(i).split(",", -1);
            long naming = java.util.Arrays.stream(header).filter(h -> namedBy(h).size() == 1).count();
            if (naming < 2) {
                continue;
            }
            List<Integer> rows = new ArrayList<>();
            for (int j = i + 1; j < m.size() && !m.line(j).isBlank()
                    && m.line(j).split(",", -1).length == header.length; j++) {
                rows.add(j);
            }
            if (rows.isEmpty()) {
                continue;
            }
            m.consume(i);
            if (rows.size() > 1) {
                rows.forEach(j -> {
                    skip(m, m.line(j), Skip.SERVER_TABLE);
                    m.consume(j);
                });
                continue;
            }
            int row = rows.get(0);
            String[] values = m.line(row).split(",", -1);
            for (int c = 0; c < header.length; c++) {
                List<Language.FactLanguage> named = namedBy(header[c]);
                if (named.size() == 1) {
                    Message cell = new Message(header[c].trim() + ": " + values[c].trim(), null);
                    field(cell, 0, header[c].trim(), values[c].trim(), out);
                    if (!cell.consumed[0]) {
                        // not a whole answer: its words are read as prose, the label's name blanked
                        freeText.read(cell, out);
                    }
                    m.ignored.addAll(cell.ignored);
                }
            }
            m.consume(row);
        }
    }

    /** The facts a label names, by their topics or field labels. */
    private List<Language.FactLanguage> namedBy(String label) {
        List<Language.FactLanguage> named = new ArrayList<>();
        for (Language.FactLanguage fl : language.facts()) {
            if (fl.topics().stream().anyMatch(p -> p.matcher(label).find())
                    || fl.labels().stream().anyMatch(p -> p.matcher(label).find())) {
                named.add(fl);
            }
        }
        return named;
    }

    /** A label and its value on line {@code i}: see {@link #structure}. */
    private void field(Message m, int i, String label, String value, List<Observation> out) {
        List<Language.FactLanguage> named = namedBy(label);
        if (named.isEmpty()) {
            return; // "Note: ...": prose
        }
        String line = m.line(i);
        if (value.isBlank() || language.cues().noAnswer().stream().anyMatch(p -> p.matcher(value).matches())) {
            skip(m, line, Skip.EMPTY_FIELD);
            m.consume(i);
            return;
        }
        if (named.size() == 1) {
            Observation answer = shortAnswer(value, named.get(0).factId());
            if (answer != null) {
                out.add(Observation.value(answer.factId(), answer.value(), line.trim()));
                m.consume(i);
                return;
            }
            // the value read as the answer to the question the label names ("Heartbeat ...... 6.0.3", "SP:
            // Service Pack 2"): a bare version is that fact's, a service pack that Windows's; not where the label
            // is a question of the person's own ("Does this apply to SP1? We're on SP2")
            if (language.cues().questions().stream().anyMatch(p -> p.matcher(label).find())) {
                return;
            }
            Message answerTo = new Message(value, named.get(0).factId(), m.known);
            List<Observation> read = new ArrayList<>();
            freeText.read(answerTo, read);
            if (read.stream().anyMatch(o -> o.factId().equals(named.get(0).factId()))) {
                for (Observation o : read) {
                    out.add(o.isValue() ? Observation.value(o.factId(), o.value(), line.trim()) : o);
                }
                m.ignored.addAll(answerTo.ignored);
                m.consume(i);
                return;
            }
        }
        // the value is prose; a label naming one fact only names it (a version's label stays: "Heartbeat version:
        // 5.0.3"); a label naming several may hold values of its own ("w2k3 SP1: ..."), so it stays too
        int labelAt = line.indexOf(label);
        if (named.size() != 1 || labelAt < 0) {
            return;
        }
        Language.FactLanguage fl = named.get(0);
        if (article.fact(fl.factId()).map(x -> x.type() instanceof FactType.Versions).orElse(false)) {
            return;
        }
        for (Pattern p : fl.topics()) {
            Matcher t = p.matcher(label);
            while (t.find()) {
                m.blank(i, labelAt + t.start(), labelAt + t.end());
            }
        }
    }

    /**
     * A registry value or boot option that was changed takes effect only when the server restarts: when the
     * message says a change has not been followed by a restart, what it says of such a fact is unclear; when it
     * says a change was made and not that the server restarted since, too.
     */
    private List<Observation> changes(String text, List<Observation> findings) {
        Language.Cues cues = language.cues();
        boolean pending = cues.pendingRestart().stream().anyMatch(p -> p.matcher(text).find());
        boolean changed = cues.changes().stream().anyMatch(p -> unnegated(p, text, cues));
        if (!pending && !changed) {
            return findings;
        }
        // a restart with a negation just before it is none ("has not still rebooted")
        boolean restarted = !pending && cues.restarted().stream().anyMatch(p -> {
            Matcher mt = p.matcher(text);
            while (mt.find()) {
                if (!NEGATED_BEFORE.matcher(text.substring(Math.max(0, mt.start() - 30), mt.start())).find()) {
                    return true;
                }
            }
            return false;
        });
        if (restarted) {
            return findings;
        }
        Doubt doubt = pending ? Doubt.PENDING_RESTART : Doubt.CHANGED;
        List<Observation> out = new ArrayList<>();
        for (Observation f : findings) {
            Language.FactLanguage fl = factLanguages.get(f.factId());
            boolean sensitive = fl != null && fl.restartSensitive() && !f.isRejection();
            out.add(sensitive ? Observation.doubt(f.factId(), f.value(), f.evidence(), doubt) : f);
        }
        // a change named without a value read ("used to be 0 but I deleted it") leaves the fact unclear too
        String cue = firstMatch(text, pending ? cues.pendingRestart() : cues.changes());
        for (String factId : namedFacts(text)) {
            Language.FactLanguage fl = factLanguages.get(factId);
            if (fl.restartSensitive() && cue != null && out.stream().noneMatch(f -> f.factId().equals(factId))) {
                out.add(Observation.doubt(factId, null, cue, doubt));
            }
        }
        return out;
    }

    /** A negation and at most two words, just before a restart ("not yet", "has not still"). */
    private static final Pattern NEGATED_BEFORE = Pattern.compile(
            "(?:\\b(?:not|never|no|without)|n't)\\s+(?:\\S+\\s+){0,2}$", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the pattern finds a change in the text not negated by the words just before it
     * ("nobody added").
     */
    private static boolean unnegated(Pattern change, String text, Language.Cues cues) {
        Matcher mt = change.matcher(text);
        while (mt.find()) {
            String before = text.substring(Math.max(0, mt.start() - 24), mt.start());
            if (cues.negations().stream().noneMatch(p -> p.matcher(before).find())) {
                return true;
            }
        }
        return false;
    }

    private static String firstMatch(String text, List<Pattern> patterns) {
        for (Pattern p : patterns) {
            Matcher mt = p.matcher(text);
            if (mt.find() && !mt.group().isBlank()) {
                return mt.group().trim();
            }
        }
        return null;
    }

    /** A whole-message answer with a hedge ("I think 2", "probably none"): the value, but in doubt. */
    private Observation hedgedShortAnswer(String text, String factId) {
        String rest = text;
        boolean hedged = false;
        for (Pattern p : language.cues().hedges()) {
            Matcher hm = p.matcher(rest);
            if (hm.find()) {
                rest = rest.substring(0, hm.start()) + " " + rest.substring(hm.end());
                hedged = true;
            }
        }
        if (!hedged || rest.isBlank()) {
            return null;
        }
        Observation f = shortAnswer(rest, factId);
        return f == null ? null : Observation.doubt(factId, f.value(), text.trim(), Doubt.HEDGED);
    }

    private Observation shortAnswer(String text, String factId) {
        Language.FactLanguage fl = factLanguages.get(factId);
        if (fl == null || fl.answers().isEmpty()) {
            return null;
        }
        String normalised = stripFillers(LanguageReader.normaliseAnswer(text));
        if (article.fact(factId).map(f -> f.type() instanceof FactType.Choices).orElse(false)
                && DOTTED.matcher(normalised).find()) {
            return null; // "5.0.2" answers no choice question, even where "5" would
        }
        for (Language.ShortAnswer a : fl.answers()) {
            if (a.whole().matcher(normalised).matches()) {
                return Observation.value(factId, a.value(), text.trim());
            }
        }
        return null;
    }

    private Observation leadingAnswer(String text, String factId) {
        Matcher mt = LEADING_ANSWER.matcher(text);
        if (!mt.matches()) {
            return null;
        }
        String rest = mt.group(2);
        if (language.cues().hedges().stream().anyMatch(p -> p.matcher(rest).find())) {
            return null;
        }
        Observation f = shortAnswer(mt.group(1), factId);
        return f == null ? null : Observation.value(factId, f.value(), mt.group(1).trim());
    }

    private String stripFillers(String normalised) {
        String s = normalised;
        boolean again = true;
        while (again && !s.isEmpty()) {
            again = false;
            for (String filler : language.cues().fillers()) {
                if (!filler.isEmpty() && s.startsWith(filler)
                        && (s.length() == filler.length() || !Character.isLetterOrDigit(s.charAt(filler.length())))) {
                    String next = FILLER_SEPARATOR.matcher(s.substring(filler.length())).replaceFirst("");
                    if (!next.isEmpty()) {
                        s = next;
                        again = true;
                    }
                }
            }
        }
        return s;
    }

    private Extraction merge(List<Observation> findings) {
        Map<String, List<Observation>> byFact = new LinkedHashMap<>();
        for (Observation f : findings) {
            byFact.computeIfAbsent(f.factId(), k -> new ArrayList<>()).add(f);
        }
        List<Understood> understood = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Unclear> unclear = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> e : byFact.entrySet()) {
            String factId = e.getKey();
            List<Observation> list = e.getValue();
            if (list.stream().anyMatch(Observation::isRejection)) {
                Set<String> seen = new LinkedHashSet<>();
                for (Observation f : list) {
                    if (f.isRejection() && seen.add(f.evidence() + "\n" + f.reason())) {
                        rejections.add(new Rejection(factId, f.evidence(), f.reason()));
                    }
                }
                continue;
            }
            List<Observation> doubts = list.stream().filter(Observation::isDoubt).toList();
            Observation strong = doubts.stream().filter(d -> d.doubt().strong()).findFirst().orElse(null);
            Map<String, Observation> firstByValue = new LinkedHashMap<>();
            for (Observation f : list) {
                if (f.isValue()) {
                    Observation had = firstByValue.get(f.value());
                    if (had == null || had.source() == Origin.TYPED && f.source() != Origin.TYPED) {
                        firstByValue.put(f.value(), f);
                    }
                }
            }
            if (strong != null || firstByValue.isEmpty()) {
                if (!doubts.isEmpty()) {
                    Observation d = strong != null ? strong : doubts.get(0);
                    unclear.add(new Unclear(factId, d.value(), d.evidence(), d.doubt(),
                            language.doubts().get(d.doubt())));
                }
                continue;
            }
            Language.FactLanguage fl = factLanguages.get(factId);
            if (fl != null && !fl.refines().isEmpty()) {
                Set<String> general = new LinkedHashSet<>();
                for (String v : firstByValue.keySet()) {
                    general.addAll(fl.refines().getOrDefault(v, Set.of()));
                }
                firstByValue.keySet().removeAll(general);
            }
            // a doubtful reading of another value than the plain ones makes the fact a conflict, never a pick
            for (Observation d : doubts) {
                if (d.value() != null && !firstByValue.containsKey(d.value()) && (fl == null
                        || firstByValue.keySet().stream().noneMatch(v -> fl.refines().getOrDefault(v, Set.of())
                                .contains(d.value())))) {
                    firstByValue.put(d.value(), d);
                }
            }
            List<Understood> candidates = firstByValue.values().stream()
                    .map(f -> new Understood(factId, f.value(), f.evidence(), f.source())).toList();
            if (candidates.size() == 1) {
                understood.add(candidates.get(0));
            } else {
                conflicts.add(new Conflict(factId, candidates));
            }
        }
        return new Extraction(understood, conflicts, rejections, unclear);
    }
}
