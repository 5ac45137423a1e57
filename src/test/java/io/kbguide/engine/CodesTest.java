package io.kbguide.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers become codes through an index of the values as written, with {@link Fact#resolve} for anything else
 * (versions): the codes and the refusals must be exactly those of resolving every answer.
 */
class CodesTest {

    static CompiledArticle article;

    @BeforeAll
    static void compile() {
        article = new ArticleCompiler().compile(new KbReader().read(Path.of("kb/heartbeat-registry-driver")));
    }

    @Test
    void shouldGiveTheCodesAndRefusalsOfResolvingEveryAnswer() {
        Random random = new Random(6);
        int valid = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, String> answers = randomAnswers(random);
            Object expected = reference(answers);
            Object actual;
            try {
                actual = article.codes(answers);
            } catch (InvalidFactsException e) {
                actual = e.errors();
            }
            if (expected instanceof int[] codes) {
                assertArrayEquals(codes, (int[]) actual, answers.toString());
                valid++;
            } else {
                assertEquals(expected, actual, answers.toString());
                refused++;
            }
        }
        assertTrue(valid > 2_000 && refused > 2_000, valid + " valid, " + refused + " refused");
    }

    /** Each fact left out, unknown, null, a value, another spelling of one, or something invalid; now and then an extra. */
    private static Map<String, String> randomAnswers(Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Fact fact : article.article().facts()) {
            List<String> options = new ArrayList<>(fact.domain());
            for (String v : fact.domain()) {
                options.add(fact.representative(v));
            }
            options.add(Fact.UNKNOWN);
            if (fact.type() instanceof FactType.Versions) {
                options.addAll(List.of("5.0", "V5.0.3 build 221", "6", "5.0.3.7", "99.1.2"));
            }
            if (random.nextInt(15) == 0) {
                options = List.of("banana", "", "X86", fact.domain().get(0) + " ", "5..3");
            }
            int pick = random.nextInt(options.size() + 2);
            if (pick == options.size()) {
                continue;
            }
            answers.put(fact.id(), pick == options.size() + 1 ? null : options.get(pick));
        }
        if (random.nextInt(20) == 0) {
            answers.put("colour", "blue");
        }
        return answers;
    }

    /** The codes as every answer resolves (the way they were found before the index), or the refusal's errors. */
    private static Object reference(Map<String, String> answers) {
        List<FactError> errors = new ArrayList<>();
        List<Fact> facts = article.article().facts();
        for (String name : answers.keySet()) {
            if (article.article().fact(name).isEmpty()) {
                errors.add(new FactError(name, "'" + name + "' is not a fact of article '" + article.id() + "'",
                        String.join(", ", facts.stream().map(Fact::id).toList())));
            }
        }
        int[] codes = new int[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            String answer = answers.get(fact.id());
            codes[i] = fact.domain().size();
            if (answer == null || Fact.UNKNOWN.equals(answer)) {
                continue;
            }
            Optional<String> value = fact.resolve(answer);
            if (value.isEmpty()) {
                errors.add(new FactError(fact.id(), "'" + answer + "' is not a valid value for " + fact.id(),
                        fact.allowed()));
            } else if (!Fact.UNKNOWN.equals(value.get())) {
                codes[i] = fact.domain().indexOf(value.get());
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (article.contradicts(codes)) {
            try {
                article.diagnose(codes);
            } catch (InvalidFactsException contradiction) {
                return contradiction.errors();
            }
        }
        return codes;
    }
}
