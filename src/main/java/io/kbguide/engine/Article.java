package io.kbguide.engine;

import java.util.List;
import java.util.Optional;

/**
 * An article as read from its kb folder, not yet verified.
 *
 * @param collector its evidence collector, or null
 * @param symptoms  how people describe the problem it is about, in their words: with the title and the sections,
 *                  what a first message is matched against to find the article
 */
public record Article(String id, String title, String version, String folder, List<Section> sections,
        List<Fact> facts, List<Constraint> constraints, List<Decision> decisions, List<Step> steps,
        List<Proof> proofs, List<Headline> headlines, Collector collector, List<String> symptoms) {

    public Article {
        symptoms = List.copyOf(symptoms);
        headlines = List.copyOf(headlines);
        proofs = List.copyOf(proofs);
        sections = List.copyOf(sections);
        facts = List.copyOf(facts);
        constraints = List.copyOf(constraints);
        decisions = List.copyOf(decisions);
        steps = List.copyOf(steps);
    }

    public Optional<Fact> fact(String factId) {
        return facts.stream().filter(f -> f.id().equals(factId)).findFirst();
    }

    public Optional<Section> section(String anchor) {
        return sections.stream().filter(s -> s.anchor().equals(anchor)).findFirst();
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
