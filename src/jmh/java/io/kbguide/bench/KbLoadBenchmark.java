package io.kbguide.bench;

import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.kb.KbLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loading the kb: reading every file, the tables (stored by the build for this kb, as at startup), the flow, the
 * text reader and the search; {@code coldVerified} and {@code warmVerified} with the static checks and the
 * exhaustive evaluation of every combination of facts instead of the stored tables, as for a kb edited since the
 * build. {@code cold} is the first load in a fresh JVM (as at startup); {@code warm} a load once the code is compiled.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KbLoadBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Map<String, KnowledgeBaseEntry> cold() {
        return KbLoader.loadAll(Path.of("kb"));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    @Fork(1)
    public Map<String, KnowledgeBaseEntry> warm() {
        return KbLoader.loadAll(Path.of("kb"));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public KbLoader.Kb coldVerified() {
        return KbLoader.verifyAll(Path.of("kb"), (entry, millis) -> { });
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    @Fork(1)
    public KbLoader.Kb warmVerified() {
        return KbLoader.verifyAll(Path.of("kb"), (entry, millis) -> { });
    }
}
