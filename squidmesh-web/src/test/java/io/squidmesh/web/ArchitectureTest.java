package io.squidmesh.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN §2: the operator web uses the public facade and the authoring API only, never the engine's internals. */
class ArchitectureTest {

    @Test
    void theWebUsesThePublicApiOnly() {
        JavaClasses web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.squidmesh.web");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.squidmesh.runtime..",
                        "io.squidmesh.persistence..", "io.squidmesh.workflow.internal..", "io.squidmesh.executor..")
                .because("the web module uses the public facade and authoring API only (DESIGN §2)")
                .check(web);
    }
}
