package io.kbguide.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.kbguide.engine.Article;
import io.kbguide.engine.KbException;
import io.kbguide.engine.KbReader;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TEMPORARY: the records reader and the old tree-walking parser agree. Removed with the old parser. */
class LanguageRecordsAgreementTest {

    static final Article ARTICLE = new KbReader().read(Path.of("kb/heartbeat-registry-driver"));
    static final YAMLMapper YAML = new YAMLMapper();

    /** The outcome of one parser: the language, described field by field, or the failure's file and message. */
    static String outcome(boolean old, String name, String text) {
        try {
            LanguageReader r = new LanguageReader();
            return describe(old ? r.parseOld(name, text, ARTICLE) : r.parse(name, text, ARTICLE));
        } catch (KbException e) {
            return "FAIL " + e.file() + " | " + e.getMessage();
        }
    }

    static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Pattern p) {
            return "/" + p.pattern() + "/" + p.flags();
        }
        if (o instanceof Enum<?> e) {
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (o instanceof Record r) {
            StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    sb.append(c.getName()).append('=').append(describe(c.getAccessor().invoke(r))).append(", ");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sb.append(')').toString();
        }
        if (o instanceof Map<?, ?> m) {
            boolean ordered = m instanceof LinkedHashMap || m instanceof EnumMap;
            Map<String, String> out = ordered ? new LinkedHashMap<>() : new TreeMap<>();
            m.forEach((k, v) -> out.put(describe(k), describe(v)));
            return (ordered ? "linked" : "") + out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(LanguageRecordsAgreementTest::describe).toList().toString();
        }
        if (o instanceof Collection<?> c) {
            boolean ordered = c instanceof LinkedHashSet;
            Stream<String> s = c.stream().map(LanguageRecordsAgreementTest::describe);
            return (ordered ? "linked" + s.toList() : s.sorted().toList().toString());
        }
        if (o.getClass().getName().startsWith("io.kbguide.") && !(o instanceof String)) {
            StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append('{');
            for (Field f : o.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    sb.append(f.getName()).append('=').append(describe(f.get(o))).append(", ");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sb.append('}').toString();
        }
        return o.getClass().getSimpleName() + ":" + o;
    }

    @Test
    void shouldAgreeOnEveryShippedAndFixtureFile() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("kb/heartbeat-registry-driver/language.yaml")));
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/broken-language"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path p : files) {
            texts.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        texts.put("inline/another-article", "article: another-article\ncues: {}\nfacts: {}\n");
        int same = 0;
        for (Map.Entry<String, String> t : texts.entrySet()) {
            String before = outcome(true, t.getKey(), t.getValue());
            String after = outcome(false, t.getKey(), t.getValue());
            System.out.println("AGREE? " + before.equals(after) + " " + t.getKey() + " -> "
                    + (before.length() > 200 ? before.substring(0, 200) + "... (" + before.length() + " chars)"
                            : before));
            assertEquals(before, after, t.getKey());
            same++;
        }
        System.out.println("AGREEMENT files: " + same + " of " + texts.size());
    }

    @Test
    void shouldAgreeOnSingleFaults() throws Exception {
        String shipped = Files.readString(Path.of("kb/heartbeat-registry-driver/language.yaml"));
        JsonNode root = YAML.readTree(shipped);
        List<String[]> cases = new ArrayList<>(); // description, text
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> replacements = List.of(f.textNode("x"), f.textNode(""), f.numberNode(7), f.numberNode(2.50),
                f.booleanNode(true), f.nullNode(), f.arrayNode(), f.objectNode(), f.arrayNode().add("x"),
                f.arrayNode().addNull(), f.objectNode().put("bogus", "x"));
        visit(root, "", (where, parentAndKey) -> {
        }, (path, mutate) -> {
            for (JsonNode r : replacements) {
                cases.add(new String[] {path + " := " + r, mutate.apply(r)});
            }
        }, root);
        // unknown keys and removed keys in every mapping
        visitObjects(root, "", (path, obj) -> {
            ObjectNode copy = obj.deepCopy();
            obj.put("bogus", "x");
            cases.add(new String[] {path + " + bogus", write(root)});
            obj.removeAll();
            obj.setAll(copy);
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String n : sample(names)) {
                ObjectNode before = obj.deepCopy();
                obj.remove(n);
                cases.add(new String[] {path + " - " + n, write(root)});
                obj.removeAll();
                obj.setAll(before);
            }
        });
        int same = 0;
        List<String> differ = new ArrayList<>();
        for (String[] c : cases) {
            String before = outcome(true, "x/language.yaml", c[1]);
            String after = outcome(false, "x/language.yaml", c[1]);
            if (before.equals(after)) {
                same++;
            } else {
                differ.add(c[0] + "\n    old: " + cut(before) + "\n    new: " + cut(after));
            }
        }
        System.out.println("AGREEMENT mutations: " + same + " of " + cases.size() + " agree; differ: "
                + differ.size());
        differ.forEach(d -> System.out.println("DIFFER " + d));
    }

    static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static String write(JsonNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> List<T> sample(List<T> items) {
        if (items.size() <= 25) {
            return items;
        }
        return List.of(items.get(0), items.get(1), items.get(2), items.get(items.size() - 1));
    }

    interface Mutator {
        void accept(String path, java.util.function.Function<JsonNode, String> mutate);
    }

    /** Every child of every container (sampled), offered for replacement by a node; the text is the whole file. */
    static void visit(JsonNode node, String path, java.util.function.BiConsumer<String, Object> unused, Mutator m,
            JsonNode root) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : sample(names)) {
                String p = path.isEmpty() ? n : path + "." + n;
                JsonNode child = o.get(n);
                m.accept(p, r -> {
                    o.set(n, r);
                    String t = write(root);
                    o.set(n, child);
                    return t;
                });
                visit(child, p, unused, m, root);
            }
        } else if (node instanceof ArrayNode a) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                idx.add(i);
            }
            for (int i : sample(idx).stream().distinct().toList()) {
                String p = path + "[" + i + "]";
                JsonNode child = a.get(i);
                m.accept(p, r -> {
                    a.set(i, r);
                    String t = write(root);
                    a.set(i, child);
                    return t;
                });
                visit(child, p, unused, m, root);
            }
        }
    }

    static void visitObjects(JsonNode node, String path, java.util.function.BiConsumer<String, ObjectNode> each) {
        if (node instanceof ObjectNode o) {
            each.accept(path, o);
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : sample(names)) {
                visitObjects(o.get(n), path.isEmpty() ? n : path + "." + n, each);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (i < 3 || i == a.size() - 1) {
                    visitObjects(a.get(i), path + "[" + i + "]", each);
                }
            }
        }
    }
}
