package io.kbguide.dialogue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A part of the kb built once, when it is first needed or when {@link #get} is first called to prepare it, whichever
 * comes first; a caller that comes while it is being built waits for it. What building it threw is thrown to every
 * caller.
 */
public final class Deferred<T> implements Supplier<T> {

    private final FutureTask<T> task;

    private Deferred(FutureTask<T> task) {
        this.task = task;
    }

    /** Built by {@code build} when first needed. */
    public static <T> Deferred<T> of(Supplier<T> build) {
        return new Deferred<>(new FutureTask<>(build::get));
    }

    /** Built already. */
    public static <T> Deferred<T> done(T value) {
        Deferred<T> done = of(() -> value);
        done.task.run();
        return done;
    }

    /** Whether it has been built (or building it failed). */
    public boolean built() {
        return task.isDone();
    }

    @Override
    public T get() {
        task.run(); // returns at once when it has run or another thread is running it
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a part of the kb to be built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
