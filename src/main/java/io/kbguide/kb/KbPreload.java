package io.kbguide.kb;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads and verifies the kb on a thread of its own from the first moment of the process, while Quarkus starts on
 * the main thread: the two took 1.1 s and 2.2 s one after the other. The directory is guessed before the
 * configuration exists (the {@code kbguide.kb.dir} system property, then {@code KBGUIDE_KB_DIR}, then the default);
 * {@link ArticleRegistry} takes the result only when it was read from the very directory the configuration names,
 * and otherwise reads the kb itself. Either way the kb is verified in full by the same code before it is used.
 */
public final class KbPreload {

    private record Preloaded(Path dir, CompletableFuture<Loaded> loaded) {
    }

    /** The kb as read (and verified, or with its precomputed tables), and how long that took on its own thread. */
    record Loaded(KbLoader.Kb kb, long millis) {
    }

    private static volatile Preloaded preloaded;

    private KbPreload() {
    }

    /** Starts reading the kb directory the configuration most likely names. */
    public static void start() {
        start(Path.of(System.getProperty("kbguide.kb.dir", System.getenv().getOrDefault("KBGUIDE_KB_DIR", "kb"))));
    }

    static void start(Path dir) {
        Path path = absolute(dir);
        CompletableFuture<Loaded> loaded = new CompletableFuture<>();
        preloaded = new Preloaded(path, loaded);
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                KbLoader.Kb kb = KbLoader.load(path);
                loaded.complete(new Loaded(kb, (System.nanoTime() - start) / 1_000_000));
            } catch (Throwable e) { // handed to the registry, which fails the start with it
                loaded.completeExceptionally(e);
            }
        }, "kb-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The entries read from {@code dir}, waiting for them if need be, when the preload read that directory; empty
     * when it read another one or did not run (tests, dev mode). Taken once.
     *
     * @throws RuntimeException what reading or verifying the kb threw
     */
    static Optional<Loaded> take(Path dir) {
        Preloaded p = preloaded;
        preloaded = null;
        if (p == null || !p.dir().equals(absolute(dir))) {
            return Optional.empty();
        }
        try {
            return Optional.of(p.loaded().join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Path absolute(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
