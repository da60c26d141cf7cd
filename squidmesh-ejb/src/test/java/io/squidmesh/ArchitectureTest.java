package io.squidmesh;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.squidmesh.runtime.internal.InCallersTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DESIGN §2's dependency rules for the engine, checked on its compiled classes: authoring is pure, the engine
 * knows no concrete executor and no HTTP, the public API and the SPI expose no internals, persistence sits below
 * the runtime; and, inside the runtime, the feature packages lean only the ways their package documentation says.
 */
class ArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.squidmesh");
    }

    @Test
    void authoringIsPure() {
        noClasses().that().resideInAPackage("io.squidmesh.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("io.squidmesh.runtime..",
                        "io.squidmesh.persistence..", "io.squidmesh.executor..", "jakarta.persistence..",
                        "jakarta.transaction..", "jakarta.ejb..", "jakarta.jms..")
                .because("authoring types are pure: no persistence, no runtime (DESIGN §2)")
                .check(engine);
    }

    @Test
    void theEngineKnowsNoConcreteExecutorAndNoHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.squidmesh.jms..", "io.squidmesh.web..",
                        "jakarta.jms..", "jakarta.ws.rs..", "jakarta.servlet..")
                .because("the engine knows no concrete executor and no HTTP (DESIGN §2)")
                .check(engine);
    }

    @Test
    void thePublicApiAndTheSpiExposeNoInternals() {
        noClasses().that().resideInAnyPackage("io.squidmesh", "io.squidmesh.executor..", "io.squidmesh.tools..")
                .should().dependOnClassesThat().resideInAnyPackage("io.squidmesh.runtime.internal..",
                        "io.squidmesh.persistence..", "io.squidmesh.workflow.internal..")
                .because("what a host application touches does not lead into the engine's internals")
                .check(engine);
    }

    @Test
    void persistenceSitsBelowTheRuntime() {
        noClasses().that().resideInAPackage("io.squidmesh.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.squidmesh.runtime..")
                .because("entities and stores are used by the runtime, never the reverse")
                .check(engine);
    }

    private static final String INTERNAL = "io.squidmesh.runtime.internal.";

    @Test
    void theReadModelNeitherDeliversNorActs() {
        noClasses().that().resideInAPackage(INTERNAL + "query..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "delivery..", INTERNAL + "operator..",
                        INTERNAL + "compensation..", INTERNAL + "cron..")
                .orShould().dependOnClassesThat().haveSimpleName("Dispatcher")
                .orShould().dependOnClassesThat().haveSimpleName("RunTransitions")
                .because("reading runs and explaining them changes nothing (the query package)")
                .check(engine);
    }

    @Test
    void definitionsKnowNoFeature() {
        noClasses().that().resideInAPackage(INTERNAL + "definition..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "delivery..", INTERNAL + "waiting..",
                        INTERNAL + "recovery..", INTERNAL + "compensation..", INTERNAL + "operator..",
                        INTERNAL + "query..", INTERNAL + "cron..")
                .because("deployed definitions are what every feature reads; they read no feature")
                .check(engine);
    }

    @Test
    void deliveryKnowsNoOperatorNorReadModel() {
        noClasses().that().resideInAPackage(INTERNAL + "delivery..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + "operator..", INTERNAL + "query..",
                        INTERNAL + "cron..")
                .because("a delivery moves its run on by itself: operator actions and reads sit beside it, not below")
                .check(engine);
    }

    @Test
    void whatQueuesOrMovesARunDoesSoInItsCallersTransaction() {
        classes().that().resideInAPackage("io.squidmesh.runtime.internal..")
                .and().areAnnotatedWith(ApplicationScoped.class)
                .and(describe("queue work or move runs", ArchitectureTest::queuesOrMovesRuns))
                .should().beAnnotatedWith(InCallersTransaction.class)
                .because("a run's state and the message it implies commit together (DESIGN G1): a bean that queues"
                        + " work or moves a run must not run outside the transaction that locked it")
                .check(engine);
    }

    private static boolean queuesOrMovesRuns(JavaClass bean) {
        return bean.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getFullName())
                .anyMatch(target -> target.equals(INTERNAL + "Dispatcher") || target.equals(INTERNAL + "RunTransitions"));
    }
}
