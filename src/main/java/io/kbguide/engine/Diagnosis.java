package io.kbguide.engine;

import java.util.List;
import java.util.Map;

/**
 * What the article says about one server, given the facts known about it.
 *
 * @param findings each finding decision's id and its finding, in the kb's order
 * @param remediation the steps to carry out, in order; empty when there is nothing to do
 * @param notes further statements that apply to this server
 * @param missingFacts unknown facts whose answer could still change a finding or a step, in asking order
 * @param citations every citation the findings, steps and notes rest on, without repeats
 * @param summary the diagnosis in a few sentences
 */
public record Diagnosis(Map<String, Finding> findings, List<RemediationStep> remediation, List<Explanation> notes,
        List<Fact> missingFacts, List<Citation> citations, String summary) {

    public Diagnosis {
        findings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(findings));
        remediation = List.copyOf(remediation);
        notes = List.copyOf(notes);
        missingFacts = List.copyOf(missingFacts);
        citations = List.copyOf(citations);
    }

    public boolean complete() {
        return missingFacts.isEmpty();
    }
}
