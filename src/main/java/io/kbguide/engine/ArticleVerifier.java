package io.kbguide.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static checks of an article, before any evaluation: ids unique and known, values in their domains,
 * citations verbatim in their sections, article statements cited, version bands without gaps, step order
 * (restart, OS changes last) and guards naming facts. Fails fast with a {@link KbException} naming the file and
 * the rule.
 */
final class ArticleVerifier {

    private final Article article;
    private final List<Fact> facts;
    private final int[] size;
    private final Map<String, Integer> factIndex;
    private final ArticleShape shape;

    ArticleVerifier(ArticleShape shape) {
        this.shape = shape;
        this.article = shape.article();
        this.facts = shape.facts();
        this.size = shape.size();
        this.factIndex = shape.factIndex();
    }

    /** Runs every static check. */
    void verify() {
        checkStatic();
    }

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
        checkHeadlines(inputs);
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

    private void checkHeadlines(Map<String, Set<String>> inputs) {
        Set<String> ids = new HashSet<>();
        for (Headline h : article.headlines()) {
            String where = "headline '" + h.id() + "' (line " + h.line() + ")";
            unique(ids, h.id(), "headline");
            checkCondition(h.when(), inputs, where);
            if (h.text().strip().endsWith(".")) {
                throw fail(where + ": a headline opens a line the service completes (\"Exposed to the leak: 2"
                        + " steps\"); leave out the full stop");
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
        f.type().fault().ifPresent(fault -> {
            throw fail(where + ": " + fault);
        });
        if (f.unknownAssumes().isEmpty() && f.unknownNote() != null) {
            throw fail(where + ": whenUnknown.assume must list at least one value");
        }
        for (String v : f.unknownAssumes()) {
            if (!f.domain().contains(v)) {
                throw fail(where + ": whenUnknown.assume names '" + v + "', which is not one of: "
                        + String.join(", ", f.domain()));
            }
        }
        if (f.purpose() != null) {
            checkExplanation(f.purpose(), where + " purpose");
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
        return shape.ruleWhere(d, r);
    }

    private KbException fail(String message) {
        return shape.fail(message);
    }
}
