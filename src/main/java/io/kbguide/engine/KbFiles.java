package io.kbguide.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way kb files are read, shared by every kb reader (flow, article Markdown, golden cases, language):
 * text as UTF-8, YAML with Jackson, and every error a {@link KbException} naming the file and, for YAML, the
 * line and column.
 */
public final class KbFiles {

    /** YAML to records, refusing unknown fields (a misspelt key is an error, not a silent default). */
    private static final ObjectMapper STRICT = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** YAML to a tree, for files whose readers check the fields themselves. */
    private static final ObjectMapper TREE = JsonMapper.builder(new YAMLFactory()).build();

    private KbFiles() {
    }

    /**
     * A file's text.
     *
     * @param name the file's name for messages, relative to the kb directory
     */
    public static String read(Path path, String name) {
        if (!Files.isRegularFile(path)) {
            throw new KbException(name, "file not found");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KbException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** YAML text read into a record type; unknown fields are refused. */
    public static <T> T yaml(String name, String text, Class<T> type) {
        try {
            return STRICT.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new KbException(name, describe(e), e);
        }
    }

    /** YAML text as a tree. */
    public static JsonNode yamlTree(String name, String text) {
        try {
            return TREE.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new KbException(name, "not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A Jackson error as a kb author reads it: where, and what, without Java class names. */
    public static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
        return where + e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", "")
                .replaceAll("\\s*\\(for Object starting at.*", "");
    }
}
