package io.kbguide.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.kbguide.text.Doubt;
import io.kbguide.text.LanguageReader;
import io.kbguide.text.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The kb's JSON Schemas ({@code kb/flow.schema.json} and {@code kb/language.schema.json}, which editors use to check
 * and complete kb files while they are written) agree with the readers: they accept every shipped flow.yaml and
 * language.yaml, and they reject the broken ones whose fault is one of shape, the way the reader does.
 *
 * <p>A kb file is read here with the same YAML parser as {@link KbFiles} (Jackson's, YAML 1.1: an unquoted
 * {@code off} is a boolean) and then validated as JSON, so the schema sees the very values the reader gets. The
 * schemas accept what the readers accept, with one exception: enum words are asked for in lower case.
 *
 * <p>What the schemas reject, and what they leave to the readers (the service's start-up and {@code kb check}):
 * <ul>
 * <li>flow.yaml, the broken variants of the fixture article in {@link ArticleCompilerTest#brokenArticles()}: the
 * schema rejects "a misspelt property" (additionalProperties) and "an unquoted YAML boolean" (type). Every other
 * variant is well formed, and its fault needs the article or the whole flow: a gap or an overlap in a table, a
 * quote not in its section, an unknown section, an article claim without a citation, an unknown step, a step
 * never advised, a fact never asked, a step advised outside its guard, a gap between version bands, a value that
 * does not exist, an id that is not its folder, a heading without an anchor (article.md, not a YAML file), a
 * restart step listed by hand, a finding value not declared, a proof that fails, a proof naming an unknown step or
 * finding, a missing text file. The schema accepts those; the reader rejects them.
 * <li>flow.yaml, the structural faults below ({@link #structuralFlowFaults()}): a missing required field, an
 * unknown enum word, a wrong type, a version fact with choices, a command with both run and gui, a version band
 * that is no version. Both the schema and the reader reject each.
 * <li>language.yaml, {@code src/test/resources/broken-language}: the schema rejects {@code missing-doubt.yaml}
 * (required), {@code unknown-doubt.yaml} (enum) and {@code unknown-key.yaml} (additionalProperties). It leaves to
 * the reader the faults that need the article's flow.yaml ({@code unknown-fact}, {@code unknown-value},
 * {@code version-fact-values}, {@code extractor-unknown-value}, {@code attribution-unknown-value},
 * {@code registry-version-fact}, and {@code unquoted-no}: like the reader, the schema takes an unquoted no where
 * text is expected, which the reader reads as "false", no value of the fact) and those that need Java's regular
 * expressions ({@code bad-regex}, {@code bad-cue-regex}, {@code empty-matching-pattern}); {@code not-yaml.yaml} is
 * refused by the YAML parser before any schema.
 * </ul>
 */
class KbSchemasTest {

    static final Path FLOW_SCHEMA = Path.of("kb/flow.schema.json");
    static final Path LANGUAGE_SCHEMA = Path.of("kb/language.schema.json");
    static final Path FIXTURE_FLOW = ArticleCompilerTest.FIXTURE.resolve(KbReader.FLOW_FILE);
    static final Path BROKEN_LANGUAGE = Path.of("src/test/resources/broken-language");
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** The YAML parser {@link KbFiles} reads kb files with. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                    .build()));

    @TempDir
    Path temp;

    // ---- the schemas themselves

    @Test
    void shouldBeValidDraft202012Schemas() throws IOException {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12));
        for (Path schema : List.of(FLOW_SCHEMA, LANGUAGE_SCHEMA)) {
            String text = Files.readString(schema, StandardCharsets.UTF_8);
            assertEquals(List.of(), describe(meta.validate(text, InputFormat.JSON)), schema.toString());
            assertEquals(DRAFT_2020_12, JSON.readTree(text).path("$schema").asText(), schema.toString());
        }
    }

    /**
     * The schema names exactly the keys the reader's records accept (Jackson refuses any other), and requires the
     * doubts and ignored reasons the reader requires: a field added to the reader and not to the schema fails here.
     */
    @Test
    void shouldNameTheKeysTheReadersAccept() throws IOException {
        JsonNode flow = JSON.readTree(FLOW_SCHEMA.toFile());
        JsonNode defs = flow.path("$defs");
        Map<JsonNode, Class<? extends Record>> shapes = new LinkedHashMap<>();
        shapes.put(flow, KbReader.FlowDto.class);
        shapes.put(flow.path("properties").path("article"), KbReader.ArticleDto.class);
        shapes.put(flow.path("properties").path("collector"), KbReader.CollectorDto.class);
        shapes.put(defs.path("fact"), KbReader.FactDto.class);
        shapes.put(defs.path("fact").path("properties").path("choices").path("items"), KbReader.ChoiceDto.class);
        shapes.put(defs.path("fact").path("properties").path("bands").path("items"), KbReader.BandDto.class);
        shapes.put(defs.path("fact").path("properties").path("whenUnknown"), KbReader.WhenUnknownDto.class);
        shapes.put(defs.path("constraint"), KbReader.ConstraintDto.class);
        shapes.put(defs.path("decision"), KbReader.DecisionDto.class);
        shapes.put(defs.path("findingRule"), KbReader.RuleDto.class);
        shapes.put(defs.path("planRule"), KbReader.RuleDto.class);
        shapes.put(defs.path("notesRule"), KbReader.RuleDto.class);
        shapes.put(defs.path("planItem"), KbReader.PlanItemDto.class);
        shapes.put(defs.path("step"), KbReader.StepDto.class);
        shapes.put(defs.path("proof"), KbReader.ProofDto.class);
        shapes.put(defs.path("headline"), KbReader.HeadlineDto.class);
        shapes.put(defs.path("probe"), KbReader.ProbeDto.class);
        shapes.put(defs.path("citation"), KbReader.CitationDto.class);
        shapes.forEach((node, type) -> {
            Set<String> components = new TreeSet<>();
            Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
            assertEquals(components, names(node.path("properties")), type.getSimpleName());
            assertFalse(node.path("additionalProperties").asBoolean(true), type.getSimpleName()
                    + ": the reader refuses unknown keys");
        });

        JsonNode language = JSON.readTree(LANGUAGE_SCHEMA.toFile());
        Set<String> doubts = new TreeSet<>();
        Arrays.stream(Doubt.values()).forEach(d -> doubts.add(d.id()));
        JsonNode doubtsNode = language.path("properties").path("doubts");
        assertEquals(doubts, names(doubtsNode.path("properties")));
        assertEquals(doubts, texts(doubtsNode.path("required")));
        assertEquals(doubts, texts(language.path("$defs").path("doubtRule").path("properties").path("doubt")
                .path("enum")));
        Set<String> skips = new TreeSet<>();
        Skip.worded().forEach(s -> skips.add(s.id()));
        JsonNode ignoredNode = language.path("properties").path("ignored");
        assertEquals(skips, names(ignoredNode.path("properties")));
        assertEquals(skips, texts(ignoredNode.path("required")));
    }

    // ---- the shipped files

    @Test
    void shouldAcceptEveryShippedFlowAndLanguageFile() throws IOException {
        Schema flowSchema = schema(FLOW_SCHEMA);
        Schema languageSchema = schema(LANGUAGE_SCHEMA);
        int flows = 0;
        int languages = 0;
        for (Path kb : List.of(Path.of("kb"), Path.of("src/test/resources/kb-fixtures/valid"))) {
            List<Path> folders;
            try (Stream<Path> list = Files.list(kb)) {
                folders = list.filter(Files::isDirectory).sorted().toList();
            }
            for (Path folder : folders) {
                Path flow = folder.resolve(KbReader.FLOW_FILE);
                assertEquals(List.of(), errors(flowSchema, Files.readString(flow)), flow.toString());
                assertSchemaLine(flow, "flow.schema.json");
                flows++;
                Path language = folder.resolve(LanguageReader.LANGUAGE_FILE);
                if (Files.exists(language)) {
                    assertEquals(List.of(), errors(languageSchema, Files.readString(language)), language.toString());
                    assertSchemaLine(language, "language.schema.json");
                    languages++;
                }
            }
        }
        assertTrue(flows >= 2, "flow files checked: " + flows);
        assertTrue(languages >= 1, "language files checked: " + languages);
    }

    /** The first line names the schema by a path that exists from the file's folder, for the editor. */
    private static void assertSchemaLine(Path file, String schema) throws IOException {
        String first = Files.readString(file).lines().findFirst().orElse("");
        Matcher m = java.util.regex.Pattern.compile("# yaml-language-server: \\$schema=(\\S+)").matcher(first);
        assertTrue(m.matches(), file + " starts with the schema line: " + first);
        assertTrue(m.group(1).endsWith("/" + schema), file + ": " + m.group(1));
        Path target = file.getParent().resolve(m.group(1)).normalize();
        assertEquals(Path.of("kb", schema), target, file + " names " + m.group(1));
    }

    // ---- flow.yaml: the reader's broken variants, and structural faults

    /** What the schema says about each broken variant of {@link ArticleCompilerTest}: a fault, or nothing. */
    private static final Map<String, String> COMPILER_CASES_THE_SCHEMA_REJECTS = Map.of(
            "a misspelt property", "/decisions/0/rules/1 additionalProperties explanaton",
            "an unquoted YAML boolean", "/decisions/0/rules/0/when/isolation/0 type");

    @Test
    void shouldRejectTheReadersBrokenFlowsWhoseFaultIsStructuralAndLeaveTheRestToTheReader() throws IOException {
        Schema schema = schema(FLOW_SCHEMA);
        String fixture = Files.readString(FIXTURE_FLOW);
        List<String> rejected = new ArrayList<>();
        List<String> leftToTheReader = new ArrayList<>();
        for (Arguments arguments : ArticleCompilerTest.brokenArticles().toList()) {
            Object[] a = arguments.get();
            String what = (String) a[0];
            String file = (String) a[1];
            String flow = file.equals(KbReader.FLOW_FILE) ? mutate(fixture, (String) a[2], (String) a[3], what)
                    : fixture;
            List<String> errors = errors(schema, flow);
            String expected = COMPILER_CASES_THE_SCHEMA_REJECTS.get(what);
            if (expected == null) {
                assertEquals(List.of(), errors, what + ": well formed, its fault is the reader's to find");
                leftToTheReader.add(what);
            } else {
                assertTrue(errors.stream().anyMatch(e -> e.startsWith(expected)), what + ": expected " + expected
                        + " in " + errors);
                rejected.add(what);
            }
        }
        assertEquals(new TreeSet<>(COMPILER_CASES_THE_SCHEMA_REJECTS.keySet()), new TreeSet<>(rejected));
        assertTrue(leftToTheReader.size() >= 15, "left to the reader: " + leftToTheReader);
    }

    /** Faults of shape: what the fixture's flow.yaml says, what it is changed to, the schema's error, the reader's. */
    static Stream<String[]> structuralFlowFaults() {
        return Stream.of(
                new String[] {"a fact without its question", "    question: Which driver version is installed?\n",
                        "", "/facts/0 required question", "fact 'driverVersion' question is required"},
                new String[] {"an unknown fact type", "type: version", "type: versions", "/facts/0/type",
                        "type 'versions' is not one of: choice, version"},
                new String[] {"a version fact with choices", "        from: 2.0.0\n",
                        "        from: 2.0.0\n    choices:\n      - {value: a, label: A}\n", "/facts/0 not",
                        "a version fact has bands, not choices"},
                new String[] {"a version band that is no version", "to: 2.0.0", "to: 2.0",
                        "/facts/0/bands/0/to", "'2.0' is not a version"},
                new String[] {"an unknown decision kind", "kind: plan", "kind: table", "/decisions/1/kind",
                        "kind 'table' is not one of: finding, plan, notes"},
                new String[] {"a finding without values",
                        "    values:\n      high: The spooler will crash.\n      none-known: No crash is known.\n", "",
                        "/decisions/0 required values", "a finding lists its values"},
                new String[] {"an unknown source", "        explanation: Isolation contains the crash.\n"
                        + "        source: inference", "        explanation: Isolation contains the crash.\n"
                        + "        source: guess", "/decisions/0/rules/1/source enum",
                        "source 'guess' is not one of: article, inference"},
                new String[] {"a plan's then as one step", "        then:\n          - step: enable-isolation",
                        "        then: enable-isolation", "/decisions/1/rules/0/then type",
                        "'then' of a plan is a list of steps"},
                new String[] {"a step without its source",
                        "    detail: The change takes effect after a restart.\n    source: article",
                        "    detail: The change takes effect after a restart.", "/steps/1 required source",
                        "step 'restart-spooler' (line 87) source is required"},
                new String[] {"a command with both run and gui", "    requiresRestart: true",
                        "    commands:\n      - {run: printui.exe, gui: Print Management}\n    requiresRestart: true",
                        "/steps/0/commands/0", "give either run (a command) or gui (what to click), not both"});
    }

    @Test
    void shouldRejectStructuralFaultsOfAFlowAsTheReaderDoes() throws IOException {
        Schema schema = schema(FLOW_SCHEMA);
        String fixture = Files.readString(FIXTURE_FLOW);
        for (String[] c : structuralFlowFaults().toList()) {
            String flow = mutate(fixture, c[1], c[2], c[0]);
            List<String> errors = errors(schema, flow);
            assertTrue(errors.stream().anyMatch(e -> e.startsWith(c[3])), c[0] + ": expected " + c[3] + " in "
                    + errors);
            Path folder = Files.createDirectories(temp.resolve(c[0].replaceAll("\\W+", "-")).resolve(
                    ArticleCompilerTest.FIXTURE.getFileName().toString()));
            Files.copy(ArticleCompilerTest.FIXTURE.resolve("article.md"), folder.resolve("article.md"));
            Files.writeString(folder.resolve(KbReader.FLOW_FILE), flow);
            KbException e = assertThrows(KbException.class, () -> new KbReader().read(folder), c[0]);
            assertTrue(e.getMessage().contains(c[4]), c[0] + ": the reader said " + e.getMessage());
        }
    }

    // ---- language.yaml: the reader's broken files

    /** The broken language files whose fault the schema finds, with its error. */
    private static final Map<String, String> LANGUAGE_FILES_THE_SCHEMA_REJECTS = Map.of(
            "missing-doubt.yaml", "/doubts required several-servers",
            "unknown-doubt.yaml", "/facts/leakPatch/doubts/0/doubt enum",
            "unknown-key.yaml", "/facts/threeGb/values/yes additionalProperties phrase");

    /** The broken language files whose fault needs the article's flow.yaml or Java's regular expressions. */
    private static final Set<String> LANGUAGE_FILES_LEFT_TO_THE_READER = Set.of("unknown-fact.yaml",
            "unknown-value.yaml", "version-fact-values.yaml", "extractor-unknown-value.yaml",
            "attribution-unknown-value.yaml", "registry-version-fact.yaml", "unquoted-no.yaml", "bad-regex.yaml", "bad-cue-regex.yaml",
            "empty-matching-pattern.yaml");

    /**
     * These files are fragments: LanguageReaderTest reads each up to its fault, so they leave out parts a whole
     * file needs (the doubts, the ignored reasons). Apart from those missing parts, the schema's errors are the
     * fault's, or none.
     */
    @Test
    void shouldRejectTheBrokenLanguageFilesWhoseFaultIsStructuralAndLeaveTheRestToTheReader() throws IOException {
        Schema schema = schema(LANGUAGE_SCHEMA);
        List<String> files;
        try (Stream<Path> list = Files.list(BROKEN_LANGUAGE)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        int rejected = 0;
        int left = 0;
        for (String name : files) {
            String text = Files.readString(BROKEN_LANGUAGE.resolve(name));
            if (name.equals("not-yaml.yaml")) {
                assertThrows(JsonProcessingException.class, () -> YAML.readTree(text), "not YAML at all");
                continue;
            }
            List<String> errors = errors(schema, text);
            if (LANGUAGE_FILES_THE_SCHEMA_REJECTS.containsKey(name)) {
                String expected = LANGUAGE_FILES_THE_SCHEMA_REJECTS.get(name);
                assertTrue(errors.contains(expected), name + ": expected " + expected + " in " + errors);
                List<String> others = errors.stream().filter(e -> !e.equals(expected)).toList();
                assertTrue(others.stream().allMatch(e -> e.contains(" required ")), name + ": " + others);
                rejected++;
            } else if (LANGUAGE_FILES_LEFT_TO_THE_READER.contains(name)) {
                assertEquals(List.of(), errors.stream().filter(e -> !e.equals(" required doubts")
                        && !e.equals(" required ignored")).toList(), name + ": well formed, its fault is the"
                        + " reader's to find");
                left++;
            } else {
                fail(name + " is a broken language file this test does not know: say whether the schema rejects it");
            }
        }
        assertEquals(LANGUAGE_FILES_THE_SCHEMA_REJECTS.size(), rejected);
        assertEquals(LANGUAGE_FILES_LEFT_TO_THE_READER.size(), left);
    }

    @Test
    void shouldRejectAWholeLanguageFileWithoutItsDoubtsOrIgnoredReasons() throws IOException {
        Schema schema = schema(LANGUAGE_SCHEMA);
        Path seed = Path.of("kb/heartbeat-registry-driver/language.yaml");
        JsonNode whole = YAML.readTree(Files.readString(seed));
        for (String key : List.of("doubts", "ignored", "cues", "facts")) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = whole.deepCopy();
            copy.remove(key);
            assertEquals(List.of(" required " + key), describe(schema.validate(JSON.writeValueAsString(copy),
                    InputFormat.JSON)), key);
        }
    }

    // ---- helpers

    static Schema schema(Path file) throws IOException {
        Schema schema = REGISTRY.getSchema(Files.readString(file, StandardCharsets.UTF_8));
        schema.initializeValidators();
        return schema;
    }

    /** The schema's errors for a YAML text read as the kb readers read it, each as "location keyword [property]". */
    static List<String> errors(Schema schema, String yaml) throws JsonProcessingException {
        JsonNode tree = YAML.readTree(yaml);
        return describe(schema.validate(JSON.writeValueAsString(tree), InputFormat.JSON));
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + " " + e.getKeyword()
                + (e.getProperty() == null ? "" : " " + e.getProperty())).distinct().toList();
    }

    private static String mutate(String text, String from, String to, String what) {
        assertTrue(text.contains(from), what + ": the fixture no longer contains " + from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
