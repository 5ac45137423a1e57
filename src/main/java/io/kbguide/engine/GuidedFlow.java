package io.kbguide.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guided conversation over one article: which question comes next, given the answers so far. A question is
 * asked only when its answer can still change a finding or a step ({@link Diagnosis#missingFacts()}), in the
 * order the kb lists the facts. Answers are replayed along that path, so a corrected answer drops the later
 * answers that no longer apply, and an answer given early is used when its question comes.
 */
public final class GuidedFlow {

    private final CompiledArticle article;
    private final List<Fact> facts;
    private final Map<Long, Integer> remaining = new ConcurrentHashMap<>();

    public GuidedFlow(CompiledArticle article) {
        this.article = article;
        this.facts = article.article().facts();
    }

    public CompiledArticle article() {
        return article;
    }

    /**
     * Where a conversation stands.
     *
     * @param path the answers that apply, in the order their questions were asked
     * @param next the question to ask now, or null when the diagnosis is reached
     * @param diagnosis the diagnosis from the answers on the path (complete or not)
     */
    public record Position(List<Answer> path, Fact next, Diagnosis diagnosis, int[] codes, int askedMask) {

        public boolean finished() {
            return next == null;
        }
    }

    /**
     * Replays answers (any order, last one per fact wins) along the question path.
     *
     * @throws InvalidFactsException when an answer is not valid for its fact, or answers on the path contradict
     */
    public Position replay(List<Answer> answers) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Answer a : answers) {
            given.put(a.factId(), a.value());
        }
        article.codes(given); // validates names and values, and contradictions among all the answers given
        int[] codes = new int[facts.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = article.unknownCode(i);
        }
        List<Answer> path = new ArrayList<>();
        int asked = 0;
        while (true) {
            Diagnosis diagnosis = article.diagnose(codes);
            int next = nextQuestion(diagnosis, asked);
            if (next < 0) {
                return new Position(path, null, diagnosis, codes, asked);
            }
            Fact fact = facts.get(next);
            String value = given.get(fact.id());
            if (value == null) {
                return new Position(path, fact, diagnosis, codes, asked);
            }
            codes = withAnswer(codes, next, value);
            asked |= 1 << next;
            path.add(new Answer(fact.id(), value));
        }
    }

    /**
     * The most questions still to come on any path from here, counting the current one (0 when finished).
     */
    public int remainingAtMost(Position position) {
        return remainingFrom(position.codes(), position.askedMask());
    }

    private int remainingFrom(int[] codes, int asked) {
        long key = ((long) article.index(codes) << facts.size()) | asked;
        Integer known = remaining.get(key);
        if (known != null) {
            return known;
        }
        int next = nextQuestion(article.diagnose(codes), asked);
        int result = 0;
        if (next >= 0) {
            int most = 0;
            for (int v = 0; v <= facts.get(next).domain().size(); v++) {
                int[] c = codes.clone();
                c[next] = v;
                if (!article.contradicts(c)) {
                    most = Math.max(most, remainingFrom(c, asked | 1 << next));
                }
            }
            result = 1 + most;
        }
        remaining.put(key, result);
        return result;
    }

    private int nextQuestion(Diagnosis diagnosis, int asked) {
        for (Fact missing : diagnosis.missingFacts()) {
            int i = facts.indexOf(missing);
            if ((asked & (1 << i)) == 0) {
                return i;
            }
        }
        return -1;
    }

    private int[] withAnswer(int[] codes, int factIndex, String value) {
        int[] c = codes.clone();
        String resolved = Fact.UNKNOWN.equals(value) ? Fact.UNKNOWN : facts.get(factIndex).resolve(value).orElseThrow();
        if (!Fact.UNKNOWN.equals(resolved)) {
            c[factIndex] = facts.get(factIndex).domain().indexOf(resolved);
        }
        if (article.contradicts(c)) {
            throw new InvalidFactsException(List.of(new FactError(facts.get(factIndex).id(),
                    "'" + value + "' contradicts an earlier answer", facts.get(factIndex).allowed())));
        }
        return c;
    }
}
