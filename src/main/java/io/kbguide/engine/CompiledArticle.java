package io.kbguide.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified article, ready to diagnose. Built by {@link ArticleCompiler}, which evaluates every combination of
 * facts, known or unknown, once; a diagnosis is then a table look-up.
 */
public final class CompiledArticle {

    private final Article article;
    private final int[] radix;
    private final int[] resultOf;
    private final List<Diagnosis> results;
    /** The most cases {@link #plansByCase} lists; with more, finding out the missing facts comes first. */
    public static final int MAX_CASES = 12;

    /** {@link #plansByCase} by combination, once worked out: an array, not a map of boxed keys (53 000 nodes). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<List<PlanCase>> casesOf;
    /** Each fact's position, by id. */
    private final Map<String, Integer> factIndex;
    /**
     * Per fact, the code of each answer that is a value of its domain as written (a choice, or a band id): what
     * {@link Fact#resolve} gives for it, found without parsing. Other answers (versions) are resolved.
     */
    private final List<Map<String, Integer>> codeOfValue;

    CompiledArticle(Article article, int[] radix, int[] resultOf, List<Diagnosis> results) {
        this.article = article;
        this.radix = radix;
        this.resultOf = resultOf;
        this.results = List.copyOf(results);
        this.casesOf = new java.util.concurrent.atomic.AtomicReferenceArray<>(resultOf.length);
        Map<String, Integer> index = new java.util.HashMap<>();
        List<Map<String, Integer>> values = new ArrayList<>();
        for (Fact fact : article.facts()) {
            index.put(fact.id(), index.size());
            Map<String, Integer> codes = new java.util.HashMap<>();
            List<String> domain = fact.domain();
            for (int v = 0; v < domain.size(); v++) {
                codes.put(domain.get(v), v);
            }
            values.add(Map.copyOf(codes));
        }
        this.factIndex = Map.copyOf(index);
        this.codeOfValue = List.copyOf(values);
    }

    /** Per fact, the number of its values plus one (unknown): what {@link StoredTables} stores. */
    int[] radix() {
        return radix.clone();
    }

    /** Per combination, the position of its diagnosis in {@link #results()}, or -1 where the answers contradict. */
    int[] resultOf() {
        return resultOf.clone();
    }

    /** The distinct diagnoses. */
    List<Diagnosis> results() {
        return results;
    }

    /**
     * Whether another compiled article has the very same tables: the same combinations, each with an equal
     * diagnosis (or the same contradiction), its findings and conditions in the same order (a map's equality
     * ignores order). How stored tables are checked against the ones the compiler builds.
     */
    public boolean sameTablesAs(CompiledArticle other) {
        return Arrays.equals(radix, other.radix) && Arrays.equals(resultOf, other.resultOf)
                && results.equals(other.results) && results.toString().equals(other.results.toString());
    }

    public Article article() {
        return article;
    }

    public String id() {
        return article.id();
    }

    /** How many combinations of fact values (each known or unknown) the table holds. */
    public int combinations() {
        return resultOf.length;
    }

    /** How many different diagnoses the article can give. */
    public int distinctDiagnoses() {
        return results.size();
    }

    /**
     * Diagnoses a server from a client's answers: fact id to value, where a missing fact, {@code null} or
     * {@code "unknown"} means unknown.
     *
     * @throws InvalidFactsException naming every answer that is not valid, or the contradiction
     */
    public Diagnosis diagnose(Map<String, String> answers) {
        return diagnose(codes(answers));
    }

    /** Diagnoses from codes made by {@link #codes}. */
    public Diagnosis diagnose(int[] codes) {
        int result = resultOf[index(codes)];
        if (result < 0) {
            throw new InvalidFactsException(contradiction(codes));
        }
        return results.get(result);
    }

