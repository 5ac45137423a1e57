package io.kbguide.text;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An article's typed-text language, read from its {@code language.yaml} by {@link LanguageReader} and checked
 * against the article: the phrases and patterns that name each fact's values, the cue words that negate or
 * hedge a mention, and the article specifics the generic readers of pasted command output need. Immutable;
 * its parts are visible to this package only.
 */
public final class Language {

    private final String file;
    private final String articleId;
    private final Cues cues;
    private final List<FactLanguage> facts;
    private final List<SystemInfoField> systemInfo;
    private final List<RegistryValue> registry;
    private final List<BootSwitch> bootSwitches;
    private final List<ProductVersion> versions;
    private final Map<Doubt, String> doubts;
    private final Map<Skip, String> ignored;
    private final Glosser glosser;

    Language(String file, String articleId, Cues cues, List<FactLanguage> facts, List<SystemInfoField> systemInfo,
            List<RegistryValue> registry, List<BootSwitch> bootSwitches, List<ProductVersion> versions,
            Map<Doubt, String> doubts, Map<Skip, String> ignored, Glosser glosser) {
        this.glosser = Objects.requireNonNull(glosser);
        this.doubts = Map.copyOf(doubts);
        this.ignored = Map.copyOf(ignored);
        this.file = Objects.requireNonNull(file);
        this.articleId = Objects.requireNonNull(articleId);
        this.cues = Objects.requireNonNull(cues);
        this.facts = List.copyOf(facts);
        this.systemInfo = List.copyOf(systemInfo);
        this.registry = List.copyOf(registry);
        this.bootSwitches = List.copyOf(bootSwitches);
        this.versions = List.copyOf(versions);
    }

    /** The file it was read from, relative to the kb directory (for messages). */
    public String file() {
        return file;
    }

    /** The id of the article it was checked against. */
    public String articleId() {
        return articleId;
    }

    /** The packs for sentences in other languages. */
    Glosser glosser() {
        return glosser;
    }

    Cues cues() {
        return cues;
    }

    List<FactLanguage> facts() {
        return facts;
    }

    List<SystemInfoField> systemInfo() {
        return systemInfo;
    }

    List<RegistryValue> registry() {
        return registry;
    }

    List<BootSwitch> bootSwitches() {
        return bootSwitches;
    }

    List<ProductVersion> versions() {
        return versions;
    }

    /** Each doubt in words for the user (every {@link Doubt} has one). */
    /** The words for each reason a part of a message is not used. */
    Map<Skip, String> ignored() {
        return ignored;
    }

    Map<Doubt, String> doubts() {
        return doubts;
    }

    /**
     * Words around a mention that change its meaning.
     *
     * @param window      how many words before a mention are searched for a negation or past cue
     * @param negations   cues before a mention that negate it ("no", "not", "without", "removed")
     * @param negatedAfter patterns anchored right after a mention that negate it ("is not set", "is absent")
     * @param past        cues before a mention that make it a former state ("upgraded from", "used to be")
     * @param hedges      cues in the mention's clause, up to a hedge break, that make it uncertain, future or
     *                    quoted ("not sure", "will", "the article says")
     * @param questions   patterns matched at the start of a clause that make it a question
     * @param hedgeBreaks words that end the scope of a hedge within a clause ("but")
     * @param scopeBreaks words that end the scope of a negation within a clause ("but", "and")
     * @param fillers     normalised words dropped from the start of a whole-message answer ("it's", "well")
     * @param future      cues in the clause, up to a hedge break, that make a mention future or quoted: dropped,
     *                    it says nothing about the server now ("will", "scheduled", "the article says")
     * @param history     cues anywhere in the clause that make a mention a former state: dropped ("back when")
     * @param aboutAfter  patterns anchored right after a mention that make it a remark about the thing, not its
     *                    state: dropped ("/3GB isn't the issue")
     * @param servers     words naming one server or node of several ("the primary", "node B", "the other one");
     *                    two different ones in a line make its facts unclear
     * @param allServers words that speak of all the servers at once ("both nodes", "the active/passive pair")
     * @param pendingRestart cues saying a change has not taken effect by a restart yet ("not rebooted yet")
     * @param restarted   cues saying the server restarted after a change ("rebooted", "restarted the server")
     * @param changes     cues saying a value was changed ("changed", "set it to", "deleted")
     */
    record Cues(int window, List<Pattern> negations, List<Pattern> negatedAfter, List<Pattern> past,
            List<Pattern> hedges, List<Pattern> questions, List<Pattern> hedgeBreaks, List<Pattern> scopeBreaks,
            List<String> fillers, List<Pattern> future, List<Pattern> history, List<Pattern> aboutAfter,
            List<Pattern> servers, List<Pattern> allServers, List<Pattern> pendingRestart, List<Pattern> restarted,
            List<Pattern> changes, List<Pattern> noAnswer, List<Pattern> foreign, List<Pattern> corrections) {
    }

