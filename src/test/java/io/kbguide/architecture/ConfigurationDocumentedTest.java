package io.kbguide.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every {@code kbguide.*} key the service reads (a {@code @ConfigMapping} method or a {@code @ConfigProperty}) is
 * documented in the README's tables, and the README documents no key the service no longer reads.
 */
class ConfigurationDocumentedTest {

    private static final Pattern KEY_CELL = Pattern.compile("^\\|\\s*([^|]+)\\|", Pattern.MULTILINE);
    private static final Pattern FULL = Pattern.compile("`(kbguide\\.[a-z0-9.-]+)`");
    private static final Pattern SHORT = Pattern.compile("`(\\.[a-z0-9-]+)`");

    @Test
    void shouldDocumentEveryKeyTheServiceReadsAndNoOther() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kbguide");
        Set<String> read = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.isAnnotatedWith(ConfigMapping.class)) {
                String prefix = c.getAnnotationOfType(ConfigMapping.class).prefix();
                for (JavaMethod m : c.getMethods()) {
                    if (m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                        read.add(prefix + "." + kebab(m.getName())); // a default method reads no key
                    }
                }
            }
            for (JavaField f : c.getFields()) {
                if (f.isAnnotatedWith(ConfigProperty.class)) {
                    add(read, f.getAnnotationOfType(ConfigProperty.class).name());
                }
            }
            // constructor and method parameters (@ConfigProperty on an injected parameter)
            for (com.tngtech.archunit.core.domain.JavaCodeUnit u : c.getCodeUnits()) {
                for (com.tngtech.archunit.core.domain.JavaParameter p : u.getParameters()) {
                    if (p.isAnnotatedWith(ConfigProperty.class)) {
                        add(read, p.getAnnotationOfType(ConfigProperty.class).name());
                    }
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher cell = KEY_CELL.matcher(Files.readString(Path.of("README.md")));
        while (cell.find()) {
            String text = cell.group(1);
            Matcher full = FULL.matcher(text);
            String last = null;
            while (full.find()) {
                last = full.group(1);
                documented.add(last);
            }
            if (last != null) {
                String parent = last.substring(0, last.lastIndexOf('.'));
                Matcher shorthand = SHORT.matcher(text);
                while (shorthand.find()) {
                    documented.add(parent + shorthand.group(1));
                }
            }
        }
        assertEquals(read, documented, "keys read by the service vs keys in the README's tables");
    }

    private static void add(Set<String> keys, String name) {
        if (name.startsWith("kbguide.")) {
            keys.add(name);
        }
    }

    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
