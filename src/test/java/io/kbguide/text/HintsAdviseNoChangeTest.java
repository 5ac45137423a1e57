package io.kbguide.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hints and help tell how to read or find out a fact, never to change the server: advice that changes it comes
 * only from a diagnosis, whose steps are verified for the whole server. A hint is shown before the facts are
 * known (a REG_SZ UseNewApi pasted first on Windows Server 2003 without a service pack, where "absent" means the
 * bluescreening callbacks), so a change it suggested could be the wrong one.
 */
class HintsAdviseNoChangeTest {

    /** Text shown to people while a fact is asked or read: the keys of flow.yaml and language.yaml that hold it. */
    static final Set<String> HINT_KEYS = Set.of("help", "expect", "question", "wrongType", "badData", "incomplete",
            "reason", "note");

    /** An instruction to change the server: an imperative verb of change. */
    static final Pattern CHANGE = Pattern.compile("(?i)(?:^|[.!?:;]\\s+|\\b(?:or|then|and|please|first)\\s+)"
            + "(delete|remove|set|add|change|edit|restart|reboot|install|uninstall|apply|upgrade|disable|enable)"
            + "\\b(?!\\s+(?:it|this)\\s+is\\b)");

    @Test
    void shouldFindAnInstructionToChangeTheServerWhereThereIsOne() {
        // the check itself: it must catch what the old REG_SZ hint said, and pass what the new ones say
        assertTrue(CHANGE.matcher("Please give the data, or delete the wrong value and say that it is absent.")
                .find());
        assertTrue(CHANGE.matcher("Please give the value it started with, or restart first and then answer.")
                .find());
        assertTrue(CHANGE.matcher("Set UseNewApi to 0.").find());
        assertTrue(!CHANGE.matcher("The message says the value was changed, so it is not clear which value the"
                + " server has now. Please give the value as it is now.").find());
        assertTrue(!CHANGE.matcher("Having the patch is not the same as having installed it.").find());
        List<String> none = new ArrayList<>();
        check("help", "Add or Remove Programs lists it too.", none);
        assertEquals(List.of(), none, "a name on the screen is no instruction");
    }

    @Test
    void shouldTellHowToReadOrFindOutNeverToChangeTheServer() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> offending = new ArrayList<>();
        int checked = 0;
        try (var folders = Files.list(Path.of("kb"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                JsonNode flow = yaml.readTree(folder.resolve("flow.yaml").toFile());
                for (JsonNode fact : flow.path("facts")) {
                    checked += collect(folder + " fact " + fact.path("id").asText(), fact, offending);
                }
                Path language = folder.resolve("language.yaml");
                if (Files.exists(language)) {
                    JsonNode lang = yaml.readTree(language.toFile());
                    var doubts = lang.path("doubts").fields();
                    while (doubts.hasNext()) {
                        var d = doubts.next();
                        checked += check(folder + " doubt " + d.getKey(), d.getValue().asText(), offending);
                    }
                    checked += collect(folder + " extractors", lang.path("extractors"), offending);
                    checked += collect(folder + " facts", lang.path("facts"), offending);
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " texts checked");
        assertEquals(List.of(), offending);
    }

    private static int collect(String where, JsonNode node, List<String> offending) {
        int n = 0;
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (HINT_KEYS.contains(f.getKey()) && f.getValue().isTextual()) {
                    n += check(where + "." + f.getKey(), f.getValue().asText(), offending);
                } else {
                    n += collect(where + "." + f.getKey(), f.getValue(), offending);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                n += collect(where, item, offending);
            }
        }
        return n;
    }

    private static int check(String where, String text, List<String> offending) {
        // a name on the screen, not an instruction: the Control Panel's "Add or Remove Programs"
        if (CHANGE.matcher(text.replaceAll("(?i)add or remove programs", "the programs list")).find()) {
            offending.add(where + ": " + text);
        }
        return 1;
    }
}