    /**
     * Turns answers into one code per fact (its value's position in the fact's domain, or the domain's size for
     * unknown).
     */
    public int[] codes(Map<String, String> answers) {
        List<FactError> errors = new ArrayList<>();
        for (String name : answers.keySet()) {
            if (!factIndex.containsKey(name)) {
                errors.add(new FactError(name, "'" + name + "' is not a fact of article '" + article.id() + "'",
                        String.join(", ", article.facts().stream().map(Fact::id).toList())));
            }
        }
        int[] codes = new int[radix.length];
        for (int i = 0; i < radix.length; i++) {
            Fact fact = article.facts().get(i);
            String answer = answers.get(fact.id());
            codes[i] = radix[i] - 1;
            if (answer == null || Fact.UNKNOWN.equals(answer)) {
                continue;
            }
            Integer code = codeOfValue.get(i).get(answer);
            if (code != null) {
                codes[i] = code;
                continue;
            }
            Optional<String> value = fact.resolve(answer);
            if (value.isEmpty()) {
                errors.add(new FactError(fact.id(), "'" + answer + "' is not a valid value for " + fact.id(),
                        fact.allowed()));
            } else if (!Fact.UNKNOWN.equals(value.get())) { // a partial version spanning bands stays unknown
                codes[i] = codeOfValue.get(i).get(value.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFactsException(errors);
        }
        if (resultOf[index(codes)] < 0) {
            throw new InvalidFactsException(contradiction(codes));
        }
        return codes;
    }

    /**
     * The ids of the steps that change the server, in order, of a diagnosis: what a misread fact must never
     * change without the user seeing it.
     */
    public static List<String> serverChanges(Diagnosis diagnosis) {
        return serverChangesOf(diagnosis.remediation());
    }

    static List<String> serverChangesOf(List<RemediationStep> remediation) {
        return remediation.stream().filter(s -> s.step().changesServer()).map(RemediationStep::id).toList();
    }

    /** The ids of the steps that change the server, of a list of step ids, in order. */
    List<String> serverChangingIds(java.util.Collection<String> stepIds) {
        return stepIds.stream().filter(id -> article.step(id).map(Step::changesServer).orElse(false)).toList();
    }

    /**
     * Which of {@code candidates} decide the steps that change the server: a fact decides them when another
     * known value of it (all other answers kept, contradictions skipped) would give a different list of such
     * steps than the answers as they are, or, where the answers leave nothing to find out, would leave something
     * to find out (a typed "10.0.0.2" as a version outside the article ends the questions early). Used to ask
     * for a read-back of facts that came from typed text.
     *
     * @param answers    fact id to answer, as for {@link #diagnose(Map)}; must not contradict
     * @param candidates fact ids to test, in the order wanted
     */
    public List<String> decidingFacts(Map<String, String> answers, java.util.Collection<String> candidates) {
        int[] codes = codes(answers);
        Diagnosis now = diagnose(codes);
        List<String> actual = serverChanges(now);
        boolean settled = now.missingFacts().isEmpty();
        List<String> deciding = new ArrayList<>();
        for (String factId : candidates) {
            int i = article.facts().indexOf(article.fact(factId).orElseThrow());
            for (int v = 0; v < radix[i] - 1; v++) {
                if (v == codes[i]) {
                    continue;
                }
                int[] other = codes.clone();
                other[i] = v;
                if (contradicts(other)) {
                    continue;
                }
                Diagnosis alternative = diagnose(other);
                // another value would advise other steps, or would still need answers before any advice
                if (!serverChanges(alternative).equals(actual) || settled && !alternative.missingFacts().isEmpty()) {
                    deciding.add(factId);
                    break;
                }
            }
        }
        return deciding;
    }

    /**
     * What each answer to the missing facts would lead to, where those answers lead to different steps that
     * change the server (so that none is advised yet); empty otherwise. The cases split on the missing facts in
     * asking order, only as far as the steps still differ: [{threeGb=yes: ...}, {threeGb=no: ...}]; empty too
     * when there would be more than {@link #MAX_CASES} cases.
     */
    public List<PlanCase> plansByCase(int[] codes) {
        int index = index(codes);
        List<PlanCase> cases = casesOf.get(index);
        if (cases == null) { // two threads may both work it out: the same list either way
            cases = cases(codes.clone());
            casesOf.set(index, cases);
        }
        return cases;
    }

    private List<PlanCase> cases(int[] codes) {
        Diagnosis d = diagnose(codes);
        if (d.missingFacts().isEmpty()) {
            return List.of();
        }
        List<Integer> missing = d.missingFacts().stream().map(f -> article.facts().indexOf(f)).toList();
        List<PlanCase> out = new ArrayList<>();
        split(codes, missing, 0, new LinkedHashMap<>(), out);
        if (out.size() > MAX_CASES) {
            return List.of(); // too many to read: the questions (missingFacts) come first
        }
        if (out.stream().map(c -> serverChangingIds(c.remediation())).distinct().count() <= 1) {
            return List.of();
        }
        return List.copyOf(out);
    }

    private void split(int[] codes, List<Integer> missing, int k, Map<String, String> when, List<PlanCase> out) {
        java.util.Set<List<String>> plans = new java.util.LinkedHashSet<>();
        completions(codes, missing, k, plans);
        if (plans.isEmpty()) {
            return; // every completion contradicts: no such case
        }
        if (plans.size() == 1 || k == missing.size()) {
            out.add(new PlanCase(when, plans.iterator().next()));
            return;
        }
        int i = missing.get(k);
        Fact fact = article.facts().get(i);
        for (int v = 0; v < radix[i] - 1; v++) {
            if (!fact.assumes(v)) {
                continue;
            }
            int[] c = codes.clone();
            c[i] = v;
            Map<String, String> w = new LinkedHashMap<>(when);
            w.put(fact.id(), fact.domain().get(v));
            split(c, missing, k + 1, w, out);
        }
    }

    private void completions(int[] codes, List<Integer> missing, int k, java.util.Set<List<String>> plans) {
        if (k == missing.size()) {
            if (!contradicts(codes)) {
                plans.add(diagnose(codes).remediation().stream().map(RemediationStep::id).toList());
            }
            return;
        }
        int i = missing.get(k);
        Fact fact = article.facts().get(i);
        for (int v = 0; v < radix[i] - 1; v++) {
            if (fact.assumes(v)) {
                int[] c = codes.clone();
                c[i] = v;
                completions(c, missing, k + 1, plans);
            }
        }
    }

    /** The known facts of these codes: fact id to its value as the rules see it (a choice, or a version band). */
    public Map<String, String> known(int[] codes) {
        Map<String, String> known = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < radix[i] - 1) {
                Fact f = article.facts().get(i);
                known.put(f.id(), f.domain().get(codes[i]));
            }
        }
        return known;
    }

