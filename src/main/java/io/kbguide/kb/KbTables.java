package io.kbguide.kb;

import io.kbguide.answers.Synonyms;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.KbException;
import io.kbguide.engine.StoredTables;
import io.kbguide.dialogue.KnowledgeBaseEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kb's tables made when the application is built, so that a start on the same kb reads them instead of
 * evaluating every combination again. The build ({@code process-classes}, pom.xml) runs {@link #main} on the
 * shipped {@code kb/}: it verifies and compiles every article exactly as the start-up does, checks that the stored
 * form reads back into the very same tables, and writes them with the kb's content hash to {@value #RESOURCE} in
 * the application's classes. A kb whose files differ from those in any byte (edited without a rebuild, mounted from
 * elsewhere) has another hash and is verified in full.
 */
public final class KbTables {

    /** Where the tables are on the class path (in the application's jar). */
    static final String RESOURCE = "kb-tables/tables.bin";

    private KbTables() {
    }

    /** Builds the tables of the kb in {@code args[0]} into the file {@code args[1]}. */
    public static void main(String... args) throws IOException {
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        String hash = hash(dir);
        KbLoader.Kb kb = KbLoader.verifyAll(dir, (entry, millis) -> { });
        List<CompiledArticle> compiled = kb.entries().values().stream().map(KnowledgeBaseEntry::article).toList();
        byte[] bytes = StoredTables.write(hash, compiled);
        StoredTables stored = StoredTables.read(bytes).orElseThrow();
        for (CompiledArticle article : compiled) {
            if (!article.sameTablesAs(stored.restore(article.article()))) {
                throw new IllegalStateException("the stored tables of '" + article.id() + "' do not read back");
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        System.out.printf("kb tables: %d article(s) of %s verified and stored in %s (%d bytes, hash %s) in %d ms%n",
                compiled.size(), dir, file, bytes.length, hash, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The SHA-256 of every file the load reads: each article folder's files (all of them, as an article's text may
     * be named anything) and {@code synonyms.txt}, each as its path relative to the kb directory and its bytes, in
     * the order of their paths. The kb's README and schemas, which the load never reads, are left out, so that
     * editing them does not cost a full verification.
     */
    static String hash(Path dir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files(dir)) {
                byte[] name = dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
                byte[] bytes = Files.readAllBytes(file);
                sha.update(ByteBuffer.allocate(8).putInt(name.length).putInt(bytes.length).array());
                sha.update(name);
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new KbException(dir.toString(), "cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files; // the reader says what is wrong
        }
        Path synonyms = dir.resolve(Synonyms.FILE);
        if (Files.isRegularFile(synonyms)) {
            files.add(synonyms);
        }
        try (Stream<Path> top = Files.list(dir)) {
            for (Path folder : top.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The tables stored in the application, when there are any and they can be read. */
    static Optional<StoredTables> stored() {
        try (InputStream in = KbTables.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : StoredTables.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
