package io.kbguide.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An article's golden cases ({@code golden.yaml}) held against its compiled article: what each case gets wrong, and
 * which distinct outcomes of the article no case covers. The test suite and {@code kb check} both use it.
 */
public final class GoldenCheck {

    private GoldenCheck() {
    }

    /**
     * What the article gives for a case that differs from what the case expects: its findings, its steps (in
     * order) and, when the case names them, its missing facts (in order).
     *
     * @return one line per difference, such as {@code steps: expected [a, b] but was [a]}; empty when the case holds
     */
    public static List<String> mismatches(CompiledArticle article, GoldenCase golden) {
        Diagnosis d;
        try {
            d = article.diagnose(golden.facts());
        } catch (InvalidFactsException e) {
            return List.of("facts: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        compare("findings", golden.findings(), findings(d), out);
        compare("steps", golden.steps(), d.remediation().stream().map(RemediationStep::id).toList(), out);
        if (golden.missingFacts() != null) {
            compare("missingFacts", golden.missingFacts(), d.missingFacts().stream().map(Fact::id).toList(), out);
        }
        return out;
    }

    /**
     * The distinct outcomes ({@link #outcome}) of complete answers that none of the cases gives, each with an
     * example of answers that give it. Combinations the article's constraints rule out are skipped.
     */
    public static List<String> uncovered(CompiledArticle article, List<GoldenCase> cases) {
        Set<String> covered = new LinkedHashSet<>();
        for (GoldenCase g : cases) {
            try {
                covered.add(outcome(article.diagnose(g.facts())));
            } catch (InvalidFactsException e) {
                // a case whose facts cannot be diagnosed covers nothing; mismatches() reports it
            }
        }
        Map<String, Map<String, String>> all = new HashMap<>();
        forEachCompleteAnswer(article.article(), answers -> {
            try {
                all.putIfAbsent(outcome(article.diagnose(answers)), answers);
            } catch (InvalidFactsException contradiction) {
                // a combination the article's constraints rule out
            }
        });
        List<String> uncovered = new ArrayList<>();
        all.forEach((outcome, answers) -> {
            if (!covered.contains(outcome)) {
                uncovered.add(outcome + " e.g. " + answers);
            }
        });
        return uncovered;
    }

    /** Finding values and step ids: what a golden case pins down. */
    public static String outcome(Diagnosis d) {
        return findings(d) + " " + d.remediation().stream().map(RemediationStep::id).toList();
    }

    /** Calls back with every combination of known answers, one representative answer per value. */
    public static void forEachCompleteAnswer(Article article, Consumer<Map<String, String>> action) {
        complete(article.facts(), 0, new LinkedHashMap<>(), action);
    }

    private static Map<String, String> findings(Diagnosis d) {
        Map<String, String> values = new LinkedHashMap<>();
        d.findings().forEach((k, v) -> values.put(k, v.value()));
        return values;
    }

    private static void compare(String what, Object expected, Object actual, List<String> out) {
        if (!Objects.equals(expected, actual)) {
            out.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void complete(List<Fact> facts, int i, Map<String, String> answers,
            Consumer<Map<String, String>> action) {
        if (i == facts.size()) {
            action.accept(new LinkedHashMap<>(answers));
            return;
        }
        Fact fact = facts.get(i);
        for (String value : fact.domain()) {
            answers.put(fact.id(), fact.representative(value));
            complete(facts, i + 1, answers, action);
        }
        answers.remove(fact.id());
    }
}
