package io.kbguide.bench;

import io.kbguide.dialogue.ConversationCodec;
import io.kbguide.engine.Answer;
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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Conversation ids: signing and encoding a mid-conversation state, and checking and decoding its id. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConversationIdBenchmark {

    private final ConversationCodec codec = new ConversationCodec(
            "benchmark-key-benchmark-key-benchmark-key".getBytes(StandardCharsets.UTF_8));
    private final ConversationCodec.State state = new ConversationCodec.State("heartbeat-registry-driver", "1",
            List.of(new Answer("architecture", "x86"), new Answer("os", "windows-2003"),
                    new Answer("servicePack", "sp1"), new Answer("useNewApi", "zero")));
    private String id;

    @Setup
    public void encodeOnce() {
        id = codec.encode(state);
        if (!codec.decode(id).equals(state)) {
            throw new IllegalStateException("the id does not decode to its state");
        }
    }

    @Benchmark
    public String encode() {
        return codec.encode(state);
    }

    @Benchmark
    public ConversationCodec.State decode() {
        return codec.decode(id);
    }
}
