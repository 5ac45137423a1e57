package io.kbguide.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries, enforced: the engine, the text understanding and the dialogue core import no framework
 * (so any channel can use them and they test in milliseconds); packages form no cycle; HTTP resources and JAX-RS
 * types live in the REST channel (and its problem mapping) only.
 */
class BoundariesTest {

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kbguide");
    }

    @Test
    void shouldKeepTheEngineTheTextUnderstandingAndTheDialogueFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("io.kbguide.engine..", "io.kbguide.text..", "io.kbguide.dialogue..",
                        "io.kbguide.present..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ws..", "io.quarkus..",
                        "io.vertx..", "org.eclipse.microprofile..", "io.smallrye..")
                .because("the engine, the text understanding, the dialogue and the answer's words are pure Java,"
                        + " shared by every channel")
                .check(main);
    }

    @Test
    void shouldLetKbCheckRunWithoutTheFramework() {
        classes().that().belongToAnyOf(io.kbguide.kb.KbCheck.class, io.kbguide.kb.KbLoader.class)
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..",
                        "io.kbguide.engine..", "io.kbguide.text..", "io.kbguide.dialogue..")
                        .or(JavaClass.Predicates.belongToAnyOf(io.kbguide.kb.KbCheck.class,
                                io.kbguide.kb.KbLoader.class)))
                .because("kb check verifies a kb with the start-up's own code, as a plain Java program: what it uses"
                        + " is pure Java (the packages above are checked to be)")
                .check(main);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.kbguide.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void shouldKeepHttpResourcesInTheRestChannel() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideInAnyPackage("io.kbguide.rest", "io.kbguide.slack", "io.kbguide.web")
                .because("a channel is a thin adapter; the services below it know nothing of HTTP resources")
                .check(main);
        noClasses().that().resideInAnyPackage("io.kbguide.engine..", "io.kbguide.text..", "io.kbguide.kb..",
                        "io.kbguide.render..", "io.kbguide.dialogue..", "io.kbguide.conversation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kbguide.rest..", "io.kbguide.slack..")
                .check(main);
        noClasses().that().resideOutsideOfPackages("io.kbguide.rest..", "io.kbguide.slack..", "io.kbguide.web..",
                        "io.kbguide.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("REST types belong to the channels (REST, Slack); the layers below serve every channel")
                .check(main);
    }

    @Test
    void shouldKeepTheDialogueFreeOfChannels() {
        noClasses().that().resideInAPackage("io.kbguide.dialogue..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kbguide.conversation..",
                        "io.kbguide.diagnosis..", "io.kbguide.render..", "io.kbguide.rest..", "io.kbguide.kb..",
                        "io.kbguide.problem..", "io.kbguide.slack..")
                .because("the dialogue is the core every channel adapts; it knows none of them")
                .check(main);
    }

    @Test
    void shouldLetTheKbThrowDomainErrorsNotHttpProblems() {
        noClasses().that().resideInAnyPackage("io.kbguide.kb..", "io.kbguide.engine..", "io.kbguide.text..",
                        "io.kbguide.dialogue..")
                .should().dependOnClassesThat().resideInAPackage("io.kbguide.problem..")
                .because("HTTP problems are made at the REST edge, from domain exceptions")
                .check(main);
    }
}
