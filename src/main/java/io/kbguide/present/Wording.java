package io.kbguide.present;

import io.kbguide.engine.Article;
import io.kbguide.engine.Decision;
import io.kbguide.engine.Diagnosis;
import io.kbguide.engine.Fact;
import io.kbguide.engine.Finding;
import io.kbguide.engine.Headline;
import io.kbguide.engine.MissingFact;
import io.kbguide.engine.PlanCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of an answer, built once from the outcome and the kb for every channel (JSON, Markdown, plain text,
 * the widget, Slack): the verdict that opens it, the one line that stands for every finding the unknown facts
 * leave open, when a missing fact matters, and what each case would lead to. The article's own words come from
 * the kb (headlines, fact names and labels, step titles); only the words that join them are here. Pure Java.
 */
public final class Wording {

    private Wording() {
    }

    /**
     * The verdict of a diagnosis.
     *
     * @param known the known facts as the rules see them (a choice, or a version band)
     */
    public static Verdict verdict(Article article, Diagnosis d, Map<String, String> known) {
        String headline = null;
        for (Headline h : article.headlines()) {
            if (h.when().matches(name -> {
                Finding f = d.findings().get(name);
                return f != null ? f.value() : known.get(name);
            })) {
                headline = h.text();
                break;
            }
        }
        List<String> needed = d.missingFacts().stream().map(Fact::name).toList();
        int steps = d.remediation().size();
        boolean changes = d.remediation().stream().anyMatch(s -> s.step().changesServer());
        String kind;
        String action;
        if (!needed.isEmpty() && !changes) {
            kind = Verdict.ANSWERS_NEEDED;
            action = answers(needed.size()) + " still needed: " + String.join(", ", needed);
        } else if (steps == 0) {
            kind = Verdict.NOTHING_TO_DO;
            action = "nothing needs to be done";
        } else {
            kind = Verdict.STEPS;
            action = steps + (steps == 1 ? " step" : " steps")
                    + (needed.isEmpty() ? "" : "; " + answers(needed.size()) + " still needed: "
                            + String.join(", ", needed));
        }
        String text = headline == null ? capitalise(action) : headline + ": " + action;
        return new Verdict(kind, text, headline, steps, needed);
    }

    /**
     * One line for every finding the unknown facts leave open: "Still needed to tell the driver's method and the
     * leak exposure: the Windows version and the /3GB switch." Null when every finding is settled.
     */
    public static String stillNeeded(Article article, Diagnosis d) {
        List<String> open = new ArrayList<>();
        for (Decision decision : article.decisions()) {
            Finding f = d.findings().get(decision.id());
            if (f != null && Decision.UNDETERMINED.equals(f.value())) {
                open.add(lowerFirst(decision.label()));
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        List<String> facts = d.missingFacts().stream().map(Fact::name).toList();
        return "Still needed to tell " + and(open) + (facts.isEmpty() ? "" : ": " + and(facts)) + ".";
    }

    /** When a missing fact matters, in words: "only if the Heartbeat version is 5.0.3"; null when always. */
    public static String onlyIf(Article article, MissingFact m) {
        if (m.onlyIf().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        m.onlyIf().forEach((factId, values) -> {
            Fact fact = article.fact(factId).orElseThrow();
            parts.add(fact.name() + " is " + or(values.stream().map(fact::labelOf).toList()));
        });
        return "only if " + String.join(" and ", parts);
    }

    /** What one case would lead to: "If the /3GB switch is "No": 1. ...; 2. ...". */
    public static String caseText(Article article, PlanCase c) {
        List<String> conditions = new ArrayList<>();
        c.when().forEach((factId, value) -> {
            Fact fact = article.fact(factId).orElseThrow();
            conditions.add(fact.name() + " is \"" + fact.labelOf(value) + "\"");
        });
        List<String> titles = c.remediation().stream()
                .map(id -> article.step(id).map(s -> s.title()).orElse(id)).toList();
        StringBuilder text = new StringBuilder("If ").append(String.join(" and ", conditions)).append(": ");
        if (titles.isEmpty()) {
            text.append("nothing needs to be done.");
        } else {
            for (int i = 0; i < titles.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(titles.get(i));
            }
            text.append('.');
        }
        return text.toString();
    }

    /**
     * The warning that steps rest on answers read from typed words: "Check before acting: the steps depend on
     * answers read from typed words (the service pack). Confirm them first." Null when none.
     */
    public static String checkBeforeActing(List<String> factNames) {
        if (factNames == null || factNames.isEmpty()) {
            return null;
        }
        return "Check before acting: the steps depend on answers read from typed words (" + and(factNames)
                + "). Confirm them first.";
    }

    /**
     * A section's title for people: without the "(editorial)" marker a kb puts on headings that are not in the
     * original article (kb/README.md), which is for the kb's editors, not for a ticket.
     */
    public static String sectionName(String title) {
        return io.kbguide.engine.Section.name(title);
    }

    private static String answers(int n) {
        return n == 1 ? "1 answer" : n + " answers";
    }

    private static String and(List<String> items) {
        return join(items, " and ");
    }

    private static String or(List<String> items) {
        return join(items, " or ");
    }

    private static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    /**
     * What the article says to a question, in words for people: the passages quoted with their section, the purpose
     * of a question of the check, or that the article does not say (with the way on: the check, or the help desk).
     */
    public static String articleSays(io.kbguide.answers.KbAnswer answer, String helpDesk) {
        if (answer instanceof io.kbguide.answers.KbAnswer.Quoted q) {
            return "The article says, in \u201c" + sectionName(q.sectionTitle()) + "\u201d: "
                    + String.join(" ", q.quotes().stream().map(x -> "\u201c" + x + "\u201d").toList());
        }
        if (answer instanceof io.kbguide.answers.KbAnswer.Purpose p) {
            return "Why \u201c" + p.asked() + "\u201d is asked: " + p.purpose().text()
                    + (p.purpose().source() == io.kbguide.engine.Source.INFERENCE
                            ? " (an inference beyond the article)" : "");
        }
        return "The article does not say. Go on with the check below, or ask the help desk: " + helpDesk;
    }

    /** What a choose-article step says. */
    public static String chooseArticle() {
        return "Your message may be about more than one article. Which one is it about?";
    }

    /** What a no-article step says. */
    public static String noArticle(boolean saidNothing, String helpDesk) {
        return (saidNothing ? "Tell me what the problem is, in a sentence or two."
                : "No article of the knowledge base is about this.") + " You can also ask the help desk: " + helpDesk;
    }
}
