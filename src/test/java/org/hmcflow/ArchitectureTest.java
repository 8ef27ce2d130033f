package org.hmcflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The boundaries a new engineer can rely on, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hmcflow");

    private static final String PERMIT = "org.hmcflow.permit";
    /** The permit packages, bottom first; the graph is drawn in org.hmcflow.permit's package-info. */
    private static final List<String> PERMIT_PACKAGES = List.of("application", "issued", "report", "afterissue");

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
                "escalation", "inspection", "enforcement", "credit", "review"}) {
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

    @Test
    void theMultiPartyReviewDependsOnNoLifecycleAndMakesPublicExactlyTheTypesItsPackageInfoLists() throws IOException {
        // lifecycles call the review (the permit's joint review, later cleaner production, relocation, plans), never
        // the other way round: what happens to a party reaches the case's owner as a ReviewChanged event
        noClasses().that().resideInAPackage("org.hmcflow.review..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hmcflow.permit..", "org.hmcflow.hazard..",
                        "org.hmcflow.inspection..", "org.hmcflow.enforcement..", "org.hmcflow.selfinspection..",
                        "org.hmcflow.portal..")
                .check(MAIN);
        Pattern link = Pattern.compile("\\{@link (\\w+)}");
        String doc = Files.readString(Path.of("src/main/java/org/hmcflow/review/package-info.java"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("<h2>Public types</h2>"));
        section = section.substring(0, section.indexOf("</ul>"));
        Set<String> listed = link.matcher(section).results().map(m -> m.group(1)).collect(toSet());
        Set<String> published = MAIN.stream().filter(c -> c.getPackageName().startsWith("org.hmcflow.review"))
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName).collect(toSet());
        assertThat(published).as("public types of org.hmcflow.review, as its package-info lists them")
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void permitPackagesAreFreeOfCycles() {
        slices().matching(PERMIT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void permitPackagesDependOnlyDownTheirGraph() {
        // after-issue and reports → issued permit → application; the application asks the packages above through
        // interfaces they implement (IssuedPermits, BarredApplicants), and the events live in the issued permit
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy(PERMIT + ".application..")
                .layer("issued").definedBy(PERMIT + ".issued..")
                .layer("report").definedBy(PERMIT + ".report..")
                .layer("afterissue").definedBy(PERMIT + ".afterissue..")
                .whereLayer("afterissue").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayNotBeAccessedByAnyLayer()
                .whereLayer("issued").mayOnlyBeAccessedByLayers("report", "afterissue")
                .whereLayer("application").mayOnlyBeAccessedByLayers("issued", "report", "afterissue")
                .check(MAIN);
        // nor does anything outside the permit packages reach into the top two
        for (String top : List.of("report", "afterissue")) {
            noClasses().that().resideOutsideOfPackage(PERMIT + "." + top + "..")
                    .should().dependOnClassesThat().resideInAPackage(PERMIT + "." + top + "..")
                    .check(MAIN);
        }
        // the root package only holds the map
        noClasses().that().doNotHaveSimpleName("package-info").should().resideInAPackage(PERMIT).check(MAIN);
    }

    @Test
    void eachPermitPackageMakesPublicExactlyTheTypesItsPackageInfoLists() throws IOException {
        // the list under "Public types" says why each is public; a type made public without a reason fails here
        Pattern link = Pattern.compile("\\{@link (\\w+)}");
        for (String name : PERMIT_PACKAGES) {
            String doc = Files.readString(Path.of("src/main/java/org/hmcflow/permit", name, "package-info.java"),
                    StandardCharsets.UTF_8);
            String section = doc.substring(doc.indexOf("<h2>Public types</h2>"));
            section = section.substring(0, section.indexOf("</ul>"));
            Set<String> listed = link.matcher(section).results().map(m -> m.group(1)).collect(toSet());
            Set<String> published = MAIN.stream()
                    .filter(c -> c.getPackageName().equals(PERMIT + "." + name)
                            || c.getPackageName().startsWith(PERMIT + "." + name + "."))
                    .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                    .map(JavaClass::getSimpleName).collect(toSet());
            assertThat(published).as("public types of %s.%s, as its package-info lists them", PERMIT, name)
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }
}
