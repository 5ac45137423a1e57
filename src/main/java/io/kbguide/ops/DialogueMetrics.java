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

    @Override
    public void on(DialogueEvent e) {
        String article = e.articleId() == null ? "none" : e.articleId();
        String channel = e.channel().id();
        switch (e.kind()) {
            case STARTED -> count("kbguide.conversations.started", "Conversations started", "article", article,
                    "channel", channel);
            case DIAGNOSED -> {
                count("kbguide.conversations.completed", "Conversations that reached a diagnosis", "article", article,
                        "channel", channel);
                e.diagnosis().findings().forEach((finding, value) -> count("kbguide.diagnosis.findings",
                        "Diagnoses given, by finding and its value", "article", article, "finding", finding,
                        "value", value.value()));
            }
            case ASKED -> {
                if (!e.repeated()) {
                    count("kbguide.questions.reached", "Questions put to a person (not counting a question asked"
                            + " again)", "article", article, "channel", channel, "fact", e.factId());
                }
            }
            case ANSWERED, UNKNOWN -> {
                count("kbguide.questions.answered", "Facts answered (by button, typed or pasted text)", "article",
                        article, "channel", channel, "fact", e.factId());
                if (e.kind() == DialogueEvent.Kind.UNKNOWN) {
                    count("kbguide.answers.unknown", "Answers of I do not know", "article", article, "fact",
                            e.factId());
                }
            }
            case NOT_UNDERSTOOD -> count("kbguide.text.not.understood", "Messages from which nothing could be read,"
                    + " by the question pending", "article", article, "question", e.factId() == null ? "none"
                    : e.factId());
            case READ_BACK -> count("kbguide.readbacks", "Facts read from typed words and read back for"
                    + " confirmation", "article", article, "fact", e.factId());
            case CONFIRMED -> count("kbguide.readbacks.confirmed", "Read-back facts confirmed as read", "article",
                    article, "fact", e.factId());
            case CORRECTED -> count("kbguide.readbacks.corrected", "Read-back facts the person corrected (the reader"
                    + " was wrong)", "article", article, "fact", e.factId());
            case REFUSED -> count("kbguide.refusals", "Inputs refused", "channel", channel, "reason",
                    e.refusal().name().toLowerCase(java.util.Locale.ROOT));
            default -> {
                // went back, restarted: visible in the other counters
            }
        }
    }

    private void count(String name, String description, String... tags) {
        counter(name, description, tags).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags)
                .register(registry));
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
            for (Channel c : channels) {
                counter("kbguide.conversations.started", "Conversations started", "article", article, "channel",
                        c.id());
                counter("kbguide.conversations.completed", "Conversations that reached a diagnosis", "article",
                        article, "channel", c.id());
                for (io.kbguide.engine.Fact f : a.article().facts()) {
                    counter("kbguide.questions.reached", "Questions put to a person (not counting a question asked"
                            + " again)", "article", article, "channel", c.id(), "fact", f.id());
                    counter("kbguide.questions.answered", "Facts answered (by button, typed or pasted text)",
                            "article", article, "channel", c.id(), "fact", f.id());
                }
            }
            for (io.kbguide.engine.Fact f : a.article().facts()) {
                counter("kbguide.answers.unknown", "Answers of I do not know", "article", article, "fact", f.id());
                counter("kbguide.text.not.understood", "Messages from which nothing could be read, by the question"
                        + " pending", "article", article, "question", f.id());
                counter("kbguide.readbacks", "Facts read from typed words and read back for confirmation",
                        "article", article, "fact", f.id());
                counter("kbguide.readbacks.confirmed", "Read-back facts confirmed as read", "article", article,
                        "fact", f.id());
                counter("kbguide.readbacks.corrected", "Read-back facts the person corrected (the reader was"
                        + " wrong)", "article", article, "fact", f.id());
            }
        }
        for (Channel c : channels) {
            for (io.kbguide.dialogue.Refusal r : io.kbguide.dialogue.Refusal.values()) {
                counter("kbguide.refusals", "Inputs refused", "channel", c.id(), "reason",
                        r.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
