package io.kbguide.engine;

import java.util.List;
import java.util.Map;

/**
 * What the article says about one server, given the facts known about it.
 *
 * @param findings each finding decision's id and its finding, in the kb's order
 * @param remediation the steps to carry out, in order; empty when there is nothing to do
 * @param notes further statements that apply to this server
 * @param missing unknown facts whose answer could still change a finding or a step for some server these answers
 *        stand for, in asking order, each with the answers of other unknown facts it matters for
 * @param citations every citation the findings, steps and notes rest on, without repeats
 * @param summary the diagnosis in a few sentences
 */
public record Diagnosis(Map<String, Finding> findings, List<RemediationStep> remediation, List<Explanation> notes,
        List<MissingFact> missing, List<Citation> citations, String summary) {

    public Diagnosis {
        findings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(findings));
        remediation = List.copyOf(remediation);
        notes = List.copyOf(notes);
        missing = List.copyOf(missing);
        citations = List.copyOf(citations);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** The missing facts alone, in asking order. */
    public List<Fact> missingFacts() {
        return missing.stream().map(MissingFact::fact).toList();
    }
}
