package io.kbguide.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the look-up tables of a verified article by evaluating every combination of known and unknown facts
 * ({@link Combinations}): per complete combination the rules it selects (finding there that a table has no rule or
 * two for it), per full one the diagnosis that holds for every server it stands for. The same walk feeds the
 * exhaustive checks of {@link TableVerifier}.
 */
final class TableBuilder {

    private final Article article;
    private final List<Fact> facts;
    private final int[] size;
    private final String[][] domains;
    private final boolean[][] assumed;
    private final ArticleShape shape;
    private final Combinations space;

    TableBuilder(ArticleShape shape) {
        this.shape = shape;
        this.article = shape.article();
        this.facts = shape.facts();
        this.size = shape.size();
        this.domains = shape.domains();
        this.assumed = shape.assumed();
        this.space = new Combinations(shape);
    }

    /** Evaluates every combination and returns the compiled article. */
    CompiledArticle build() {
        return new Tables().build();
    }

    /** The rules one complete combination of facts selects: one per finding or plan table, and its notes. */
    private record Evaluation(List<Rule> chosen, List<Rule> notes) {
    }

    /** A diagnosis without the parts that depend on which facts are unknown. */
    private record Core(Map<String, Finding> findings, List<RemediationStep> remediation, List<Explanation> notes) {

        /** What an answer must change to matter: a finding's value or the list of steps. */
        Verdict verdict() {
            Map<String, String> values = new LinkedHashMap<>();
            findings.forEach((k, v) -> values.put(k, v.value()));
            return new Verdict(values, remediation.stream().map(RemediationStep::id).toList());
        }
    }

    private record Verdict(Map<String, String> findings, List<String> steps) {
    }

    private final class Tables {
        final int completeCount;
        final int[] radix;
        final int fullCount;
        final int[] outcomeOf;
        /** Every rule of the article by number, in decision order: rules are told apart by identity. */
        final Map<Rule, Integer> ruleNumber = new IdentityHashMap<>();
        final boolean[] reached;
        /** The distinct evaluations, keyed by the numbers of the rules they chose (cheaper than their value). */
        final Interner<Evaluation> evaluations = new Interner<>();
        final Interner<Core> cores = new Interner<>();
        final Map<BitSet, Integer> coreOfOutcomes = new HashMap<>();
        final Map<Integer, Integer> verdictOfCore = new HashMap<>();
        /** What {@code aggregate} worked out before, by the rules it was worked out from. */
        final Map<Numbers, Finding> findingOf = new HashMap<>();
        final Map<Numbers, List<RemediationStep>> remediationOf = new HashMap<>();

        Tables() {
            completeCount = space.completeCount;
            radix = space.radix;
            fullCount = space.fullCount;
            outcomeOf = new int[completeCount];
            for (Decision d : article.decisions()) {
                d.rules().forEach(r -> ruleNumber.put(r, ruleNumber.size()));
            }
            reached = new boolean[ruleNumber.size()];
        }

