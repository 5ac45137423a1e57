package io.kbguide.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Verifies an article and compiles it into a look-up table. Fails fast, naming the file and the rule, when:
 * an id is repeated or unknown; a citation's quote is not verbatim in its section; an article statement has
 * no citation; version bands leave a gap; a finding or plan table has no rule, or two rules, for some
 * combination of facts; a rule, a value, a step or a question can never be reached; a step could be advised
 * outside its safety guard, for any combination of known and unknown facts.
 */
public final class ArticleCompiler {

    private Article article;
    private String file;
    private List<Fact> facts;
    private int[] size;
    private Map<String, Integer> factIndex;
    private String[][] domains;
    private boolean[][] assumed;

    /** Verifies and compiles one article. */
    public CompiledArticle compile(Article article) {
        this.article = article;
        this.file = article.folder() + "/" + KbReader.FLOW_FILE;
        this.facts = article.facts();
        this.size = facts.stream().mapToInt(f -> f.domain().size()).toArray();
        this.factIndex = new HashMap<>();
        this.domains = new String[facts.size()][];
        this.assumed = new boolean[facts.size()][];
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            factIndex.put(f.id(), i);
            domains[i] = f.domain().toArray(String[]::new);
            assumed[i] = new boolean[domains[i].length];
            for (int v = 0; v < domains[i].length; v++) {
                assumed[i][v] = f.assumes(v);
            }
        }
        checkStatic();
        return new Tables().build();
    }

    // ---------------------------------------------------------------- static checks

    private void checkStatic() {
        Set<String> names = new HashSet<>();
        for (Fact f : facts) {
            unique(names, f.id(), "fact");
            checkDomain(f);
        }
        Set<String> ruleIds = new HashSet<>();
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        facts.forEach(f -> inputs.put(f.id(), new LinkedHashSet<>(f.domain())));
        for (Constraint c : article.constraints()) {
            checkCondition(c.when(), inputs, "constraint '" + c.id() + "'");
        }
        Set<String> stepIds = new HashSet<>();
        for (Step s : article.steps()) {
            unique(stepIds, s.id(), "step");
        }
        for (Decision d : article.decisions()) {
            unique(names, d.id(), "fact or decision");
            for (Rule r : d.rules()) {
                String where = ruleWhere(d, r);
                unique(ruleIds, r.id(), "rule");
                checkCondition(r.when(), inputs, where);
                checkExplanation(r.explanation(), where);
                if (d.kind() == Decision.Kind.FINDING && !d.values().containsKey(r.value())
                        && !Decision.UNDETERMINED.equals(r.value())) {
                    throw fail(where + ": '" + r.value() + "' is not a value of " + d.id() + " (values: "
                            + String.join(", ", d.values().keySet()) + ", " + Decision.UNDETERMINED + ")");
                }
                for (PlanItem item : r.plan()) {
                    Step step = article.step(item.stepId()).orElseThrow(() -> fail(where + ": unknown step '"
                            + item.stepId() + "' (steps: " + String.join(", ",
                                    article.steps().stream().map(Step::id).toList()) + ")"));
                    if (step.restart()) {
                        throw fail(where + ": the restart step '" + step.id()
                                + "' is added automatically after steps that need it; do not list it");
                    }
                    if (item.reason() != null) {
                        checkExplanation(item.reason(), where + " reason for step '" + item.stepId() + "'");
                    }
                }
            }
            if (d.kind() == Decision.Kind.FINDING) {
                Set<String> values = new LinkedHashSet<>(d.values().keySet());
                values.add(Decision.UNDETERMINED);
                inputs.put(d.id(), values);
            }
        }
        checkSteps(inputs);
        Map<String, Set<String>> factInputs = new LinkedHashMap<>();
        facts.forEach(f -> factInputs.put(f.id(), new LinkedHashSet<>(f.domain())));
        for (Fact f : facts) {
            for (Command c : f.commands()) {
                checkCondition(c.when(), factInputs, "fact '" + f.id() + "' command '" + (c.run() != null ? c.run()
                        : c.gui()) + "' when");
            }
        }
        for (Step s : article.steps()) {
            for (Command c : s.commands()) {
                checkCondition(c.when(), factInputs, "step '" + s.id() + "' command '" + (c.run() != null ? c.run()
                        : c.gui()) + "' when");
            }
        }
        Set<String> proofIds = new HashSet<>();
        for (Proof p : article.proofs()) {
            String where = "proof '" + p.id() + "' (line " + p.line() + ")";
            unique(proofIds, p.id(), "proof");
            checkCondition(p.when(), inputs, where);
            List<String> named = new ArrayList<>(p.orWithSteps());
            named.addAll(p.requireOneOf());
            if (p.step() != null) {
                named.add(p.step());
            }
            for (String id : named) {
                if (article.step(id).isEmpty()) {
                    throw fail(where + ": unknown step '" + id + "' (steps: " + String.join(", ",
                            article.steps().stream().map(Step::id).toList()) + ")");
                }
            }
        }
    }

    private void checkDomain(Fact f) {
        String where = "fact '" + f.id() + "'";
        Set<String> values = new HashSet<>();
        for (String v : f.domain()) {
            unique(values, v, where + " value");
            if (Fact.UNKNOWN.equals(v)) {
                throw fail(where + ": '" + Fact.UNKNOWN + "' is reserved for answers the user does not know");
            }
        }
        if (f.type() == Fact.Type.VERSION) {
            List<VersionBand> bands = f.bands();
            if (bands.get(0).from() != null) {
                throw fail(where + ": the first band '" + bands.get(0).id() + "' must have no 'from' so that"
                        + " every version falls in a band");
            }
            if (bands.get(bands.size() - 1).to() != null) {
                throw fail(where + ": the last band '" + bands.get(bands.size() - 1).id()
                        + "' must have no 'to' so that every version falls in a band");
            }
            for (int i = 0; i + 1 < bands.size(); i++) {
                VersionBand a = bands.get(i);
                VersionBand b = bands.get(i + 1);
                if (a.to() == null || !a.to().equals(b.from())) {
                    throw fail(where + ": band '" + a.id() + "' must end ('to') where band '" + b.id()
                            + "' starts ('from'); a gap or overlap between them would leave versions undecided");
                }
                if (b.to() != null && b.from().compareTo(b.to()) >= 0) {
                    throw fail(where + ": band '" + b.id() + "' is empty (from " + b.from() + " to " + b.to() + ")");
                }
            }
        }
        if (f.unknownAssumes().isEmpty() && f.unknownNote() != null) {
            throw fail(where + ": whenUnknown.assume must list at least one value");
        }
        for (String v : f.unknownAssumes()) {
            if (!f.domain().contains(v)) {
                throw fail(where + ": whenUnknown.assume names '" + v + "', which is not one of: "
                        + String.join(", ", f.domain()));
            }
        }
        if (f.unknownNote() != null) {
            checkExplanation(f.unknownNote(), where + " whenUnknown.note");
        }
    }

    private void checkSteps(Map<String, Set<String>> inputs) {
        List<Step> steps = article.steps();
        List<Step> restarts = steps.stream().filter(Step::restart).toList();
        boolean needsRestart = steps.stream().anyMatch(Step::requiresRestart);
        if (needsRestart && restarts.size() != 1) {
            throw fail("steps: exactly one step must be 'restart: true' when steps require a restart (found "
                    + restarts.size() + ")");
        }
        int restartAt = restarts.isEmpty() ? -1 : steps.indexOf(restarts.get(0));
        boolean osChangeSeen = false;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String where = "step '" + s.id() + "'";
            checkExplanation(s.source(), where);
            if (s.restart() && (s.requiresRestart() || s.changesOs())) {
                throw fail(where + ": the restart step neither requires a restart nor changes the OS");
            }
            if (s.requiresRestart() && i > restartAt) {
                throw fail(where + ": requires a restart, so it must come before the restart step '"
                        + restarts.get(0).id() + "' in 'steps'");
            }
            if (osChangeSeen && !s.changesOs()) {
                throw fail(where + ": comes after a step that changes the OS; such steps must be last, because"
                        + " the diagnosis has to be run again after them");
            }
            osChangeSeen |= s.changesOs();
            for (Condition guard : s.allowedWhen()) {
                for (String key : guard.accepts().keySet()) {
                    if (!factIndex.containsKey(key)) {
                        throw fail(where + " allowedWhen: '" + key + "' is not a fact (guards name facts only)");
                    }
                }
                checkCondition(guard, inputs, where + " allowedWhen");
            }
        }
    }

    private void checkCondition(Condition c, Map<String, Set<String>> inputs, String where) {
        for (Map.Entry<String, Set<String>> e : c.accepts().entrySet()) {
            Set<String> allowed = inputs.get(e.getKey());
            if (allowed == null) {
                throw fail(where + ": '" + e.getKey() + "' is not a fact or an earlier finding (known: "
                        + String.join(", ", inputs.keySet()) + ")");
            }
            for (String v : e.getValue()) {
                if (!allowed.contains(v)) {
                    throw fail(where + ": '" + v + "' is not a value of " + e.getKey() + " (values: "
                            + String.join(", ", allowed) + ")");
                }
            }
        }
    }

    private void checkExplanation(Explanation e, String where) {
        if (e.source() == Source.ARTICLE && e.citations().isEmpty()) {
            throw fail(where + ": 'source: article' needs at least one citation; mark it 'source: inference'"
                    + " if the article does not say it");
        }
        for (Citation c : e.citations()) {
            Section section = article.section(c.section()).orElseThrow(() -> fail(where + ": cites section '"
                    + c.section() + "', which the article does not have (sections: " + String.join(", ",
                            article.sections().stream().map(Section::anchor).toList()) + ")"));
            if (!section.contains(c.quote())) {
                throw fail(where + ": the quote \"" + c.quote() + "\" does not occur verbatim in section '"
                        + c.section() + "'");
            }
        }
    }

    private void unique(Set<String> seen, String id, String what) {
        if (!seen.add(id)) {
            throw fail(what + " id '" + id + "' is used twice");
        }
    }

    private String ruleWhere(Decision d, Rule r) {
        return "decision '" + d.id() + "' rule '" + r.id() + "'" + (r.line() > 0 ? " (line " + r.line() + ")" : "");
    }

    private KbException fail(String message) {
        return new KbException(file, message);
    }

    // ---------------------------------------------------------------- exhaustive evaluation

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
        final CompiledArticle.Interner<Evaluation> evaluations = new CompiledArticle.Interner<>();
        final CompiledArticle.Interner<Core> cores = new CompiledArticle.Interner<>();
        final Map<List<Integer>, Integer> coreOfOutcomes = new HashMap<>();
        final Set<Rule> reached = new HashSet<>();

        Tables() {
            long complete = 1;
            long full = 1;
            radix = new int[size.length];
            for (int i = 0; i < size.length; i++) {
                complete *= size[i];
                radix[i] = size[i] + 1;
                full *= radix[i];
            }
            if (full > 5_000_000) {
                throw fail("the facts have " + full + " combinations of answers; at most 5000000 can be verified");
            }
            completeCount = (int) complete;
            fullCount = (int) full;
            outcomeOf = new int[completeCount];
        }

        CompiledArticle build() {
            int[] codes = new int[size.length];
            for (int index = 0; index < completeCount; index++) {
                decode(index, size, codes);
                outcomeOf[index] = violated(codes) ? -1 : evaluations.id(evaluate(codes));
            }
            checkReached();

            int[] coreOf = new int[fullCount];
            int[] verdictOf = new int[fullCount];
            CompiledArticle.Interner<Verdict> verdicts = new CompiledArticle.Interner<>();
            for (int index = 0; index < fullCount; index++) {
                decode(index, radix, codes);
                coreOf[index] = violated(codes) ? -1 : coreOf(codes);
                verdictOf[index] = coreOf[index] < 0 ? -1 : verdicts.id(cores.get(coreOf[index]).verdict());
            }

            CompiledArticle.Interner<Diagnosis> diagnoses = new CompiledArticle.Interner<>();
            Map<List<Object>, Integer> diagnosisOfKey = new HashMap<>();
            int[] resultOf = new int[fullCount];
            Set<String> relevantSomewhere = new HashSet<>();
            Set<String> stepsReached = new HashSet<>();
            for (int index = 0; index < fullCount; index++) {
                if (coreOf[index] < 0) {
                    resultOf[index] = -1;
                    continue;
                }
                decode(index, radix, codes);
                Core core = cores.get(coreOf[index]);
                List<Fact> missing = new ArrayList<>();
                List<Explanation> notes = new ArrayList<>(core.notes());
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] != size[i]) {
                        continue;
                    }
                    Fact fact = facts.get(i);
                    boolean changes = false;
                    boolean narrowed = false;
                    for (int v = 0; v < size[i]; v++) {
                        int other = verdictOf[with(codes, i, v)];
                        if (other >= 0 && other != verdictOf[index]) {
                            if (assumes(fact, v)) {
                                changes = true;
                            } else {
                                narrowed = true;
                            }
                        }
                    }
                    if (changes) {
                        missing.add(fact);
                        relevantSomewhere.add(fact.id());
                    }
                    if (narrowed && fact.unknownNote() != null) {
                        notes.add(fact.unknownNote());
                    }
                }
                if (missing.isEmpty()) {
                    checkDetermined(index, codes, verdictOf);
                }
                checkGuards(codes, core.remediation());
                checkProofs(codes, core, missing.isEmpty());
                core.remediation().forEach(s -> stepsReached.add(s.id()));
                List<Object> key = List.of(coreOf[index], missing, notes);
                resultOf[index] = diagnosisOfKey.computeIfAbsent(key, k -> diagnoses.id(new Diagnosis(core.findings(),
                        core.remediation(), notes, missing,
                        CompiledArticle.citationsOf(core.findings(), core.remediation(), notes),
                        CompiledArticle.summarize(article, core.findings(), core.remediation(), missing))));
            }
            for (Step s : article.steps()) {
                if (!stepsReached.contains(s.id())) {
                    throw fail("step '" + s.id() + "' is never advised: no combination of facts leads to it");
                }
            }
            for (Fact f : facts) {
                if (!relevantSomewhere.contains(f.id())) {
                    throw fail("fact '" + f.id() + "' is never asked: its answer changes no finding and no step");
                }
            }
            return new CompiledArticle(article, radix, resultOf, diagnoses.items());
        }

        private boolean assumes(Fact fact, int v) {
            return assumed[facts.indexOf(fact)][v];
        }

        private Evaluation evaluate(int[] codes) {
            Map<String, String> env = new HashMap<>();
            for (int i = 0; i < codes.length; i++) {
                env.put(facts.get(i).id(), domains[i][codes[i]]);
            }
            List<Rule> chosen = new ArrayList<>();
            List<Rule> notes = new ArrayList<>();
            for (Decision d : article.decisions()) {
                List<Rule> matches = d.rules().stream().filter(r -> r.when().matches(env::get)).toList();
                reached.addAll(matches);
                if (d.kind() == Decision.Kind.NOTES) {
                    notes.addAll(matches);
                    continue;
                }
                if (matches.isEmpty()) {
                    throw fail("decision '" + d.id() + "' has no rule for " + describe(codes)
                            + ": every combination of facts needs exactly one rule");
                }
                if (matches.size() > 1) {
                    throw fail("rules '" + matches.get(0).id() + "' (line " + matches.get(0).line() + ") and '"
                            + matches.get(1).id() + "' (line " + matches.get(1).line() + ") of decision '"
                            + d.id() + "' both apply to " + describe(codes) + ": rules of a table must not overlap");
                }
                Rule rule = matches.get(0);
                chosen.add(rule);
                if (d.kind() == Decision.Kind.FINDING) {
                    env.put(d.id(), rule.value());
                }
            }
            return new Evaluation(chosen, notes);
        }

        private void checkReached() {
            Set<String> valuesReached = new HashSet<>();
            for (Evaluation e : evaluations.items()) {
                e.chosen().forEach(r -> valuesReached.add(r.id() + "=" + r.value()));
            }
            for (Decision d : article.decisions()) {
                for (Rule r : d.rules()) {
                    if (!reached.contains(r)) {
                        throw fail(ruleWhere(d, r) + " never applies: no possible combination of facts matches it");
                    }
                }
                for (String value : d.values().keySet()) {
                    boolean produced = d.rules().stream().anyMatch(r -> value.equals(r.value()));
                    if (!produced) {
                        throw fail("decision '" + d.id() + "': value '" + value + "' is never the outcome of a rule");
                    }
                }
            }
        }

        private int coreOf(int[] codes) {
            TreeSet<Integer> outcomes = new TreeSet<>();
            forEachCompletion(codes, index -> {
                if (outcomeOf[index] >= 0) {
                    outcomes.add(outcomeOf[index]);
                }
            });
            if (outcomes.isEmpty()) {
                return -1;
            }
            return coreOfOutcomes.computeIfAbsent(List.copyOf(outcomes), this::aggregate);
        }

        private int aggregate(List<Integer> outcomeIds) {
            List<Evaluation> evals = outcomeIds.stream().map(evaluations::get).toList();
            Map<String, Finding> findings = new LinkedHashMap<>();
            List<List<List<PlanItem>>> plansOf = new ArrayList<>(); // per completion, per plan table
            evals.forEach(e -> plansOf.add(new ArrayList<>()));
            int position = 0;
            for (Decision d : article.decisions()) {
                if (d.kind() == Decision.Kind.NOTES) {
                    continue;
                }
                int at = position++;
                List<Rule> rules = evals.stream().map(e -> e.chosen().get(at)).distinct().toList();
                if (d.kind() == Decision.Kind.FINDING) {
                    findings.put(d.id(), finding(d, rules));
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
            return cores.id(new Core(findings, commonRemediation(plansOf), notes));
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
            List<List<RemediationStep>> each = plansOf.stream().map(p -> CompiledArticle.assemble(article, p)).toList();
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

        /**
         * Proves the article's statements about its advice at one combination of answers, and that a restart is
         * advised only after a step that needs it.
         */
        private void checkProofs(int[] codes, Core core, boolean complete) {
            List<String> advised = core.remediation().stream().map(RemediationStep::id).toList();
            for (int k = 0; k < core.remediation().size(); k++) {
                RemediationStep s = core.remediation().get(k);
                if (s.step().restart() && core.remediation().subList(0, k).stream()
                        .noneMatch(x -> x.step().requiresRestart())) {
                    throw fail("proof 'restart-only-after-a-change': the restart step is advised for "
                            + describe(codes) + " with no earlier step that needs it");
                }
            }
            java.util.function.Function<String, String> valueOf = name -> {
                Integer i = factIndex.get(name);
                if (i != null) {
                    return codes[i] >= size[i] ? null : domains[i][codes[i]];
                }
                Finding f = core.findings().get(name);
                return f == null ? null : f.value();
            };
            for (Proof p : article.proofs()) {
                if (p.complete() && !complete) {
                    continue;
                }
                String where = "proof '" + p.id() + "' (line " + p.line() + ")";
                if (p.step() != null) {
                    if (advised.contains(p.step()) && !p.when().matches(valueOf)
                            && p.orWithSteps().stream().noneMatch(advised::contains)) {
                        throw fail(where + " fails: step '" + p.step() + "' is advised for " + describe(codes)
                                + " (" + advised + "), where its condition does not hold");
                    }
                } else if (p.when().matches(valueOf) && p.requireOneOf().stream().noneMatch(advised::contains)) {
                    throw fail(where + " fails: for " + describe(codes) + " none of " + p.requireOneOf()
                            + " is advised (" + advised + ")");
                }
            }
        }

        /** Where no fact is missing, every possible value of the unknown facts must give this very diagnosis. */
        private void checkDetermined(int index, int[] codes, int[] verdictOf) {
            forEachCompletion(codes, complete -> {
                if (outcomeOf[complete] < 0) {
                    return;
                }
                int[] c = new int[codes.length];
                decode(complete, size, c);
                if (verdictOf[indexOf(c)] != verdictOf[index]) {
                    throw fail("the diagnosis for " + describe(codes) + " counts as complete, yet " + describe(c)
                            + " gives a different one: two unknown facts matter only together; rework the tables");
                }
            });
        }

        private int indexOf(int[] codes) {
            int index = 0;
            for (int i = 0; i < radix.length; i++) {
                index = index * radix[i] + codes[i];
            }
            return index;
        }

        private void checkGuards(int[] codes, List<RemediationStep> remediation) {
            for (RemediationStep rs : remediation) {
                if (rs.step().allowedWhen().isEmpty()) {
                    continue;
                }
                forEachCompletion(codes, complete -> {
                    if (outcomeOf[complete] < 0) {
                        return;
                    }
                    int[] c = new int[codes.length];
                    decode(complete, size, c);
                    boolean allowed = rs.step().allowedWhen().stream()
                            .anyMatch(g -> g.matches(name -> domains[factIndex.get(name)][c[factIndex.get(name)]]));
                    if (!allowed) {
                        throw fail("step '" + rs.id() + "' would be advised for " + describe(codes)
                                + ", which its allowedWhen guard forbids when " + describe(c));
                    }
                });
            }
        }

        private int with(int[] codes, int fact, int value) {
            int[] c = codes.clone();
            c[fact] = value;
            return indexOf(c);
        }

        private boolean violated(int[] codes) {
            for (Constraint c : article.constraints()) {
                if (c.when().matches(name -> {
                    int i = factIndex.get(name);
                    return codes[i] >= size[i] ? null : domains[i][codes[i]];
                })) {
                    return true;
                }
            }
            return false;
        }

        /** Calls back with the complete index of every combination the unknown facts in {@code codes} allow. */
        private void forEachCompletion(int[] codes, IntConsumer action) {
            int[] c = codes.clone();
            complete(c, 0, action);
        }

        private void complete(int[] c, int i, IntConsumer action) {
            if (i == c.length) {
                int index = 0;
                for (int k = 0; k < c.length; k++) {
                    index = index * size[k] + c[k];
                }
                action.accept(index);
                return;
            }
            if (c[i] < size[i]) {
                complete(c, i + 1, action);
                return;
            }
            for (int v = 0; v < size[i]; v++) {
                if (assumed[i][v]) {
                    c[i] = v;
                    complete(c, i + 1, action);
                }
            }
            c[i] = size[i];
        }

        private String describe(int[] codes) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < codes.length; i++) {
                parts.add(facts.get(i).id() + "=" + (codes[i] >= size[i] ? Fact.UNKNOWN
                        : domains[i][codes[i]]));
            }
            return "{" + String.join(", ", parts) + "}";
        }
    }

    private static void decode(int index, int[] radix, int[] codes) {
        for (int i = radix.length - 1; i >= 0; i--) {
            codes[i] = index % radix[i];
            index /= radix[i];
        }
    }

}
