package io.kbguide.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer is true to every server it stands for. Checked over every combination of answers the seed article
 * allows (each fact a value or unknown), against the servers each combination stands for: its completions, every
 * value of each unknown fact that an unknown answer may stand for, contradictions left out. What one server needs
 * is the diagnosis of its complete answers (those agree with hand-checked golden cases and the reference).
 * <ul>
 * <li>a plan case shows the steps that change the server which every server it stands for shares; no case stands
 * for servers that need different such steps;</li>
 * <li>the cases together stand for every server;</li>
 * <li>every unknown fact whose answer could change a finding or a step for some server is in missingFacts, in
 * asking order, and no other;</li>
 * <li>a missing fact's "only if" holds: it matters only for servers inside it.</li>
 * </ul>
 */
class PlansTrueToServersTest {

    static CompiledArticle article;
    static List<Fact> facts;

    @BeforeAll
    static void compile() {
        article = new ArticleCompiler().compile(new KbReader().read(Path.of("kb/heartbeat-registry-driver")));
        facts = article.article().facts();
    }

    @Test
    void shouldShowEveryPlanCaseOnlyTheStepsEveryServerItStandsForShares() {
        List<String> violations = new ArrayList<>();
        int[] withCases = {0};
        forEveryCombination(codes -> {
            List<PlanCase> cases = article.plansByCase(codes);
            if (cases.isEmpty()) {
                return;
            }
            withCases[0]++;
            Set<Integer> covered = new HashSet<>();
            for (PlanCase c : cases) {
                int[] narrowed = codes.clone();
                c.when().forEach((factId, value) -> {
                    int i = indexOf(factId);
                    narrowed[i] = facts.get(i).domain().indexOf(value);
                });
                List<String> shown = article.serverChangingIds(c.remediation());
                Set<List<String>> needed = new HashSet<>();
                forEachServer(narrowed, server -> {
                    needed.add(CompiledArticle.serverChanges(article.diagnose(server)));
                    covered.add(article.combination(server));
                });
                if (needed.size() != 1 || !needed.contains(shown)) {
                    violations.add(describe(codes) + " case " + c.when() + " shows " + shown + " for servers that need "
                            + needed);
                }
            }
            Set<Integer> all = new HashSet<>();
            forEachServer(codes, server -> all.add(article.combination(server)));
            if (!covered.equals(all)) {
                violations.add(describe(codes) + ": the cases stand for " + covered.size() + " of its " + all.size()
                        + " servers");
            }
        });
        System.out.printf("plan cases: %d combinations with cases, %d violations%n", withCases[0], violations.size());
        assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())),
                violations.size() + " plan cases are not true to their servers");
        assertTrue(withCases[0] > 100, "only " + withCases[0] + " combinations had plan cases");
    }

    @Test
    void shouldListEveryUnknownFactThatCouldChangeAFindingOrAStepAndNoOther() {
        List<String> violations = new ArrayList<>();
        forEveryCombination(codes -> {
            Diagnosis d = article.diagnose(codes);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (codes[i] == article.unknownCode(i) && matters(codes, i)) {
                    expected.add(facts.get(i).id());
                }
            }
            List<String> actual = d.missingFacts().stream().map(Fact::id).toList();
            if (!expected.equals(actual)) {
                violations.add(describe(codes) + ": missingFacts " + actual + ", should be " + expected);
            }
        });
        System.out.printf("missingFacts: %d violations%n", violations.size());
        assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())),
                violations.size() + " combinations have the wrong missingFacts");
    }

    @Test
    void shouldSayOnlyIfWhereAMissingFactMattersOnlyForSomeAnswersOfAnother() {
        List<String> violations = new ArrayList<>();
        int[] conditioned = {0};
        forEveryCombination(codes -> {
            Diagnosis d = article.diagnose(codes);
            for (MissingFact m : d.missing()) {
                int i = facts.indexOf(m.fact());
                if (!m.onlyIf().isEmpty()) {
                    conditioned[0]++;
                }
                // where the fact matters, every "only if" holds; and each one is as narrow as the servers allow
                Map<String, Set<String>> seen = new LinkedHashMap<>();
                forEachServer(codes, server -> {
                    if (!mattersAt(server, i)) {
                        return;
                    }
                    for (int g = 0; g < facts.size(); g++) {
                        if (g != i && codes[g] == article.unknownCode(g)) {
                            seen.computeIfAbsent(facts.get(g).id(), k -> new HashSet<>())
                                    .add(facts.get(g).domain().get(server[g]));
                        }
                    }
                });
                m.onlyIf().forEach((other, values) -> {
                    if (!seen.containsKey(other) || !Set.copyOf(values).equals(seen.get(other))) {
                        violations.add(describe(codes) + ": " + m.fact().id() + " only if " + other + " in " + values
                                + ", but it matters for " + seen.get(other));
                    }
                });
                seen.forEach((other, values) -> {
                    int g = indexOf(other);
                    long assumed = java.util.stream.IntStream.range(0, facts.get(g).domain().size())
                            .filter(v -> facts.get(g).assumes(v)).count();
                    if (values.size() < assumed && !m.onlyIf().containsKey(other)) {
                        violations.add(describe(codes) + ": " + m.fact().id() + " matters only if " + other + " in "
                                + values + ", not said");
                    }
                });
            }
        });
        System.out.printf("only-if: %d missing facts with a condition, %d violations%n", conditioned[0],
                violations.size());
        assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())),
                violations.size() + " conditions of missing facts are wrong");
        assertTrue(conditioned[0] > 0, "no missing fact had a condition");
    }

    /** Whether some server this combination stands for needs other findings or steps with another value of fact i. */
    static boolean matters(int[] codes, int i) {
        boolean[] found = {false};
        forEachServer(codes, server -> found[0] |= mattersAt(server, i));
        return found[0];
    }

    static boolean mattersAt(int[] server, int i) {
        Diagnosis here = article.diagnose(server);
        for (int v = 0; v < facts.get(i).domain().size(); v++) {
            if (v == server[i] || !facts.get(i).assumes(v)) {
                continue;
            }
            int[] other = server.clone();
            other[i] = v;
            if (article.contradicts(other)) {
                continue;
            }
            Diagnosis there = article.diagnose(other);
            if (!findingValues(here).equals(findingValues(there))
                    || !CompiledArticle.serverChanges(here).equals(CompiledArticle.serverChanges(there))
                    || !stepIds(here).equals(stepIds(there))) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> findingValues(Diagnosis d) {
        Map<String, String> values = new LinkedHashMap<>();
        d.findings().forEach((k, f) -> values.put(k, f.value()));
        return values;
    }

    static List<String> stepIds(Diagnosis d) {
        return d.remediation().stream().map(RemediationStep::id).toList();
    }

    /** Every combination of answers (each fact a value or unknown) that does not contradict itself. */
    static void forEveryCombination(Consumer<int[]> action) {
        int[] codes = new int[facts.size()];
        int[] count = {0};
        every(codes, 0, c -> {
            if (!article.contradicts(c)) {
                count[0]++;
                action.accept(c.clone());
            }
        });
        assertTrue(count[0] > 10_000, "only " + count[0] + " combinations");
    }

    private static void every(int[] codes, int i, Consumer<int[]> action) {
        if (i == codes.length) {
            action.accept(codes);
            return;
        }
        for (int v = 0; v <= article.unknownCode(i); v++) {
            codes[i] = v;
            every(codes, i + 1, action);
        }
    }

    /** Every server a combination stands for: each unknown fact given each value its unknown may stand for. */
    static void forEachServer(int[] codes, Consumer<int[]> action) {
        serve(codes.clone(), 0, action);
    }

    private static void serve(int[] c, int i, Consumer<int[]> action) {
        if (i == c.length) {
            if (!article.contradicts(c)) {
                action.accept(c.clone());
            }
            return;
        }
        if (c[i] != article.unknownCode(i)) {
            serve(c, i + 1, action);
            return;
        }
        for (int v = 0; v < article.unknownCode(i); v++) {
            if (facts.get(i).assumes(v)) {
                c[i] = v;
                serve(c, i + 1, action);
            }
        }
        c[i] = article.unknownCode(i);
    }

    static int indexOf(String factId) {
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i).id().equals(factId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(factId);
    }

    static String describe(int[] codes) {
        return article.known(codes).toString();
    }
}
