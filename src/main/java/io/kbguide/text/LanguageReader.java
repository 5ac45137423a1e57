package io.kbguide.text;

import com.fasterxml.jackson.databind.JsonNode;

import io.kbguide.engine.Article;
import io.kbguide.engine.Fact;
import io.kbguide.engine.FactType;
import io.kbguide.engine.KbException;
import io.kbguide.engine.KbFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.kbguide.text.LanguageFile.orEmpty;

/**
 * Reads an article's {@code language.yaml} and checks it against the {@link Article} it belongs to. Fails fast
 * with a {@link KbException} naming the file and the entry at fault (for example
 * {@code facts.os.values.windows-2003.patterns[2]}): an unknown key, fact id or value, a bad regular expression,
 * a phrase for a version fact. The file is bound to the {@link LanguageFile} records, which refuse unknown keys,
 * then checked entry by entry. The format is described at the top of the seed article's language.yaml.
 */
public final class LanguageReader {

    /** The language file every article folder may hold. */
    public static final String LANGUAGE_FILE = "language.yaml";

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Reads {@code language.yaml} from the article's folder. */
    public Language read(Path articleFolder, Article article) {
        String name = articleFolder.getFileName() + "/" + LANGUAGE_FILE;
        if (!Files.exists(articleFolder.resolve(LANGUAGE_FILE))) {
            throw new KbException(name, "the language file does not exist");
        }
        return parse(name, KbFiles.read(articleFolder.resolve(LANGUAGE_FILE), name), article);
    }

    /**
     * Reads language text.
     *
     * @param fileName the file's name for messages, relative to the kb directory
     */
    public Language parse(String fileName, String yamlText, Article article) {
        // a tree first: its YAML errors name the line, and unquoted yes/no or numbers become text as the tree has them
        JsonNode root = KbFiles.yamlTree(fileName, yamlText);
        if (root == null || !root.isObject()) {
            throw new KbException(fileName, "expected a mapping with cues, facts and extractors");
        }
        return new Builder(fileName, article).language(LanguageFile.bind(fileName, root));
    }

    /** The words of a phrase, lower case: a space, "-" or "_" between them matches any run of those (or none). */
    static String[] phraseTokens(String phrase) {
        return phrase.trim().toLowerCase(Locale.ROOT).split("[\\s\\-_]+");
    }

