package io.kbguide.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's facts as index arrays, shared by the verifier and the table builder: each fact's position, its
 * domain size and values, and which values an unknown may stand for.
 */
record ArticleShape(Article article, String file, List<Fact> facts, int[] size, Map<String, Integer> factIndex,
        String[][] domains, boolean[][] assumed) {

    static ArticleShape of(Article article) {
        List<Fact> facts = article.facts();
        int[] size = facts.stream().mapToInt(f -> f.domain().size()).toArray();
        Map<String, Integer> factIndex = new HashMap<>();
        String[][] domains = new String[facts.size()][];
        boolean[][] assumed = new boolean[facts.size()][];
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            factIndex.put(f.id(), i);
            domains[i] = f.domain().toArray(String[]::new);
            assumed[i] = new boolean[domains[i].length];
            for (int v = 0; v < domains[i].length; v++) {
                assumed[i][v] = f.assumes(v);
            }
        }
        return new ArticleShape(article, article.folder() + "/" + KbReader.FLOW_FILE, facts, size, factIndex,
                domains, assumed);
    }

    String ruleWhere(Decision d, Rule r) {
        return "decision '" + d.id() + "' rule '" + r.id() + "'" + (r.line() > 0 ? " (line " + r.line() + ")" : "");
    }

    KbException fail(String message) {
        return new KbException(file, message);
    }
}
