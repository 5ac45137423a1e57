package io.kbguide.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries, enforced: the engine and the text understanding import no framework (so any channel
 * can use them and they test in milliseconds); packages form no cycle; HTTP resources live in the REST channel
 * only.
 */
class BoundariesTest {

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kbguide");
    }

    @Test
    void shouldKeepTheEngineAndTheTextUnderstandingFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("io.kbguide.engine..", "io.kbguide.text..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ws..", "io.quarkus..",
                        "io.vertx..", "org.eclipse.microprofile..", "io.smallrye..")
                .because("the engine and the text understanding are pure Java, shared by every channel")
                .check(main);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.kbguide.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void shouldKeepHttpResourcesInTheRestChannel() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().resideInAPackage("io.kbguide.rest")
                .because("a channel is a thin adapter; the services below it know nothing of HTTP resources")
                .check(main);
        noClasses().that().resideInAnyPackage("io.kbguide.engine..", "io.kbguide.text..", "io.kbguide.kb..",
                        "io.kbguide.render..")
                .should().dependOnClassesThat().resideInAPackage("io.kbguide.rest..")
                .check(main);
    }

    @Test
    void shouldLetTheKbThrowDomainErrorsNotHttpProblems() {
        noClasses().that().resideInAnyPackage("io.kbguide.kb..", "io.kbguide.engine..", "io.kbguide.text..")
                .should().dependOnClassesThat().resideInAPackage("io.kbguide.problem..")
                .because("HTTP problems are made at the REST edge, from domain exceptions")
                .check(main);
    }
}
