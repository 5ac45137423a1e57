package io.kbguide.kb;

import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.KbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kb read as the process starts is the kb the configuration names, verified the same way, or nothing. */
class KbPreloadTest {

    static final Path KB = Path.of("kb");

    @Test
    void shouldHandOverTheKbReadFromTheConfiguredDirectory() {
        KbPreload.start(KB);
        KbPreload.Loaded loaded = KbPreload.take(KB.toAbsolutePath()).orElseThrow();
        Map<String, KnowledgeBaseEntry> direct = KbLoader.loadAll(KB.toAbsolutePath());
        assertEquals(direct.keySet(), loaded.kb().entries().keySet());
        direct.forEach((id, entry) -> {
            var article = loaded.kb().entries().get(id).article();
            assertEquals(entry.article().combinations(), article.combinations());
            assertEquals(entry.article().distinctDiagnoses(), article.distinctDiagnoses());
        });
        assertTrue(loaded.millis() >= 0);
        assertTrue(KbPreload.take(KB).isEmpty(), "taken once");
    }

    @Test
    void shouldHandOverNothingWhenTheConfigurationNamesAnotherDirectory(@TempDir Path other) {
        KbPreload.start(KB);
        assertTrue(KbPreload.take(other).isEmpty());
        assertTrue(KbPreload.take(KB).isEmpty(), "a guess that missed is dropped");
    }

    @Test
    void shouldHandOverNothingWhenItDidNotRun() {
        assertTrue(KbPreload.take(KB).isEmpty());
    }

    @Test
    void shouldFailWithTheVerifiersErrorWhenTheKbIsBroken(@TempDir Path copy) throws IOException {
        KbCopy.tree(KB, copy);
        try (Stream<Path> flows = Files.walk(copy)) {
            Path flow = flows.filter(p -> p.getFileName().toString().equals("flow.yaml")).findFirst().orElseThrow();
            String text = Files.readString(flow);
            String broken = text.replaceFirst("when: \\{os:", "when: {nosuchfact: [x], os:"); // names no fact
            assertNotEquals(text, broken, "the flow has rules");
            Files.writeString(flow, broken);
        }
        KbPreload.start(copy);
        KbException expected = assertThrows(KbException.class, () -> KbLoader.loadAll(copy));
        KbException preloaded = assertThrows(KbException.class, () -> KbPreload.take(copy));
        assertEquals(expected.getMessage(), preloaded.getMessage());
    }
}
