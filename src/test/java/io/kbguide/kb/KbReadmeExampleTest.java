package io.kbguide.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kb/README.md's "Adding an article, end to end" shows the fixture article as it is: its article.md, flow.yaml and
 * golden.yaml examples say what the fixture's files say (the fixture is checked by the schemas, kb check and the
 * engine's tests), and its flow example names the schema the way a file in kb/ does.
 */
class KbReadmeExampleTest {

    static final Path FIXTURE = Path.of("src/test/resources/kb-fixtures/valid/printer-spooler");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldShowTheFixtureArticlesFilesAsTheyAre() throws IOException {
        String readme = Files.readString(Path.of("kb/README.md"));
        String section = readme.substring(readme.indexOf("## Adding an article, end to end"));
        List<String[]> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)```(\\w*)\\n(.*?)```").matcher(section);
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        List<String> yaml = blocks.stream().filter(b -> b[0].equals("yaml")).map(b -> b[1]).toList();
        String markdown = blocks.stream().filter(b -> b[0].equals("markdown")).map(b -> b[1]).findFirst().orElseThrow();

        assertEquals(Files.readString(FIXTURE.resolve("article.md")).strip(), markdown.strip());
        assertEquals(YAML.readTree(FIXTURE.resolve("flow.yaml").toFile()), YAML.readTree(yaml.get(0)), "flow.yaml");
        assertTrue(yaml.get(0).startsWith("# yaml-language-server: $schema=../flow.schema.json\n"), yaml.get(0));
        assertEquals(YAML.readTree(FIXTURE.resolve("golden.yaml").toFile()), YAML.readTree(yaml.get(1)), "golden.yaml");
        assertTrue(yaml.get(2).startsWith("# yaml-language-server: $schema=../language.schema.json\n"), yaml.get(2));
    }
}
