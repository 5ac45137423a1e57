package io.kbguide.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets: each client may send a burst of requests, then a steady rate. The state is bounded
 * (Caffeine): buckets idle for ten minutes are forgotten, and past {@code maxClients} the least recently used go
 * first, so a flood of new client addresses cannot grow memory without end (a forgotten client starts with a full
 * burst again, which is the price of the bound).
 */
public final class TokenBuckets {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final double burst;
    private final double perNano;
    private final LongSupplier clock;
    private final Cache<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    /** What taking a token gave: the wait in seconds (0: go ahead) and the tokens left. */
    public record Taken(long waitSeconds, int remaining) {
    }

    /**
     * @param burst      requests a client may send at once
     * @param perSecond  requests a client may send each second, steadily
     * @param maxClients clients remembered at most
     */
    public TokenBuckets(int burst, double perSecond, int maxClients, LongSupplier nanoClock) {
        this.burst = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.clock = nanoClock;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(IDLE)
                .ticker((Ticker) nanoClock::getAsLong).executor(Runnable::run).build();
    }

    public TokenBuckets(int burst, double perSecond, LongSupplier nanoClock) {
        this(burst, perSecond, 100_000, nanoClock);
    }

    /**
     * Takes a token for a client.
     *
     * @return 0 when the request may go ahead; otherwise the seconds to wait (at least 1)
     */
    public long take(String client) {
        return takeToken(client).waitSeconds();
    }

    /** Takes a token for a client, and says how many are left. */
    public Taken takeToken(String client) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.get(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) * perNano);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Taken(0, (int) Math.floor(bucket.tokens));
            }
            return new Taken(Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1_000_000_000d)), 0);
        }
    }

    /** Seconds for an empty bucket to fill again (the policy's window). */
    public long window() {
        return Math.max(1, (long) Math.ceil(burst / perNano / 1_000_000_000d));
    }

    /** How many clients are tracked (for tests and metrics). */
    public long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
