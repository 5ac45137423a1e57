package io.kbguide.bench;

import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Diagnosis;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Engine evaluation: a diagnosis from a client's answers (checking every answer, then the table look-up), over a mix
 * of fact sets from all known to none known; and the look-up alone from codes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    static final List<Map<String, String>> FACT_SETS = List.of(
            facts("architecture", "x86", "os", "windows-2003", "servicePack", "sp1", "useNewApi", "zero", "threeGb",
                    "no", "heartbeatVersion", "5.0.3", "leakPatch", "not-installed"),
            facts("architecture", "x86", "os", "windows-2003", "servicePack", "none", "useNewApi", "absent",
                    "threeGb", "yes", "heartbeatVersion", "5.1.1", "leakPatch", "installed"),
            facts("architecture", "x86", "os", "windows-2000", "threeGb", "yes", "heartbeatVersion", "6.0.0"),
            facts("architecture", "x64"),
            facts("architecture", "x86", "os", "windows-2003", "servicePack", "unknown", "useNewApi", "zero"),
            facts("os", "windows-2003", "heartbeatVersion", "5.0.3"),
            facts());

    private CompiledArticle article;
    private int[][] codes;
    private int next;

    private static Map<String, String> facts(String... pairs) {
        Map<String, String> facts = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(facts);
    }

    @Setup
    public void load() {
        article = KbLoader.loadAll(Path.of("kb")).get("heartbeat-registry-driver").article();
        codes = FACT_SETS.stream().map(article::codes).toArray(int[][]::new);
    }

    @Benchmark
    public Diagnosis diagnoseFromAnswers() {
        next = (next + 1) % FACT_SETS.size();
        return article.diagnose(FACT_SETS.get(next));
    }

    @Benchmark
    public Diagnosis lookUpFromCodes() {
        next = (next + 1) % codes.length;
        return article.diagnose(codes[next]);
    }
}