        CompiledArticle build() {
            int[] codes = new int[size.length];
            for (int index = 0; index < completeCount; index++) {
                Combinations.decode(index, size, codes);
                outcomeOf[index] = space.violated(codes) ? -1 : evaluate(codes);
            }
            TableVerifier verify = new TableVerifier(space, outcomeOf);
            verify.rulesReached(ruleNumber, reached);

            int[] coreOf = new int[fullCount];
            int[] verdictOf = new int[fullCount];
            Interner<Verdict> verdicts = new Interner<>();
            for (int index = 0; index < fullCount; index++) {
                Combinations.decode(index, radix, codes);
                coreOf[index] = space.violated(codes) ? -1 : coreOf(codes);
                verdictOf[index] = coreOf[index] < 0 ? -1 : verdictOfCore.computeIfAbsent(coreOf[index],
                        core -> verdicts.id(cores.get(core).verdict()));
            }

            int[] mattersAt = mattersAt(verdictOf);

            Interner<Diagnosis> diagnoses = new Interner<>();
            Map<DiagnosisKey, Integer> diagnosisOfKey = new HashMap<>();
            int[] resultOf = new int[fullCount];
            Set<String> relevantSomewhere = new HashSet<>();
            Set<String> stepsReached = new HashSet<>();
            int[][] seen = new int[codes.length][codes.length];
            for (int index = 0; index < fullCount; index++) {
                if (coreOf[index] < 0) {
                    resultOf[index] = -1;
                    continue;
                }
                Combinations.decode(index, radix, codes);
                Core core = cores.get(coreOf[index]);
                List<MissingFact> missing = new ArrayList<>();
                List<Explanation> notes = new ArrayList<>(core.notes());
                BitSet missingFacts = new BitSet();
                BitSet notedFacts = new BitSet();
                int unknown = 0;
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] == size[i]) {
                        unknown |= 1 << i;
                    }
                }
                // a fact is missing where some server these answers stand for would need other findings or steps
                // with another value of it; what it matters for: the values of the other unknown facts there
                int matters = whereItMatters(codes, unknown, mattersAt, seen);
                List<Integer> conditions = new ArrayList<>();
                for (int i = 0; i < codes.length; i++) {
                    if ((unknown & 1 << i) == 0) {
                        continue;
                    }
                    Fact fact = facts.get(i);
                    if ((matters & 1 << i) != 0) {
                        Map<String, List<String>> onlyIf = new LinkedHashMap<>();
                        for (int g = 0; g < codes.length; g++) {
                            if (g == i || (unknown & 1 << g) == 0 || seen[i][g] == space.assumedMask(g)) {
                                continue;
                            }
                            List<String> values = new ArrayList<>();
                            for (int v = 0; v < size[g]; v++) {
                                if ((seen[i][g] & 1 << v) != 0) {
                                    values.add(domains[g][v]);
                                }
                            }
                            onlyIf.put(facts.get(g).id(), values);
                            conditions.add(i * 64 + g);
                            conditions.add(seen[i][g]);
                        }
                        missing.add(new MissingFact(fact, onlyIf));
                        missingFacts.set(i);
                        relevantSomewhere.add(fact.id());
                    }
                    boolean narrowed = false;
                    for (int v = 0; v < size[i]; v++) {
                        int other = verdictOf[space.with(codes, i, v)];
                        if (other >= 0 && other != verdictOf[index] && !assumed[i][v]) {
                            narrowed = true;
                        }
                    }
                    if (narrowed && fact.unknownNote() != null) {
                        notes.add(fact.unknownNote());
                        notedFacts.set(i);
                    }
                }
                verify.at(index, codes, core.findings(), core.remediation(), missing.isEmpty(), verdictOf);
                core.remediation().forEach(s -> stepsReached.add(s.id()));
                // the core, the missing facts and the noted ones determine the diagnosis (interned by value)
                DiagnosisKey key = new DiagnosisKey(coreOf[index], missingFacts, notedFacts, conditions);
                resultOf[index] = diagnosisOfKey.computeIfAbsent(key, k -> diagnoses.id(diagnosis(article,
                        core.findings(), core.remediation(), notes, missing)));
            }
            verify.everythingUsed(stepsReached, relevantSomewhere);
            return new CompiledArticle(article, radix, resultOf, diagnoses.items());
        }

        /**
         * Per complete combination (by its complete index), a bit per fact whose other values (those an unknown
         * answer may stand for, contradictions left out) would give other findings or steps.
         */
        private int[] mattersAt(int[] verdictOf) {
            int[] out = new int[completeCount];
            int[] c = new int[size.length];
            for (int complete = 0; complete < completeCount; complete++) {
                if (outcomeOf[complete] < 0) {
                    continue;
                }
                Combinations.decode(complete, size, c);
                int here = verdictOf[space.indexOf(c)];
                int mask = 0;
                for (int i = 0; i < c.length; i++) {
                    if (!assumed[i][c[i]]) {
                        continue;
                    }
                    for (int v = 0; v < size[i]; v++) {
                        if (v == c[i] || !assumed[i][v]) {
                            continue;
                        }
                        int other = verdictOf[space.with(c, i, v)];
                        if (other >= 0 && other != here) {
                            mask |= 1 << i;
                            break;
                        }
                    }
                }
                out[complete] = mask;
            }
            return out;
        }

        /**
         * The unknown facts that matter for some completion of {@code codes}; for each such fact i and each other
         * unknown fact g, {@code seen[i][g]} gets a bit per value of g among the completions where i matters.
         */
        private int whereItMatters(int[] codes, int unknown, int[] mattersAt, int[][] seen) {
            for (int[] row : seen) {
                Arrays.fill(row, 0);
            }
            int[] matters = {0};
            int[] c = new int[codes.length];
            space.forEachCompletion(codes, complete -> {
                if (outcomeOf[complete] < 0) {
                    return;
                }
                int here = mattersAt[complete] & unknown;
                if (here == 0) {
                    return;
                }
                matters[0] |= here;
                Combinations.decode(complete, size, c);
                for (int i = 0; i < c.length; i++) {
                    if ((here & 1 << i) == 0) {
                        continue;
                    }
                    for (int g = 0; g < c.length; g++) {
                        if ((unknown & 1 << g) != 0) {
                            seen[i][g] |= 1 << c[g];
                        }
                    }
                }
            });
            return matters[0];
        }

        /** The id of the evaluation of one complete combination: the rules it selects. */
        private int evaluate(int[] codes) {
            Map<String, String> env = new HashMap<>();
            for (int i = 0; i < codes.length; i++) {
                env.put(facts.get(i).id(), domains[i][codes[i]]);
            }
            List<Rule> chosen = new ArrayList<>();
            List<Rule> notes = new ArrayList<>();
            for (Decision d : article.decisions()) {
                List<Rule> matches = new ArrayList<>(1);
                for (Rule r : d.rules()) {
                    if (r.when().matches(env::get)) {
                        matches.add(r);
                        reached[ruleNumber.get(r)] = true;
                    }
                }
                if (d.kind() == Decision.Kind.NOTES) {
                    notes.addAll(matches);
                    continue;
                }
                if (matches.isEmpty()) {
                    throw shape.fail("decision '" + d.id() + "' has no rule for " + space.describe(codes)
                            + ": every combination of facts needs exactly one rule");
                }
                if (matches.size() > 1) {
                    throw shape.fail("rules '" + matches.get(0).id() + "' (line " + matches.get(0).line() + ") and '"
                            + matches.get(1).id() + "' (line " + matches.get(1).line() + ") of decision '"
                            + d.id() + "' both apply to " + space.describe(codes) + ": rules of a table must not overlap");
                }
                Rule rule = matches.get(0);
                chosen.add(rule);
                if (d.kind() == Decision.Kind.FINDING) {
                    env.put(d.id(), rule.value());
                }
            }
            int[] numbers = new int[chosen.size() + 1 + notes.size()];
            for (int k = 0; k < chosen.size(); k++) {
                numbers[k] = ruleNumber.get(chosen.get(k));
            }
            numbers[chosen.size()] = -1;
            for (int k = 0; k < notes.size(); k++) {
                numbers[chosen.size() + 1 + k] = ruleNumber.get(notes.get(k));
            }
            return evaluations.id(new Numbers(numbers), () -> new Evaluation(chosen, notes));
        }

        private int coreOf(int[] codes) {
            BitSet outcomes = new BitSet(evaluations.items().size());
            space.forEachCompletion(codes, index -> {
                if (outcomeOf[index] >= 0) {
                    outcomes.set(outcomeOf[index]);
                }
            });
            if (outcomes.isEmpty()) {
                return -1;
            }
            return coreOfOutcomes.computeIfAbsent(outcomes, this::aggregate);
        }

        /** The core that holds for every evaluation in {@code outcomeIds}, in the order of their ids. */
        private int aggregate(BitSet outcomeIds) {
            List<Evaluation> evals = outcomeIds.stream().mapToObj(evaluations::get).toList();
            Map<String, Finding> findings = new LinkedHashMap<>();
            List<List<List<PlanItem>>> plansOf = new ArrayList<>(); // per completion, per plan table
            evals.forEach(e -> plansOf.add(new ArrayList<>()));
            int position = 0;
            for (Decision d : article.decisions()) {
                if (d.kind() == Decision.Kind.NOTES) {
                    continue;
                }
                int at = position++;
                if (d.kind() == Decision.Kind.FINDING) {
                    List<Rule> rules = distinctRules(evals.stream().map(e -> e.chosen().get(at)).toList());
                    findings.put(d.id(), findingOf.computeIfAbsent(numbers(rules), k -> finding(d, rules)));
                } else {
                    for (int k = 0; k < evals.size(); k++) {
                        plansOf.get(k).add(evals.get(k).chosen().get(at).plan());
                    }
                }
            }
            List<Explanation> notes = new ArrayList<>();
            for (Rule note : evals.get(0).notes()) {
                if (evals.stream().allMatch(e -> e.notes().contains(note))) {
                    notes.add(note.explanation());
                }
            }
            List<Rule> planRules = new ArrayList<>();
            int plan = 0;
            for (Decision d : article.decisions()) {
                if (d.kind() == Decision.Kind.PLAN) {
                    int at = plan;
                    evals.forEach(e -> planRules.add(e.chosen().get(at)));
                }
                plan += d.kind() == Decision.Kind.NOTES ? 0 : 1;
            }
            List<RemediationStep> remediation = remediationOf.computeIfAbsent(numbers(planRules),
                    k -> commonRemediation(plansOf));
            return cores.id(new Core(findings, remediation, notes));
        }

        private Numbers numbers(List<Rule> rules) {
            int[] numbers = new int[rules.size()];
            for (int k = 0; k < numbers.length; k++) {
                numbers[k] = ruleNumber.get(rules.get(k));
            }
            return new Numbers(numbers);
        }

        /** The rules in their first order, each once (a rule is equal only to itself: its line tells it apart). */
        private List<Rule> distinctRules(List<Rule> all) {
            Map<Rule, Boolean> seen = new IdentityHashMap<>();
            List<Rule> out = new ArrayList<>();
            for (Rule r : all) {
                if (seen.put(r, Boolean.TRUE) == null) {
                    out.add(r);
                }
            }
            return out;
        }

        private Finding finding(Decision d, List<Rule> rules) {
            List<String> values = rules.stream().map(Rule::value).distinct().toList();
            Explanation because = merge(rules.stream().map(Rule::explanation).distinct().toList());
            if (values.size() == 1) {
                String value = values.get(0);
                String sentence = d.values().getOrDefault(value, d.label() + ": " + because.text());
                // "{because}" in a value's sentence says why: "The article does not cover this server (...)"
                String why = because.text().strip().replaceAll("[.\\s]+$", "");
                why = why.isEmpty() ? why : Character.toLowerCase(why.charAt(0)) + why.substring(1);
                return new Finding(value, sentence.replace("{because}", why), because);
            }
            List<String> cases = new ArrayList<>();
            for (String v : values) {
                if (Decision.UNDETERMINED.equals(v)) {
                    cases.add("the article does not describe it for this server");
                } else {
                    String sentence = d.values().getOrDefault(v, v).replace(" ({because})", "")
                            .replace("{because}", "").strip();
                    cases.add("\u201c" + sentence + "\u201d");
                }
            }
            return new Finding(Decision.UNDETERMINED, d.label() + " depends on answers not given yet: either "
                    + String.join(", or ", cases) + ".", because);
        }

        private Explanation merge(List<Explanation> all) {
            if (all.size() == 1) {
                return all.get(0);
            }
            boolean article = all.stream().allMatch(e -> e.source() == Source.ARTICLE);
            LinkedHashSet<Citation> citations = new LinkedHashSet<>();
            all.forEach(e -> citations.addAll(e.citations()));
            String text = String.join(" ", all.stream().map(Explanation::text).toList());
            return new Explanation(text, article ? Source.ARTICLE : Source.INFERENCE, new ArrayList<>(citations));
        }

        /**
         * The remediation that holds whatever the unknown facts are. Steps that change the server are advised only
         * when every possible value of the unknown facts gives the same such steps in the same order (a step only
         * makes sense with the others of its plan: a patch after the step that selects the hookers, a restart after
         * a change); otherwise none is, and the diagnosis says what to find out. A step that changes nothing
         * (contacting support) is advised where every possible value advises it. A step's reasons are kept where
         * every possible value gives the same ones.
         */
        private List<RemediationStep> commonRemediation(List<List<List<PlanItem>>> plansOf) {
            List<List<RemediationStep>> each = plansOf.stream().map(p -> assemble(article, p)).toList();
            boolean agree = each.stream().map(CompiledArticle::serverChangesOf).distinct().count() == 1;
            List<RemediationStep> out = new ArrayList<>();
            for (RemediationStep s : each.get(0)) {
                if (s.step().changesServer() && !agree) {
                    continue;
                }
                List<RemediationStep> same = each.stream().map(l -> l.stream().filter(x -> x.id().equals(s.id()))
                        .findFirst().orElse(null)).toList();
                if (same.contains(null)) {
                    continue;
                }
                boolean sameReasons = same.stream().allMatch(x -> x.reasons().equals(s.reasons()));
                out.add(sameReasons ? s : new RemediationStep(s.step(), List.of()));
            }
            return out;
        }

    }

    /**
     * A diagnosis from its parts, with the citations they rest on and its summary: shared with {@link StoredTables},
     * which stores the parts only.
     */
    static Diagnosis diagnosis(Article article, Map<String, Finding> findings, List<RemediationStep> remediation,
            List<Explanation> notes, List<MissingFact> missing) {
        return new Diagnosis(findings, remediation, notes, missing, citationsOf(findings, remediation, notes),
                summarize(article, findings, remediation, missing.stream().map(MissingFact::fact).toList()));
    }

    /** Builds the summary sentences of a diagnosis from the kb's own wording. */
    private static String summarize(Article article, Map<String, Finding> findings, List<RemediationStep> remediation,
            List<Fact> missing) {
        StringBuilder text = new StringBuilder();
        for (Decision d : article.decisions()) {
            Finding f = findings.get(d.id());
            if (f != null) {
                text.append(f.sentence()).append(' ');
            }
        }
        if (remediation.isEmpty()) {
            text.append(missing.isEmpty() ? "Nothing needs to be done." : "No step is safe to advise yet.");
        } else {
            text.append("Steps: ");
            for (int i = 0; i < remediation.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(remediation.get(i).step().title());
            }
            text.append('.');
        }
        if (!missing.isEmpty()) {
            text.append(" Still to find out: ")
                    .append(String.join(" ", missing.stream().map(Fact::question).toList()));
        }
        return text.toString().trim();
    }

    /** Assembles the remediation from plan outputs: kb order, one entry per step, restart where needed. */
    private static List<RemediationStep> assemble(Article article, List<List<PlanItem>> plans) {
        Map<String, List<Explanation>> reasons = new LinkedHashMap<>();
        for (List<PlanItem> plan : plans) {
            for (PlanItem item : plan) {
                List<Explanation> list = reasons.computeIfAbsent(item.stepId(), k -> new ArrayList<>());
                if (item.reason() != null && !list.contains(item.reason())) {
                    list.add(item.reason());
                }
            }
        }
        boolean restart = reasons.keySet().stream()
                .anyMatch(id -> article.step(id).map(Step::requiresRestart).orElse(false));
        List<RemediationStep> out = new ArrayList<>();
        for (Step step : article.steps()) {
            if (reasons.containsKey(step.id()) || (step.restart() && restart)) {
                out.add(new RemediationStep(step, reasons.getOrDefault(step.id(), List.of())));
            }
        }
        return out;
    }

    private static List<Citation> citationsOf(Map<String, Finding> findings, List<RemediationStep> remediation,
            List<Explanation> notes) {
        LinkedHashSet<Citation> all = new LinkedHashSet<>();
        findings.values().forEach(f -> all.addAll(f.because().citations()));
        remediation.forEach(s -> all.addAll(s.citations()));
        notes.forEach(n -> all.addAll(n.citations()));
        return new ArrayList<>(all);
    }

    /** Rule numbers, compared by content. */
    private record Numbers(int[] values) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Numbers n && Arrays.equals(values, n.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** What a diagnosis is made of at one combination: its core, the facts still missing, the facts noted. */
    private record DiagnosisKey(int core, BitSet missing, BitSet noted, List<Integer> conditions) {
    }

    /** Distinct objects by value, for building the tables. */
    private static final class Interner<T> {
        private final Map<Object, Integer> ids = new HashMap<>();
        private final List<T> items = new ArrayList<>();

        int id(T item) {
            return id(item, () -> item);
        }

        /** The id of the item {@code key} stands for (equal keys: equal items), made by {@code item} if new. */
        int id(Object key, Supplier<T> item) {
            return ids.computeIfAbsent(key, k -> {
                items.add(item.get());
                return items.size() - 1;
            });
        }

        T get(int id) {
            return items.get(id);
        }

        List<T> items() {
            return items;
        }
    }
}
