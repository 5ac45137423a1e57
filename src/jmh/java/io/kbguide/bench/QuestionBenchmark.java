package io.kbguide.bench;

import io.kbguide.answers.KbAnswer;
import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.kb.KbLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Answering a question from the article (issue 26's target: at most 1 ms): the question put in English by the
 * language packs, the article's sentences searched with BM25, the section chosen and its coverage weighed. One
 * question the article answers, one it does not, one in German; and a first message routed between the articles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuestionBenchmark {

    KnowledgeBaseEntry entry;
    KbLoader.Routing routing;

    @Setup
    public void load() {
        Map<String, KnowledgeBaseEntry> kb = KbLoader.loadAll(Path.of("kb").toAbsolutePath());
        entry = kb.get("heartbeat-registry-driver");
        routing = KbLoader.router(kb);
    }

    private KbAnswer ask(String question) {
        return entry.search().answer(question, entry.inEnglish(question));
    }

    @Benchmark
    public KbAnswer answered() {
        return ask("Which Heartbeat versions have the leak, and is 5.1.0 affected too?");
    }

    @Benchmark
    public KbAnswer notSaid() {
        return ask("How much does the registry driver patch cost for customers on maintenance?");
    }

    @Benchmark
    public KbAnswer german() {
        return ask("Warum bekommen wir einen Bluescreen mit /3GB auf Windows 2003?");
    }

    @Benchmark
    public Object routed() {
        return routing.route("our server bluescreens since we added /3GB to boot.ini, heartbeat is installed");
    }
}