    /** The regular expression a phrase stands for (see the format notes in language.yaml). */
    static String phraseRegex(String phrase) {
        String p = phrase.trim().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        char first = p.charAt(0);
        char last = p.charAt(p.length() - 1);
        if (Character.isLetterOrDigit(first)) {
            sb.append("(?<![\\p{Alnum}_\\\\])");
        }
        if (Character.isDigit(first)) {
            sb.append("(?<!\\d[.,])");
        }
        String[] tokens = phraseTokens(phrase);
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                sb.append("[\\s\\-_]*");
            }
            sb.append(Pattern.quote(tokens[i]));
        }
        if (Character.isLetterOrDigit(last)) {
            sb.append("(?![\\p{Alnum}_])");
        }
        if (Character.isDigit(last)) {
            sb.append("(?![.,]\\d)");
        }
        return sb.toString();
    }

    /** Normalises a whole-message answer: lower case, no quotes, apostrophes, , ; : ( ), single spaces, no end dot. */
    static String normaliseAnswer(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replaceAll("['\"`\u2018\u2019\u201c\u201d]", "")
                .replaceAll("[,;:()]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return s.replaceAll("[\\s.!]+$", "").trim();
    }

    /** Checks the bound file against the article and builds the language; a fault names its entry in the file. */
    private static final class Builder {
        private final String file;
        private final Article article;

        Builder(String file, Article article) {
            this.file = file;
            this.article = article;
        }

        Language language(LanguageFile.Root root) {
            if (root.article() != null && !root.article().equals(article.id())) {
                throw fail("article", "names article '" + root.article() + "' but belongs to '" + article.id()
                        + "'");
            }
            Language.Cues cues = cues(required(root.cues(), "cues"));
            List<Language.FactLanguage> facts = new ArrayList<>();
            required(root.facts(), "facts").forEach((id, fact) -> facts.add(fact(id,
                    orEmpty(fact, LanguageFile.Fact.class))));
            LanguageFile.Extractors ex = orEmpty(root.extractors(), LanguageFile.Extractors.class);
            return new Language(file, article.id(), cues, facts,
                    each(ex.systeminfo(), LanguageFile.SystemInfoField.class, "extractors.systeminfo",
                            this::systemInfoField),
                    each(ex.registry(), LanguageFile.RegistryValue.class, "extractors.registry", this::registry),
                    each(ex.bootSwitch(), LanguageFile.BootSwitch.class, "extractors.bootSwitch", this::bootSwitch),
                    each(ex.versions(), LanguageFile.ProductVersion.class, "extractors.versions", this::version),
                    doubts(required(root.doubts(), "doubts")), ignored(required(root.ignored(), "ignored")),
                    languages(root.languages()));
        }

        private Language.Cues cues(LanguageFile.Cues c) {
            int window = 4;
            if (c.window() != null) {
                if (!c.window().canConvertToInt() || c.window().asInt() < 1 || c.window().asInt() > 20) {
                    throw fail("cues.window", "expected a whole number from 1 to 20, got '" + c.window().asText()
                            + "'");
                }
                window = c.window().asInt();
            }
            List<String> fillers = strings(c.fillers(), "cues.fillers").stream().map(LanguageReader::normaliseAnswer)
                    .toList();
            return new Language.Cues(window, patterns(c.negations(), "cues.negations"),
                    patterns(c.negatedAfter(), "cues.negatedAfter"), patterns(c.past(), "cues.past"),
                    patterns(c.hedges(), "cues.hedges"), patterns(c.questions(), "cues.questions"),
                    patterns(c.hedgeBreaks(), "cues.hedgeBreaks"), patterns(c.scopeBreaks(), "cues.scopeBreaks"),
                    fillers, patterns(c.future(), "cues.future"), patterns(c.history(), "cues.history"),
                    patterns(c.aboutAfter(), "cues.aboutAfter"), patterns(c.servers(), "cues.servers"),
                    patterns(c.allServers(), "cues.allServers"), patterns(c.pendingRestart(), "cues.pendingRestart"),
                    patterns(c.restarted(), "cues.restarted"), patterns(c.changes(), "cues.changes"),
                    patterns(c.noAnswer(), "cues.noAnswer"), patterns(c.foreign(), "cues.foreign"),
                    patterns(c.corrections(), "cues.corrections"));
        }

        private Language.FactLanguage fact(String factId, LanguageFile.Fact f) {
            String path = "facts." + factId;
            Fact fact = existingFact(factId, path);
            List<Pattern> ignore = patterns(f.ignore(), path + ".ignore");
            if (f.values() != null && fact.type() instanceof FactType.Versions) {
                throw fail(path + ".values", "'" + factId + "' is a version fact: its values are versions, "
                        + "read by extractors.versions, and cannot be listed");
            }
            List<Language.ValueRule> rules = new ArrayList<>();
            List<Language.ShortAnswer> answers = new ArrayList<>();
            map(f.values()).forEach((value, v) -> {
                String vpath = path + ".values." + value;
                checkValue(fact, value, vpath);
                LanguageFile.Value words = orEmpty(v, LanguageFile.Value.class);
                phrasesAndPatterns(words.phrases(), words.patterns(), vpath).forEach(c -> rules.add(
                        new Language.ValueRule(value, c.pattern(), c.triggers(), c.entry())));
                answers.addAll(texts(words.answers(), vpath + ".answers", (answer, entry) -> {
                    String norm = normaliseAnswer(answer);
                    if (norm.isEmpty()) {
                        throw fail(entry, "an answer must not be empty");
                    }
                    return new Language.ShortAnswer(value, Pattern.compile(Pattern.quote(norm)), entry);
                }));
                answers.addAll(texts(words.answerPatterns(), vpath + ".answerPatterns",
                        (regex, entry) -> new Language.ShortAnswer(value, compile(regex, entry), entry)));
            });
            Map<String, String> negated = new LinkedHashMap<>();
            map(f.negated()).forEach((from, to) -> {
                String entry = path + ".negated." + from;
                checkValue(fact, from, entry);
                checkValue(fact, text(to, entry), entry);
                negated.put(from, to);
            });
            Map<String, Set<String>> refines = new LinkedHashMap<>();
            map(f.refines()).forEach((specific, generals) -> {
                String entry = path + ".refines." + specific;
                checkValue(fact, specific, entry);
                List<String> general = strings(generals, entry);
                for (String g : general) {
                    checkValue(fact, g, entry);
                    if (g.equals(specific)) {
                        throw fail(entry, "a value cannot refine itself");
                    }
                }
                refines.put(specific, Set.copyOf(general));
            });
            List<Language.RejectRule> rejections = each(f.rejections(), LanguageFile.Rejection.class,
                    path + ".rejections", this::rejections).stream().flatMap(List::stream).toList();
            List<Language.DoubtRule> doubts = each(f.doubts(), LanguageFile.DoubtWords.class, path + ".doubts",
                    this::doubtRules).stream().flatMap(List::stream).toList();
            Language.Attribution attribution = null;
            if (f.attribution() != null) {
                String apath = path + ".attribution";
                LanguageFile.Attribution a = f.attribution();
                Fact owner = choiceFact(required(a.owner(), apath + ".owner"), apath + ".owner");
                List<String> ownerValues = strings(a.ownerValues(), apath + ".ownerValues");
                ownerValues.forEach(v -> checkValue(owner, v, apath + ".ownerValues"));
                attribution = new Language.Attribution(owner.id(), Set.copyOf(ownerValues),
                        patterns(a.others(), apath + ".others"));
            }
            boolean restartSensitive = f.restartSensitive() != null && f.restartSensitive().asBoolean();
            return new Language.FactLanguage(factId, ignore, rules, rejections, answers, negated, refines,
                    patterns(f.topics(), path + ".topics"), doubts, attribution, restartSensitive,
                    patterns(f.labels(), path + ".labels"));
        }

        private List<Language.RejectRule> rejections(LanguageFile.Rejection r, String path) {
            String reason = required(r.reason(), path + ".reason");
            List<Matching> matching = phrasesAndPatterns(r.phrases(), r.patterns(), path);
            if (matching.isEmpty()) {
                throw fail(path, "a rejection needs phrases or patterns");
            }
            return matching.stream().map(c -> new Language.RejectRule(c.pattern(), reason, c.triggers(), c.entry()))
                    .toList();
        }

        private List<Language.DoubtRule> doubtRules(LanguageFile.DoubtWords d, String path) {
            Doubt doubt = doubt(required(d.doubt(), path + ".doubt"), path + ".doubt");
            return phrasesAndPatterns(d.phrases(), d.patterns(), path).stream()
                    .map(c -> new Language.DoubtRule(doubt, c.pattern(), c.triggers(), c.entry())).toList();
        }

        /** A phrase or pattern of an entry, compiled, with its triggers and its place in the file. */
        private record Matching(Pattern pattern, List<String> triggers, String entry) {
        }

        /** The {@code phrases} and {@code patterns} of an entry, in that order. */
        private List<Matching> phrasesAndPatterns(List<String> phrases, List<String> patterns, String path) {
            List<Matching> out = new ArrayList<>(texts(phrases, path + ".phrases",
                    (phrase, entry) -> new Matching(phrase(phrase, entry), Trigger.ofPhrase(phrase), entry)));
            out.addAll(texts(patterns, path + ".patterns",
                    (regex, entry) -> new Matching(compile(regex, entry), Trigger.ofRegex(regex), entry)));
            return out;
        }

        private Language.SystemInfoField systemInfoField(LanguageFile.SystemInfoField f, String path) {
            String name = required(f.field(), path + ".field");
            List<String> names = new ArrayList<>(List.of(name));
            names.addAll(strings(f.aliases(), path + ".aliases"));
            // "Name: value" (systeminfo), "Name<TAB>value" (msinfo32), "Name = value" (wmic /format:list)
            Pattern line = Pattern.compile("^\\s*(?:" + String.join("|", names.stream().map(Pattern::quote).toList())
                    + ")(?:\\s*[:=]|\\s*\\t)\\s*(.*?)\\s*$", FLAGS);
            return new Language.SystemInfoField(name, line, each(required(f.rules(), path + ".rules"),
                    LanguageFile.FieldRule.class, path + ".rules", this::fieldRule));
        }

        private Language.FieldRule fieldRule(LanguageFile.FieldRule r, String path) {
            Pattern match = compile(required(r.match(), path + ".match"), path + ".match");
            Map<String, String> set = new LinkedHashMap<>();
            map(r.set()).forEach((factId, value) -> {
                String entry = path + ".set." + factId;
                Fact fact = choiceFact(factId, entry);
                checkValue(fact, text(value, entry), entry);
                set.put(fact.id(), value);
            });
            Map<String, String> reject = new LinkedHashMap<>();
            map(r.reject()).forEach((factId, reason) -> {
                String entry = path + ".reject." + factId;
                existingFact(factId, entry);
                reject.put(factId, text(reason, entry));
            });
            if (set.isEmpty() && reject.isEmpty()) {
                throw fail(path, "a rule needs set or reject");
            }
            return new Language.FieldRule(match, set, reject, path);
        }

        private Language.RegistryValue registry(LanguageFile.RegistryValue r, String path) {
            String name = required(r.value(), path + ".value");
            Pattern key = compile(required(r.key(), path + ".key"), path + ".key");
            Fact fact = choiceFact(required(r.fact(), path + ".fact"), path + ".fact");
            String zero = required(r.zero(), path + ".zero");
            String nonzero = required(r.nonzero(), path + ".nonzero");
            String absent = required(r.absent(), path + ".absent");
            checkValue(fact, zero, path + ".zero");
            checkValue(fact, nonzero, path + ".nonzero");
            checkValue(fact, absent, path + ".absent");
            return new Language.RegistryValue(name, key, fact.id(), r.type() == null ? "REG_DWORD" : r.type(), zero,
                    nonzero, absent, required(r.wrongType(), path + ".wrongType"),
                    required(r.badData(), path + ".badData"));
        }

        private Language.BootSwitch bootSwitch(LanguageFile.BootSwitch b, String path) {
            Fact fact = choiceFact(required(b.fact(), path + ".fact"), path + ".fact");
            String sw = required(b.switchName(), path + ".switch");
            if (!sw.matches("/[A-Za-z0-9]+")) {
                throw fail(path + ".switch", "expected a boot switch such as /3GB, got '" + sw + "'");
            }
            String present = required(b.present(), path + ".present");
            String absent = required(b.absent(), path + ".absent");
            checkValue(fact, present, path + ".present");
            checkValue(fact, absent, path + ".absent");
            return new Language.BootSwitch(fact.id(), sw, present, absent);
        }

        private Language.ProductVersion version(LanguageFile.ProductVersion v, String path) {
            String factId = required(v.fact(), path + ".fact");
            Fact fact = existingFact(factId, path + ".fact");
            if (!(fact.type() instanceof FactType.Versions)) {
                throw fail(path + ".fact", "'" + factId + "' is not a version fact");
            }
            List<Pattern> products = patterns(required(v.products(), path + ".products"), path + ".products");
            if (products.isEmpty()) {
                throw fail(path + ".products", "at least one product name pattern is needed");
            }
            StringBuilder alt = new StringBuilder();
            for (Pattern p : products) {
                alt.append(alt.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
            }
            return new Language.ProductVersion(fact.id(), Pattern.compile("(?:" + alt + ")", FLAGS),
                    patterns(v.exclude(), path + ".exclude"), required(v.incomplete(), path + ".incomplete"));
        }

        private Map<Doubt, String> doubts(Map<String, String> words) {
            Map<Doubt, String> doubts = new EnumMap<>(Doubt.class);
            words.forEach((id, text) -> doubts.put(doubt(id, "doubts." + id), text(text, "doubts." + id)));
            for (Doubt d : Doubt.values()) {
                if (!doubts.containsKey(d)) {
                    throw fail("doubts", "missing the words for doubt '" + d.id() + "' (every one of "
                            + ids(Doubt.values(), Doubt::id) + " needs them)");
                }
            }
            return doubts;
        }

        private Map<Skip, String> ignored(Map<String, String> words) {
            Map<Skip, String> ignored = new EnumMap<>(Skip.class);
            Skip[] worded = Skip.worded().toArray(Skip[]::new);
            words.forEach((id, text) -> {
                Skip skip = Arrays.stream(worded).filter(s -> s.id().equals(id)).findFirst()
                        .orElseThrow(() -> fail("ignored." + id, "unknown reason '" + id + "' (known: "
                                + ids(worded, Skip::id) + ")"));
                ignored.put(skip, text(text, "ignored." + id));
            });
            for (Skip s : worded) {
                if (!ignored.containsKey(s)) {
                    throw fail("ignored", "missing the words for '" + s.id() + "' (every one of "
                            + ids(worded, Skip::id) + " needs them)");
                }
            }
            return ignored;
        }

        private Doubt doubt(String id, String path) {
            return Arrays.stream(Doubt.values()).filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> fail(
                    path, "unknown doubt '" + id + "' (known: " + ids(Doubt.values(), Doubt::id) + ")"));
        }

        private static <T> String ids(T[] values, Function<T, String> id) {
            return String.join(", ", Arrays.stream(values).map(id).toList());
        }

        /**
         * The packs for other languages: shared technical {@code terms}, the {@code english} markers, and per
         * language its name, marker words, words and phrases with their English. A marker that is another pack's
         * marker too, or a word without English, fails.
         */
        private Glosser languages(LanguageFile.Languages languages) {
            if (languages == null) {
                return new Glosser(List.of(), Set.of(), Set.of());
            }
            Set<String> terms = new LinkedHashSet<>();
            strings(languages.terms(), "languages.terms").forEach(t -> terms.add(Glosser.fold(t)));
            Set<String> english = new LinkedHashSet<>();
            strings(required(languages.english(), "languages.english"), "languages.english")
                    .forEach(t -> english.add(Glosser.fold(t)));
            List<Glosser.Pack> packs = new ArrayList<>();
            Map<String, String> markerOwner = new LinkedHashMap<>();
            required(languages.packs(), "languages.packs").forEach((id, pack) -> packs.add(
                    pack(id, orEmpty(pack, LanguageFile.Pack.class), markerOwner)));
            for (Glosser.Pack p : packs) {
                for (String k : p.markers()) {
                    if (english.contains(k)) {
                        throw fail("languages.packs." + p.id() + ".markers", "'" + k + "' is an English marker"
                                + " too; a marker must name one language");
                    }
                }
            }
            return new Glosser(packs, terms, english);
        }

        /** One language's pack; {@code markerOwner} holds the pack each marker seen so far belongs to. */
        private Glosser.Pack pack(String id, LanguageFile.Pack p, Map<String, String> markerOwner) {
            String path = "languages.packs." + id;
            // letters often typed another way ("ü" as "ue"): each word is known in both spellings
            Map<String, String> spellings = new LinkedHashMap<>();
            map(p.spellings()).forEach((from, to) -> spellings.put(from.toLowerCase(Locale.ROOT),
                    text(to, path + ".spellings." + from).toLowerCase(Locale.ROOT)));
            String name = required(p.name(), path + ".name");
            Set<String> markers = new LinkedHashSet<>();
            List<String> markerList = strings(required(p.markers(), path + ".markers"), path + ".markers");
            for (int i = 0; i < markerList.size(); i++) {
                String k = Glosser.key(markerList.get(i));
                String other = markerOwner.putIfAbsent(k, id);
                if (other != null && !other.equals(id)) {
                    throw fail(path + ".markers[" + i + "]", "'" + k + "' marks " + other + " too; a marker"
                            + " must name one language");
                }
                if (k.isEmpty() || k.contains(" ")) {
                    throw fail(path + ".markers[" + i + "]", "a marker is one word, got '" + markerList.get(i)
                            + "'");
                }
                markers.add(k);
            }
            for (String k : List.copyOf(markers)) {
                String lower = markerList.stream().map(Glosser::lowerKey).filter(x -> Glosser.key(x).equals(k))
                        .findFirst().orElse(k);
                String respelled = respell(lower, spellings);
                if (!respelled.equals(lower)) {
                    markers.add(respelled);
                }
            }
            Map<String, String> words = new HashMap<>();
            Map<String, String> foldedWords = new HashMap<>();
            int longest = 1;
            for (Map.Entry<String, String> w : required(p.words(), path + ".words").entrySet()) {
                String entry = path + ".words." + w.getKey();
                String k = Glosser.lowerKey(w.getKey());
                if (k.isEmpty()) {
                    throw fail(entry, "names no word");
                }
                String gloss = text(w.getValue(), entry).trim();
                if (words.put(k, gloss) != null) {
                    throw fail(entry, "'" + k + "' is listed twice");
                }
                foldedWords.putIfAbsent(Glosser.key(w.getKey()), gloss);
                String respelled = respell(k, spellings);
                if (!respelled.equals(k)) {
                    foldedWords.putIfAbsent(respelled, gloss);
                }
                longest = Math.max(longest, k.split(" ").length);
            }
            foldedWords.forEach(words::putIfAbsent);
            for (String k : markers) {
                if (!words.containsKey(k)) {
                    throw fail(path + ".markers", "marker '" + k + "' has no English in " + path + ".words");
                }
            }
            return new Glosser.Pack(id, name, Set.copyOf(markers), Map.copyOf(words), longest);
        }

        private static String respell(String word, Map<String, String> spellings) {
            String respelled = word;
            for (Map.Entry<String, String> sp : spellings.entrySet()) {
                respelled = respelled.replace(sp.getKey(), sp.getValue());
            }
            return respelled;
        }

        // --- checks against the article --------------------------------------------------------------------

        private Fact existingFact(String factId, String path) {
            return article.fact(factId).orElseThrow(() -> fail(path, "unknown fact '" + factId
                    + "' (the article's facts are " + article.facts().stream().map(Fact::id).toList() + ")"));
        }

        private Fact choiceFact(String factId, String path) {
            Fact fact = existingFact(factId, path);
            if (!(fact.type() instanceof FactType.Choices)) {
                throw fail(path, "'" + factId + "' is a version fact; only choice facts can be set here");
            }
            return fact;
        }

        private void checkValue(Fact fact, String value, String path) {
            if (!(fact.type() instanceof FactType.Choices) || !fact.domain().contains(value)) {
                String hint = "true".equals(value) || "false".equals(value) ? " (quote \"yes\" and \"no\")" : "";
                throw fail(path, "unknown value '" + value + "' for fact '" + fact.id() + "' (its values are "
                        + fact.domain() + ")" + hint);
            }
        }

        // --- entries of the file ---------------------------------------------------------------------------

        private Pattern phrase(String phrase, String entry) {
            if (phrase.isBlank()) {
                throw fail(entry, "a phrase must not be empty");
            }
            return Pattern.compile(phraseRegex(phrase), FLAGS);
        }

        private Pattern compile(String regex, String entry) {
            if (regex.isEmpty()) {
                throw fail(entry, "a pattern must not be empty");
            }
            try {
                Pattern p = Pattern.compile(regex, FLAGS);
                if (p.matcher("").matches()) {
                    throw fail(entry, "pattern '" + regex + "' matches the empty text");
                }
                return p;
            } catch (PatternSyntaxException e) {
                throw new KbException(file, entry + ": '" + regex + "' is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex(), e);
            }
        }

        /** Reads each mapping of a list with its place ({@code path[i]}); one written as nothing is empty. */
        private <T, R> List<R> each(List<T> entries, Class<T> type, String path, BiFunction<T, String, R> read) {
            List<R> out = new ArrayList<>();
            for (int i = 0; i < list(entries).size(); i++) {
                out.add(read.apply(orEmpty(entries.get(i), type), path + "[" + i + "]"));
            }
            return out;
        }

        /** Reads each text of a list with its place ({@code path[i]}); one written as nothing fails. */
        private <R> List<R> texts(List<String> entries, String path, BiFunction<String, String, R> read) {
            List<R> out = new ArrayList<>();
            for (int i = 0; i < list(entries).size(); i++) {
                String entry = path + "[" + i + "]";
                out.add(read.apply(text(entries.get(i), entry), entry));
            }
            return out;
        }

        private List<String> strings(List<String> entries, String path) {
            return texts(entries, path, (text, entry) -> text);
        }

        private List<Pattern> patterns(List<String> regexes, String path) {
            return texts(regexes, path, this::compile);
        }

        private String text(String text, String path) {
            if (text == null) {
                throw fail(path, "expected a text");
            }
            return text;
        }

        private <T> T required(T value, String path) {
            if (value == null) {
                throw fail(path, "is missing");
            }
            return value;
        }

        private static <T> List<T> list(List<T> entries) {
            return entries == null ? List.of() : entries;
        }

        private static <V> Map<String, V> map(Map<String, V> entries) {
            return entries == null ? Map.of() : entries;
        }

        private KbException fail(String path, String message) {
            return new KbException(file, path + ": " + message);
        }
    }
}