    /** The code that stands for an unknown answer to the fact at {@code factIndex}. */
    public int unknownCode(int factIndex) {
        return radix[factIndex] - 1;
    }

    /** Whether these codes (known values only) break a constraint. */
    public boolean contradicts(int[] codes) {
        return resultOf[index(codes)] < 0;
    }

    /**
     * The number of this combination of answers in the table (0 to {@link #combinations()} - 1): two sets of answers
     * with the same codes get the same diagnosis, plans and known facts.
     */
    public int combination(int[] codes) {
        return index(codes);
    }

    /**
     * The codes of a combination's number (the inverse of {@link #combination}): each fact's value code, or its
     * unknown code, the last fact varying fastest.
     *
     * @param codes filled in, one per fact
     */
    public void codesOf(int combination, int[] codes) {
        Combinations.decode(combination, radix, codes);
    }

    int index(int[] codes) {
        int index = 0;
        for (int i = 0; i < radix.length; i++) {
            index = index * radix[i] + codes[i];
        }
        return index;
    }

    /** One error per fact of the first constraint the answers break. */
    private List<FactError> contradiction(int[] codes) {
        for (Constraint c : article.constraints()) {
            if (c.when().matches(name -> {
                int i = indexOfFact(name);
                return i < 0 || codes[i] == radix[i] - 1 ? null : article.facts().get(i).domain().get(codes[i]);
            })) {
                return c.when().accepts().keySet().stream().map(fact -> new FactError(fact, c.message(),
                        "a value that does not contradict " + String.join(" and ", c.when().accepts().keySet()
                                .stream().filter(other -> !other.equals(fact)).toList()))).toList();
            }
        }
        return List.of(new FactError("facts", "these answers contradict each other", "answers that can all be true"));
    }

    private int indexOfFact(String id) {
        for (int i = 0; i < article.facts().size(); i++) {
            if (article.facts().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "CompiledArticle[" + article.id() + " v" + article.version() + ", " + resultOf.length
                + " combinations, " + results.size() + " diagnoses, radix " + Arrays.toString(radix) + "]";
    }
}
