package io.kbguide.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.kbguide.engine.KbException;
import io.kbguide.engine.KbFiles;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shape of a {@code language.yaml}, one record per mapping, bound by Jackson; an unknown key is refused. An
 * absent key, or one with nothing after it, is null. {@link LanguageReader} checks the records against the
 * article and builds the {@link Language}. The format is described at the top of the seed article's language.yaml.
 */
final class LanguageFile {

    /** Binds a YAML tree; a text is as the tree holds it (a number as Jackson writes it, yes or no as true/false). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private LanguageFile() {
    }

    record Root(String article, Cues cues, Map<String, Fact> facts, Extractors extractors,
            Map<String, String> doubts, Map<String, String> ignored, Languages languages) {
    }

    /** {@code window} is kept as written, to be checked for a whole number from 1 to 20. */
    record Cues(JsonNode window, List<String> negations, List<String> negatedAfter, List<String> past,
            List<String> hedges, List<String> questions, List<String> hedgeBreaks, List<String> scopeBreaks,
            List<String> fillers, List<String> future, List<String> history, List<String> aboutAfter,
            List<String> servers, List<String> allServers, List<String> pendingRestart, List<String> restarted,
            List<String> changes, List<String> noAnswer, List<String> foreign, List<String> corrections) {
    }

    /** {@code restartSensitive} is kept as written: true (or yes) is true, anything else false. */
    record Fact(List<String> ignore, Map<String, Value> values, Map<String, String> negated,
            Map<String, List<String>> refines, List<Rejection> rejections, List<String> topics,
            List<DoubtWords> doubts, Attribution attribution, JsonNode restartSensitive, List<String> labels) {
    }

    record Value(List<String> phrases, List<String> patterns, List<String> answers, List<String> answerPatterns) {
    }

    record Rejection(List<String> phrases, List<String> patterns, String reason) {
    }

    record DoubtWords(String doubt, List<String> phrases, List<String> patterns) {
    }

    record Attribution(String owner, List<String> ownerValues, List<String> others) {
    }

    record Extractors(List<SystemInfoField> systeminfo, List<RegistryValue> registry, List<BootSwitch> bootSwitch,
            List<ProductVersion> versions) {
    }

    record SystemInfoField(String field, List<String> aliases, List<FieldRule> rules) {
    }

    record FieldRule(String match, Map<String, String> set, Map<String, String> reject) {
    }

    record RegistryValue(String value, String key, String fact, String type, String zero, String nonzero,
            String absent, String wrongType, String badData) {
    }

    record BootSwitch(String fact, @JsonProperty("switch") String switchName, String present, String absent) {
    }

    record ProductVersion(String fact, List<String> products, List<String> exclude, String incomplete) {
    }

    record Languages(List<String> terms, List<String> english, Map<String, Pack> packs) {
    }

    record Pack(String name, List<String> markers, Map<String, String> words, Map<String, String> spellings) {
    }

    /**
     * Binds the file's tree. A key the records do not know, or an entry of the wrong kind, fails with the entry's
     * path ({@code facts.threeGb.values.yes.phrase: unknown key 'phrase' (expected one of [...])}).
     */
    static Root bind(String fileName, JsonNode root) {
        try {
            return MAPPER.treeToValue(root, Root.class);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
            throw new KbException(fileName, path(e) + ": unknown key '" + e.getPropertyName() + "' (expected one of "
                    + known + ")", e);
        } catch (MismatchedInputException e) {
            Class<?> target = e.getTargetType();
            String expected = target == String.class ? "a text"
                    : target != null && List.class.isAssignableFrom(target) ? "a list" : "a mapping";
            throw new KbException(fileName, path(e) + ": expected " + expected, e);
        } catch (JsonProcessingException e) {
            throw new KbException(fileName, KbFiles.describe(e), e);
        }
    }

    /** A mapping written with nothing in it ({@code os:} alone) is the empty mapping: every key absent. */
    static <T> T orEmpty(T entry, Class<T> type) {
        return entry != null ? entry : MAPPER.convertValue(Map.of(), type);
    }

    /** {@code facts.os.values.windows-2003.patterns[2]}: the place of a Jackson error in the file. */
    private static String path(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
        }
        return path.toString();
    }
}
