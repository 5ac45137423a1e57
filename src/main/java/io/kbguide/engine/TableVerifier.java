package io.kbguide.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks only an exhaustive walk over every combination of answers can make, fed by {@link TableBuilder} as it
 * builds the tables (one enumeration for both): every rule and value reached; at each combination, a complete
 * diagnosis the same for every server it stands for, no step outside its guard, a restart only after a change, and
 * the article's proofs; in the end, every step advised and every fact asked somewhere. (That each table has exactly
 * one rule per combination is found while the rules are selected, in the builder.) The static checks are
 * {@link ArticleVerifier}'s.
 */
final class TableVerifier {

    private final Combinations space;
    private final ArticleShape shape;
    private final Article article;
    /** Per complete combination, its evaluation, or -1 where the answers contradict a constraint. */
    private final int[] outcomeOf;

    TableVerifier(Combinations space, int[] outcomeOf) {
        this.space = space;
        this.shape = space.shape;
        this.article = shape.article();
        this.outcomeOf = outcomeOf;
    }

    /** Every rule applies somewhere, and every value a finding table names is some rule's outcome. */
    void rulesReached(Map<Rule, Integer> ruleNumber, boolean[] reached) {
        for (Decision d : article.decisions()) {
            for (Rule r : d.rules()) {
                if (!reached[ruleNumber.get(r)]) {
                    throw shape.fail(shape.ruleWhere(d, r)
                            + " never applies: no possible combination of facts matches it");
                }
            }
            for (String value : d.values().keySet()) {
                if (d.rules().stream().noneMatch(r -> value.equals(r.value()))) {
                    throw shape.fail("decision '" + d.id() + "': value '" + value
                            + "' is never the outcome of a rule");
                }
            }
        }
    }

    /**
     * The checks at one full combination: its advice within the steps' guards, the proofs, and, where nothing is
     * left to find out ({@code complete}), the same verdict for every server the answers stand for.
     */
    void at(int index, int[] codes, Map<String, Finding> findings, List<RemediationStep> remediation,
            boolean complete, int[] verdictOf) {
        if (complete) {
            determined(index, codes, verdictOf);
        }
        guards(codes, remediation);
        proofs(codes, findings, remediation, complete);
    }

    /** Every step is advised and every fact matters somewhere. */
    void everythingUsed(Set<String> stepsReached, Set<String> factsAsked) {
        for (Step s : article.steps()) {
            if (!stepsReached.contains(s.id())) {
                throw shape.fail("step '" + s.id() + "' is never advised: no combination of facts leads to it");
            }
        }
        for (Fact f : shape.facts()) {
            if (!factsAsked.contains(f.id())) {
                throw shape.fail("fact '" + f.id() + "' is never asked: its answer changes no finding and no step");
            }
        }
    }

    /**
     * Proves the article's statements about its advice at one combination of answers, and that a restart is
     * advised only after a step that needs it.
     */
    private void proofs(int[] codes, Map<String, Finding> findings, List<RemediationStep> remediation,
            boolean complete) {
        List<String> advised = remediation.stream().map(RemediationStep::id).toList();
        for (int k = 0; k < remediation.size(); k++) {
            RemediationStep s = remediation.get(k);
            if (s.step().restart() && remediation.subList(0, k).stream()
                    .noneMatch(x -> x.step().requiresRestart())) {
                throw shape.fail("proof 'restart-only-after-a-change': the restart step is advised for "
                        + space.describe(codes) + " with no earlier step that needs it");
            }
        }
        Function<String, String> valueOf = name -> {
            if (shape.factIndex().containsKey(name)) {
                return space.valueOf(codes, name);
            }
            Finding f = findings.get(name);
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
                    throw shape.fail(where + " fails: step '" + p.step() + "' is advised for "
                            + space.describe(codes) + " (" + advised + "), where its condition does not hold");
                }
            } else if (p.when().matches(valueOf) && p.requireOneOf().stream().noneMatch(advised::contains)) {
                throw shape.fail(where + " fails: for " + space.describe(codes) + " none of " + p.requireOneOf()
                        + " is advised (" + advised + ")");
            }
        }
    }

    /** Where no fact is missing, every possible value of the unknown facts must give this very diagnosis. */
    private void determined(int index, int[] codes, int[] verdictOf) {
        int[] c = new int[codes.length];
        space.forEachCompletion(codes, complete -> {
            if (outcomeOf[complete] < 0) {
                return;
            }
            Combinations.decode(complete, space.size, c);
            if (verdictOf[space.indexOf(c)] != verdictOf[index]) {
                throw shape.fail("the diagnosis for " + space.describe(codes) + " counts as complete, yet "
                        + space.describe(c) + " gives a different one: two unknown facts matter only together;"
                        + " rework the tables");
            }
        });
    }

    /** No step is advised where some server the answers stand for is outside its allowedWhen guard. */
    private void guards(int[] codes, List<RemediationStep> remediation) {
        int[] c = new int[codes.length];
        for (RemediationStep rs : remediation) {
            if (rs.step().allowedWhen().isEmpty()) {
                continue;
            }
            space.forEachCompletion(codes, complete -> {
                if (outcomeOf[complete] < 0) {
                    return;
                }
                Combinations.decode(complete, space.size, c);
                boolean allowed = rs.step().allowedWhen().stream().anyMatch(g -> g.matches(name ->
                        space.valueOf(c, name)));
                if (!allowed) {
                    throw shape.fail("step '" + rs.id() + "' would be advised for " + space.describe(codes)
                            + ", which its allowedWhen guard forbids when " + space.describe(c));
                }
            });
        }
    }
}
