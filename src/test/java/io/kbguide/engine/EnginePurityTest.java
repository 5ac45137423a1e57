package io.kbguide.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The engine and the text package import nothing from a framework, so any channel can reuse them. */
class EnginePurityTest {

    @ParameterizedTest
    @ValueSource(strings = {"engine", "text"})
    void shouldImportNoFrameworkInPurePackages(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/io/kbguide", pkg);
        List<String> offenders;
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty());
        offenders = sources.stream().filter(p -> {
            try {
                return Files.readAllLines(p).stream().anyMatch(l -> l.matches(
                        "\\s*import\\s+(static\\s+)?(jakarta|javax\\.ws|io\\.quarkus|io\\.vertx|org\\.jboss)\\..*"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).map(Path::toString).toList();
        assertEquals(List.of(), offenders);
    }
}
