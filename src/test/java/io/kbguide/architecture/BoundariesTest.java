package io.kbguide.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The README's Layout, enforced: which layer may use which (bottom to top: the pure core, the kb, the services, the
 * problem mapping, the HTTP edge, the API contract, the channels), the pure core free of frameworks, no package
 * cycles, and HTTP resources in the channels only.
 */
class BoundariesTest {

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kbguide");
    }

    @Test
    void shouldFollowTheLayoutInTheReadme() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Engine").definedBy("io.kbguide.engine..")
                .layer("Text").definedBy("io.kbguide.text..")
                .layer("Present").definedBy("io.kbguide.present..")
                .layer("Answers").definedBy("io.kbguide.answers..")
                .layer("Dialogue").definedBy("io.kbguide.dialogue..")
                .layer("Kb").definedBy("io.kbguide.kb..")
                .layer("Services").definedBy("io.kbguide.article..", "io.kbguide.diagnosis..",
                        "io.kbguide.conversation..", "io.kbguide.render..")
                .layer("Ops").definedBy("io.kbguide.ops..")
                .layer("Problem").definedBy("io.kbguide.problem..")
                .layer("Edge").definedBy("io.kbguide.edge..")
                .layer("Contract").definedBy("io.kbguide.api..")
                .layer("Channels").definedBy("io.kbguide.rest..", "io.kbguide.slack..", "io.kbguide.web..",
                        "io.kbguide.webhook..")
                .layer("Entry").definedBy("io.kbguide")
                .whereLayer("Engine").mayNotAccessAnyLayer()
                .whereLayer("Text").mayOnlyAccessLayers("Engine")
                .whereLayer("Present").mayOnlyAccessLayers("Engine", "Answers")
                .whereLayer("Answers").mayOnlyAccessLayers("Engine")
                .whereLayer("Dialogue").mayOnlyAccessLayers("Engine", "Text", "Answers")
                .whereLayer("Kb").mayOnlyAccessLayers("Engine", "Text", "Answers", "Dialogue")
                .whereLayer("Services").mayOnlyAccessLayers("Engine", "Text", "Present", "Answers", "Dialogue",
                        "Kb", "Problem")
                .whereLayer("Ops").mayOnlyAccessLayers("Engine", "Answers", "Dialogue", "Kb")
                .whereLayer("Problem").mayOnlyAccessLayers("Engine", "Kb", "Ops")
                .whereLayer("Edge").mayOnlyAccessLayers("Ops", "Problem")
                .whereLayer("Contract").mayNotBeAccessedByAnyLayer()
                .whereLayer("Channels").mayOnlyBeAccessedByLayers("Channels", "Contract")
                .because("README.md, Layout: each layer uses only the layers below it")
                .check(main);
    }

    @Test
    void shouldKeepTheEngineTheTextUnderstandingAndTheDialogueFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("io.kbguide.engine..", "io.kbguide.text..", "io.kbguide.dialogue..",
                        "io.kbguide.present..", "io.kbguide.answers..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ws..", "io.quarkus..",
                        "io.vertx..", "org.eclipse.microprofile..", "io.smallrye..")
                .because("the engine, the text understanding, the dialogue and the answer's words are pure Java,"
                        + " shared by every channel")
                .check(main);
    }

    @Test
    void shouldLetKbCheckRunWithoutTheFramework() {
        classes().that().belongToAnyOf(io.kbguide.kb.KbCheck.class, io.kbguide.kb.KbLoader.class,
                        io.kbguide.kb.KbTables.class)
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..",
                        "io.kbguide.engine..", "io.kbguide.text..", "io.kbguide.dialogue..", "io.kbguide.answers..")
                        .or(JavaClass.Predicates.belongToAnyOf(io.kbguide.kb.KbCheck.class,
                                io.kbguide.kb.KbLoader.class, io.kbguide.kb.KbTables.class)))
                .because("kb check and the build of the kb's tables verify a kb with the start-up's own code, as plain Java programs: what it uses"
                        + " is pure Java (the packages above are checked to be)")
                .check(main);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.kbguide.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void shouldKeepHttpResourcesInTheChannels() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideInAnyPackage("io.kbguide.rest", "io.kbguide.slack", "io.kbguide.web")
                .because("a channel is a thin adapter; the services below it know nothing of HTTP resources")
                .check(main);
        noClasses().that().resideOutsideOfPackages("io.kbguide.rest..", "io.kbguide.slack..", "io.kbguide.web..",
                        "io.kbguide.problem..", "io.kbguide.edge..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("REST types belong to the channels and the HTTP edge; the layers below serve every channel")
                .check(main);
    }
}
