package org.hmcflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The boundaries a new engineer can rely on, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hmcflow");

    @Test
    void engineServicesAreCalledOnlyBehindTheWorkflowSeam() {
        // Camunda 7 CE has reached its end of life: engine services stay in shared.workflow (and the security
        // bridge), so moving to its successor touches those packages, not every capability.
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.hmcflow.shared.workflow..", "org.hmcflow.shared.security..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.TaskService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RepositoryService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.ManagementService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.HistoryService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.FormService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.AuthorizationService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.ProcessEngine");
        rule.check(MAIN);
    }

    @Test
    void nothingReadsTheWallClock() {
        // Time is data: deadlines and audit stamps come from the injected Clock, which follows the engine clock.
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(java.util.Date.class)
                .check(MAIN);
    }

    @Test
    void repositoriesStayInsideTheirCapability() {
        // Another capability goes through the owner's service, which keeps its invariants and writes the audit trail.
        for (String capability : new String[] {"hazard", "permit", "selfinspection", "enterprise", "department", "user", "audit",
                "escalation", "inspection", "enforcement", "credit"}) {
            noClasses().that().resideOutsideOfPackage("org.hmcflow." + capability + "..")
                    .should().dependOnClassesThat(DescribedPredicate.and(
                            resideInAPackage("org.hmcflow." + capability + ".."), assignableTo(Repository.class)))
                    .check(MAIN);
        }
    }

    @Test
    void sharedPackagesDoNotDependOnLifecycles() {
        noClasses().that().resideInAPackage("org.hmcflow.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hmcflow.hazard..", "org.hmcflow.selfinspection..",
                        "org.hmcflow.permit..", "org.hmcflow.portal..")
                .check(MAIN);
    }
}
