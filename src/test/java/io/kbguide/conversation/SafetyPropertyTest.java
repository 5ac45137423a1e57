package io.kbguide.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kbguide.diagnosis.DiagnosisService;
import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.Input;
import io.kbguide.diagnosis.DiagnosisView;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import io.kbguide.engine.InvalidFactsException;
import io.kbguide.engine.Step;
import io.kbguide.kb.ArticleRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safety property of typed and pasted answers: a misread may cost a question, never a wrong step.
 *
 * <p>For every message of the three corpora (development, held-out, adversarial), at every question where it
 * could arrive (none yet, and each question of the flow, the earlier ones answered with buttons), and for several
 * servers the message could describe (complete fact sets that agree with what the corpus says the message states,
 * drawn with a fixed seed), the conversation's next step must be a question, a read-back or a confirmation, or a
 * diagnosis whose steps that change the server are exactly those of the true facts (or, where the person said
 * they don't know a fact and the diagnosis is incomplete, only steps the true facts also have). On the stateless endpoint, a
 * diagnosis whose server-changing steps differ from those of the facts the message really states must say that
 * they depend on typed text ({@code dependsOnTypedText}), so that a client confirms before acting.
 *
 * <p>Every conversation is finished as a careful person would: a question is answered with the true fact, a
 * read-back that matches the true facts is confirmed and one that does not is corrected, a request to confirm one
 * of two values is answered with the true one; the diagnosis it reaches is checked, read-back or not. Counted too:
 * read-backs that offer a value the true facts contradict (each one careless click from wrong advice; target 0).
 */
@QuarkusTest
class SafetyPropertyTest {

    static final String ARTICLE = "heartbeat-registry-driver";
    static final List<String> CORPORA = List.of("/corpus/heartbeat-registry-driver.yaml",
            "/corpus/heartbeat-registry-driver-holdout.yaml", "/corpus/heartbeat-registry-driver-adversarial.yaml",
            "/heldout/heartbeat-registry-driver-heldout-2.yaml");
    /** The most steps a careful person takes after the message before the diagnosis. */
    static final int MAX_STEPS = 24;
    static final int SERVERS_PER_CASE = 8;

    @Inject
    ConversationService conversations;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ArticleRegistry registry;

    record Case(String id, String text, Map<String, String> expect, String currentFact) {
    }

    @Test
    void shouldNeverGiveStepsThatChangeTheServerOtherThanThoseOfTheTrueFacts() throws IOException {
        CompiledArticle article = registry.require(ARTICLE);
        List<Fact> facts = article.article().facts();
        Set<String> changing = article.article().steps().stream().filter(Step::changesServer).map(Step::id)
                .collect(Collectors.toSet());
        List<Case> cases = cases();
        int checks = 0;
        int diagnosesGiven = 0;
        int readBacks = 0;
        int throughReadBack = 0;
        int contradicted = 0;
        int replayed = 0;
        List<String> contradictedExamples = new ArrayList<>();
        int statelessChecks = 0;
        List<String> violations = new ArrayList<>();
        for (Case c : cases) {
            Random random = new Random(c.id().hashCode());
            List<Map<String, String>> servers = servers(article, c.expect(), random);
            for (Map<String, String> truth : servers) {
                List<String> expected = CompiledArticle.serverChanges(article.diagnose(truth));
                for (int q = 0; q <= facts.size(); q++) {
                    // the facts before question q answered with buttons (the truth), then the message
                    ConversationView view = Drive.start(conversations, ARTICLE);
                    for (int i = 0; i < q && i < facts.size(); i++) {
                        String factId = facts.get(i).id();
                        view = Drive.reply(conversations, view.conversationId(), factId, truth.get(factId));
                    }
                    if (q > 0 && !"question".equals(view.step().type())) {
                        continue; // the buttons alone finished the conversation: the message cannot arrive here
                    }
                    String askedFact = "question".equals(view.step().type()) ? view.step().question().factId()
                            : null;
                    view = Drive.replyText(conversations, view.conversationId(), c.text());
                    checks++;
                    boolean readBack = false;
                    for (int step = 0; step < MAX_STEPS && !"diagnosis".equals(view.step().type()); step++) {
                        if ("readback".equals(view.step().type())) {
                            readBacks++;
                            readBack = true;
                            ConversationView.ReadBackItem wrong = null;
                            for (ConversationView.ReadBackItem item : view.step().readBack()) {
                                Fact fact = article.article().fact(item.factId()).orElseThrow();
                                if (!fact.sameAnswer(item.value(), truth.get(item.factId()))) {
                                    wrong = wrong == null ? item : wrong;
                                    if (item.factId().equals(askedFact) && !askedFact.equals(c.currentFact())
                                            && !c.expect().containsKey(askedFact)) {
                                        // a message written for another question ("2" to the service pack),
                                        // read as the answer to the one it arrived at (UseNewApi: "2"): the
                                        // truth drawn for that fact knows nothing of the message
                                        replayed++;
                                        continue;
                                    }
                                    contradicted++;
                                    if (contradictedExamples.size() < Integer.getInteger("safety.show", 10)) {
                                        contradictedExamples.add(c.id() + ": read back " + item.factId() + "="
                                                + item.value() + ", true " + truth.get(item.factId()));
                                    }
                                }
                            }
                            view = wrong == null ? conversations.next(view.conversationId(), new Input.Confirm(),
                                    Channel.API) : Drive.reply(conversations, view.conversationId(), wrong.factId(),
                                    truth.get(wrong.factId()));
                        } else {
                            String factId = view.step().question().factId();
                            view = Drive.reply(conversations, view.conversationId(), factId, truth.get(factId));
                        }
                    }
                    if (!"diagnosis".equals(view.step().type())) {
                        violations.add(c.id() + " after " + q + " button answers, true facts " + truth
                                + ": no diagnosis after " + MAX_STEPS + " more steps");
                        continue;
                    }
                    diagnosesGiven++;
                    throughReadBack += readBack ? 1 : 0;
                    List<String> given = view.step().diagnosis().remediation().stream().map(DiagnosisView.StepView::id)
                            .filter(changing::contains).toList();
                    // with a fact left unknown ("I don't know") the diagnosis says what to find out and may
                    // advise fewer steps, but never one the true facts would not have
                    boolean incomplete = !view.step().diagnosis().complete();
                    if (incomplete ? !expected.containsAll(given) : !given.equals(expected)) {
                        violations.add(c.id() + " after " + q + " button answers, true facts " + truth
                                + ": advised " + given + " instead of " + expected + "; answers "
                                + view.step().answers());
                    }
                }
            }
            // the stateless endpoint: steps that differ from those of what the message states are flagged
            Map<String, String> stated = new LinkedHashMap<>(c.expect());
            DiagnosisView stateless;
            try {
                stateless = diagnoses.diagnose(article, Map.of(), c.text());
            } catch (InvalidFactsException contradiction) {
                continue; // a 400: no advice at all
            }
            statelessChecks++;
            List<String> truthSteps = CompiledArticle.serverChanges(article.diagnose(stated));
            List<String> given = stateless.remediation().stream().map(DiagnosisView.StepView::id)
                    .filter(changing::contains).toList();
            // as in a conversation: with facts still missing it may advise fewer steps, never another one
            boolean wrong = stateless.complete() ? !given.equals(truthSteps) : !truthSteps.containsAll(given);
            if (wrong && (stateless.dependsOnTypedText() == null || stateless.dependsOnTypedText().isEmpty())) {
                violations.add(c.id() + " (stateless): advised " + given + " instead of " + truthSteps
                        + " without saying the steps depend on typed text");
            }
        }
        System.out.printf("safety property: %d messages x questions x servers, every conversation finished: %d"
                + " diagnoses (%d through a read-back; %d read-backs), %d read-backs offering a value the true facts"
                + " contradict (besides %d where a message written for another question is read as the answer to"
                + " the one it arrived at), %d stateless diagnoses; %d violations%n", checks, diagnosesGiven,
                throughReadBack, readBacks, contradicted, replayed, statelessChecks, violations.size());
        contradictedExamples.forEach(v -> System.out.println("  READ-BACK CONTRADICTED " + v));
        violations.stream().limit(40).forEach(v -> System.out.println("  VIOLATION " + v));
        assertTrue(checks > 10_000, "only " + checks + " checks");
        assertEquals(checks, diagnosesGiven, "every conversation reaches its diagnosis");
        assertTrue(throughReadBack > 1_000, "only " + throughReadBack + " diagnoses reached through a read-back");
        assertEquals(List.of(), violations);
    }

    /** Complete, consistent fact sets that agree with what the message states, drawn with a fixed seed. */
    static List<Map<String, String>> servers(CompiledArticle article, Map<String, String> stated, Random random) {
        List<Map<String, String>> out = new ArrayList<>();
        List<Fact> facts = article.article().facts();
        for (int attempt = 0; attempt < 200 && out.size() < SERVERS_PER_CASE; attempt++) {
            Map<String, String> truth = new LinkedHashMap<>();
            for (Fact f : facts) {
                String v = stated.get(f.id());
                if (v == null) {
                    List<String> domain = f.domain();
                    v = f.representative(domain.get(random.nextInt(domain.size())));
                }
                truth.put(f.id(), v);
            }
            try {
                article.codes(truth);
                if (!out.contains(truth)) {
                    out.add(truth);
                }
            } catch (InvalidFactsException contradiction) {
                // not a server that can exist: draw again
            }
        }
        return out;
    }

    static List<Case> cases() throws IOException {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory()).build();
        List<Case> cases = new ArrayList<>();
        for (String name : CORPORA) {
            JsonNode root;
            try (InputStream in = SafetyPropertyTest.class.getResourceAsStream(name)) {
                root = yaml.readTree(in);
            }
            for (JsonNode c : root.get("cases")) {
                Map<String, String> expect = new LinkedHashMap<>();
                if (c.has("expect")) {
                    c.get("expect").fields().forEachRemaining(e -> expect.put(e.getKey(), e.getValue().asText()));
                }
                cases.add(new Case(c.get("id").asText(), c.get("text").asText(), expect,
                        c.has("currentFact") ? c.get("currentFact").asText() : null));
            }
        }
        return cases;
    }
}
