package io.kbguide.ops;

import io.kbguide.dialogue.Channel;
import io.kbguide.dialogue.DialogueEvent;
import io.kbguide.dialogue.DialogueListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What support leads ask of the conversations, as Prometheus counters at {@code /q/metrics}, fed by the dialogue's
 * events (no channel counts anything itself). Every label takes its values from the kb (article, fact, finding and
 * value ids) or from a short fixed list (channel, refusal reason), so the number of series stays bounded.
 */
@ApplicationScoped
public class DialogueMetrics implements DialogueListener {

    private final MeterRegistry registry;
    /**
     * The counters by name and tags: looking one up in the registry on every event cost a twentieth of a
     * conversation step. Bounded like the series themselves (see above).
     */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public DialogueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Each counter, its name and what it counts: written once for the events and for the start at 0. */
    enum Series {
        STARTED("kbguide.conversations.started", "Conversations started"),
        COMPLETED("kbguide.conversations.completed", "Conversations that reached a diagnosis"),
        FINDINGS("kbguide.diagnosis.findings", "Diagnoses given, by finding and its value"),
        REACHED("kbguide.questions.reached", "Questions put to a person (not counting a question asked again)"),
        ANSWERED("kbguide.questions.answered", "Facts answered (by button, typed or pasted text)"),
        UNKNOWN("kbguide.answers.unknown", "Answers of I do not know"),
        NOT_UNDERSTOOD("kbguide.text.not.understood", "Messages from which nothing could be read, by the question"
                + " pending"),
        READ_BACK("kbguide.readbacks", "Facts read from typed words and read back for confirmation"),
        CONFIRMED("kbguide.readbacks.confirmed", "Read-back facts confirmed as read"),
        CORRECTED("kbguide.readbacks.corrected", "Read-back facts the person corrected (the reader was wrong)"),
        REFUSED("kbguide.refusals", "Inputs refused"),
        KB_QUESTIONS("kbguide.kb.questions", "Questions asked of the article in a conversation, by how they were"
                + " answered: quoted, purpose (why a question is asked) or not-said"),
        ROUTED("kbguide.first.messages.routed", "First messages that named no article, by where they led: one"
                + " article, several offered, or none");

        final String meter;
        final String description;

        Series(String meter, String description) {
            this.meter = meter;
            this.description = description;
        }
    }

    @Override
    public void on(DialogueEvent e) {
        String article = e.articleId() == null ? "none" : e.articleId();
        String version = e.articleVersion() == null ? "none" : e.articleVersion();
        String channel = e.channel().id();
        switch (e.kind()) {
            case STARTED -> count(Series.STARTED, "article", article, "version", version, "channel", channel);
            case DIAGNOSED -> {
                count(Series.COMPLETED, "article", article, "version", version, "channel", channel);
                e.diagnosis().findings().forEach((finding, value) -> count(Series.FINDINGS, "article", article,
                        "finding", finding, "value", value.value()));
            }
            case ASKED -> {
                if (!e.repeated()) {
                    count(Series.REACHED, "article", article, "channel", channel, "fact", e.factId());
                }
            }
            case ANSWERED, UNKNOWN -> {
                count(Series.ANSWERED, "article", article, "channel", channel, "fact", e.factId());
                if (e.kind() == DialogueEvent.Kind.UNKNOWN) {
                    count(Series.UNKNOWN, "article", article, "fact", e.factId());
                }
            }
            case NOT_UNDERSTOOD -> count(Series.NOT_UNDERSTOOD, "article", article, "question",
                    e.factId() == null ? "none" : e.factId());
            case READ_BACK -> count(Series.READ_BACK, "article", article, "fact", e.factId());
            case CONFIRMED -> count(Series.CONFIRMED, "article", article, "fact", e.factId());
            case CORRECTED -> count(Series.CORRECTED, "article", article, "fact", e.factId());
            case REFUSED -> count(Series.REFUSED, "channel", channel, "reason",
                    e.refusal().name().toLowerCase(java.util.Locale.ROOT));
            case KB_QUESTION -> count(Series.KB_QUESTIONS, "article", article, "version", version, "answer",
                    e.source());
            case ROUTED -> count(Series.ROUTED, "channel", channel, "outcome", e.value());
            default -> {
                // went back, restarted: visible in the other counters
            }
        }
    }

    private void count(Series series, String... tags) {
        counter(series, tags).increment();
    }

    private Counter counter(Series series, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(series.meter);
        key.addAll(Arrays.asList(tags));
        return counters.computeIfAbsent(key, k -> Counter.builder(series.meter).description(series.description)
                .tags(tags).register(registry));
    }

    /**
     * Every counter of every article and channel at 0 from the start, so that a dashboard of a fresh deployment
     * reads 0, not "No data", and a rate over the first events is right. (Findings get their series as diagnoses
     * are given: their values are the kb's, many per finding.)
     */
    void registerAtZero(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start,
            io.kbguide.kb.ArticleRegistry articles) {
        List<Channel> channels = List.of(Channel.API, Channel.TEXT, Channel.WIDGET, Channel.SLACK);
        for (io.kbguide.engine.CompiledArticle a : articles.all()) {
            String article = a.id();
            String version = a.article().version();
            for (String answer : io.kbguide.answers.KbAnswer.KINDS) {
                counter(Series.KB_QUESTIONS, "article", article, "version", version, "answer", answer);
            }
            for (Channel c : channels) {
                counter(Series.STARTED, "article", article, "version", version, "channel", c.id());
                counter(Series.COMPLETED, "article", article, "version", version, "channel", c.id());
                for (io.kbguide.engine.Fact f : a.article().facts()) {
                    counter(Series.REACHED, "article", article, "channel", c.id(), "fact", f.id());
                    counter(Series.ANSWERED, "article", article, "channel", c.id(), "fact", f.id());
                }
            }
            for (io.kbguide.engine.Fact f : a.article().facts()) {
                counter(Series.UNKNOWN, "article", article, "fact", f.id());
                counter(Series.NOT_UNDERSTOOD, "article", article, "question", f.id());
                for (Series s : List.of(Series.READ_BACK, Series.CONFIRMED, Series.CORRECTED)) {
                    counter(s, "article", article, "fact", f.id());
                }
            }
        }
        for (Channel c : channels) {
            for (String outcome : List.of("one", "several", "none")) {
                counter(Series.ROUTED, "channel", c.id(), "outcome", outcome);
            }
            for (io.kbguide.dialogue.Refusal r : io.kbguide.dialogue.Refusal.values()) {
                counter(Series.REFUSED, "channel", c.id(), "reason", r.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