    /** Words that make a mention of a fact doubtful ("got the patch": possession, not installation). */
    record DoubtRule(Doubt doubt, Pattern pattern, List<String> triggers, String entry) {
    }

    /**
     * Whose a mention of the fact is: a service pack is Windows's only when it follows a Windows version of
     * {@code ownerValues} (of fact {@code ownerFact}), or answers its question; after another product
     * ({@code others}) or another Windows version it is not this fact's; with nothing to attribute it to, it is
     * unclear.
     */
    record Attribution(String ownerFact, Set<String> ownerValues, List<Pattern> others) {
    }

    /**
     * A pattern naming one value of a fact in free text; {@code entry} names its place in the file and
     * {@code triggers} are folded literals every match contains (see {@link Trigger}), maybe none.
     */
    record ValueRule(String value, Pattern pattern, List<String> triggers, String entry) {
    }

    /** A pattern for something about a fact that cannot be used, with the reason; triggers as for ValueRule. */
    record RejectRule(Pattern pattern, String reason, List<String> triggers, String entry) {
    }

    /** A whole-message answer to the fact while it is being asked. */
    record ShortAnswer(String value, Pattern whole, String entry) {
    }

    /**
     * Free-text language of one fact.
     *
     * @param negated  value to value: what a negated mention of the key means; absent keys are dropped
     * @param refines  value to the more general values it refines
     * @param doubts   words that make a mention doubtful, with the doubt
     * @param attribution whose a mention is, or null when any mention is the fact's
     * @param restartSensitive whether the server uses a changed value only after a restart (registry, boot)
     * @param topics   words that name the fact itself ("the patch", "service pack"): a message naming another
     *                 fact's topic is not a bare answer to the question being asked
     */
    record FactLanguage(String factId, List<Pattern> ignore, List<ValueRule> rules, List<RejectRule> rejections,
            List<ShortAnswer> answers, Map<String, String> negated, Map<String, Set<String>> refines,
            List<Pattern> topics, List<DoubtRule> doubts, Attribution attribution, boolean restartSensitive,
            List<Pattern> labels) {
    }

    /**
     * A rule applied to the text of a field of pasted output. Sets each fact in {@code set} and rejects each fact
     * in {@code reject} (fact to reason, where {0} is the whole match and {1}... its groups), unless an earlier
     * rule of the same output already decided that fact.
     */
    record FieldRule(Pattern match, Map<String, String> set, Map<String, String> reject, String entry) {
    }

    /** A systeminfo field ("OS Name") and the rules applied to its value, in order. */
    record SystemInfoField(String name, Pattern line, List<FieldRule> rules) {
    }

    /**
     * A registry value a fact is read from.
     *
     * @param key       pattern a key path must contain to be this value's key
     * @param type      the only registry type accepted (REG_DWORD)
     * @param wrongType reason for a value of another type; {name}, {type} and {data} are replaced
     * @param badData   reason for data of the right type that is not a number; same placeholders
     */
    record RegistryValue(String name, Pattern key, String factId, String type, String zero, String nonzero,
            String absent, String wrongType, String badData) {
    }

    /** A boot switch (/3GB) a fact is read from: {@code present} when the booting entry carries it. */
    record BootSwitch(String factId, String switchName, String present, String absent) {
    }

    /**
     * A product whose version a version fact is read from.
     *
     * @param product    pattern for the product's name ("Neverfail Heartbeat", "HB")
     * @param exclude    patterns for versions that are not the product's (Windows builds such as 5.2.3790)
     * @param incomplete reason for a version with too few numbers ("Heartbeat 5.1"); {version} is replaced
     */
    record ProductVersion(String factId, Pattern product, List<Pattern> exclude, String incomplete) {
    }
}
