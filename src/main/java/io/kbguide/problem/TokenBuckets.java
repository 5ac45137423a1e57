package io.kbguide.problem;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets: each client may send a burst of requests, then a steady rate. Buckets idle for a while
 * are forgotten, so memory stays bounded by the clients of the last minutes.
 */
public final class TokenBuckets {

    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    private static final int SWEEP_EVERY = 4096;

    private final double burst;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int calls;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    /**
     * @param burst     requests a client may send at once
     * @param perSecond requests a client may send each second, steadily
     */
    public TokenBuckets(int burst, double perSecond, LongSupplier nanoClock) {
        this.burst = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.clock = nanoClock;
    }

    /**
     * Takes a token for a client.
     *
     * @return 0 when the request may go ahead; otherwise the seconds to wait (at least 1)
     */
    public long take(String client) {
        long now = clock.getAsLong();
        if (++calls % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) * perNano);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1_000_000_000d));
        }
    }

    /** How many clients are tracked (for tests and metrics). */
    public int clients() {
        return buckets.size();
    }

    private void sweep(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            if (now - b.last > IDLE_NANOS) {
                it.remove();
            }
        }
    }
}
