package org.hmcflow.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;

/** The checklist ships with the application, and a checklist an administrator got wrong stops the start. */
class SelfInspectionChecklistTest {

    static final String SMALL = """
            items:
              - code: WASTEWATER_TREATMENT
                kinds: [ROUTINE, COMPREHENSIVE]
                zh: 废水处理设施正常运行
                en: Wastewater treatment runs
              - code: HAZARDOUS_WASTE_STORAGE
                kinds: [ROUTINE, COMPREHENSIVE]
                zh: 危险废物贮存规范
                en: Hazardous waste stored properly
              - code: EMERGENCY_PLAN
                kinds: [COMPREHENSIVE]
                zh: 应急预案已备案
                en: Emergency plan filed
                basis: test
            """;

    @Test
    void theShippedChecklistCoversBothKinds() {
        SelfInspectionChecklist checklist = new SelfInspectionChecklist(new DefaultResourceLoader(),
                SelfInspectionChecklist.DEFAULT_LOCATION);
        assertThat(checklist.itemsOf(SelfInspectionKind.ROUTINE)).hasSizeBetween(8, 14);
        assertThat(checklist.itemsOf(SelfInspectionKind.COMPREHENSIVE)).hasSizeBetween(10, 14)
                .containsAll(checklist.itemsOf(SelfInspectionKind.ROUTINE));
        assertThat(checklist.all()).extracting(ChecklistItem::code)
                .contains("WASTEWATER_TREATMENT", "FIRST_FLUSH_RAINWATER", "FUGITIVE_EMISSION_CAPTURE",
                        "HAZARDOUS_WASTE_STORAGE", "ONLINE_MONITORING", "EMERGENCY_POOL", "EMERGENCY_PLAN", "TAILINGS_POND");
        assertThat(checklist.find("HAZARDOUS_WASTE_STORAGE")).get()
                .satisfies(i -> assertThat(i.zh()).contains("危险废物贮存"))
                .satisfies(i -> assertThat(i.en()).containsIgnoringCase("hazardous-waste"));
        assertThat(checklist.find("EMERGENCY_PLAN").orElseThrow().appliesTo(SelfInspectionKind.ROUTINE)).isFalse();
    }

    @Test
    void aSmallChecklistKeepsFileOrder() {
        SelfInspectionChecklist checklist = SelfInspectionChecklist.fromYaml("test.yaml", SMALL);
        assertThat(checklist.itemsOf(SelfInspectionKind.ROUTINE)).extracting(ChecklistItem::code)
                .containsExactly("WASTEWATER_TREATMENT", "HAZARDOUS_WASTE_STORAGE");
        assertThat(checklist.find("EMERGENCY_PLAN").orElseThrow().basis()).isEqualTo("test");
        assertThat(checklist.find("NOPE")).isEmpty();
        assertThat(checklist.find(null)).isEmpty();
    }

    @Test
    void anUnknownKindNamesFileAndLine() {
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", SMALL.replace("[COMPREHENSIVE]", "[YEARLY]")))
                .isInstanceOf(ChecklistException.class)
                .hasMessageContaining("test.yaml, line 11")
                .hasMessageContaining("unknown kind 'YEARLY' of EMERGENCY_PLAN");
    }

    @Test
    void aCodeUsedTwiceNamesBothLines() {
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml",
                SMALL.replace("code: HAZARDOUS_WASTE_STORAGE", "code: WASTEWATER_TREATMENT")))
                .isInstanceOf(ChecklistException.class)
                .hasMessageContaining("line 6")
                .hasMessageContaining("WASTEWATER_TREATMENT appears twice (first at line 2)");
    }

    @Test
    void aMissingTranslationIsRefused() {
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml",
                SMALL.replace("    en: Emergency plan filed\n", "")))
                .isInstanceOf(ChecklistException.class)
                .hasMessageContaining("an item has no 'en'");
    }

    @Test
    void aBadCodeATypoInAKeyAndAKindWithoutItemsAreRefused() {
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", SMALL.replace("EMERGENCY_PLAN", "emergency plan")))
                .hasMessageContaining("code 'emergency plan' must be");
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", SMALL.replace("basis:", "basics:")))
                .hasMessageContaining("unknown key 'basics'");
        String routineOnly = SMALL.replace("[ROUTINE, COMPREHENSIVE]", "[ROUTINE]").replace("[COMPREHENSIVE]", "[ROUTINE]");
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", routineOnly))
                .hasMessageContaining("no item for COMPREHENSIVE");
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", ""))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", "items: [unclosed\n"))
                .isInstanceOf(ChecklistException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aTitleLongerThanAHazardTitleIsRefused() {
        String longText = "很".repeat(SelfInspectionChecklist.MAX_TEXT + 1);
        assertThatThrownBy(() -> SelfInspectionChecklist.fromYaml("test.yaml", SMALL.replace("应急预案已备案", longText)))
                .hasMessageContaining("zh of EMERGENCY_PLAN has 201 characters");
    }

    @Test
    void theApplicationDoesNotStartWithABadChecklist(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("self-inspection.yaml");
        Files.writeString(file, SMALL.replace("[ROUTINE, COMPREHENSIVE]", "[ROUTINE, MONTHLY]"), StandardCharsets.UTF_8);
        new ApplicationContextRunner()
                .withBean(SelfInspectionChecklist.class)
                .withPropertyValues("hmc.self-inspection.checklist=file:" + file)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(ChecklistException.class)
                        .hasMessageContaining(file + ", line 3")
                        .hasMessageContaining("unknown kind 'MONTHLY' of WASTEWATER_TREATMENT"));
        new ApplicationContextRunner()
                .withBean(SelfInspectionChecklist.class)
                .withPropertyValues("hmc.self-inspection.checklist=file:" + dir.resolve("missing.yaml"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("missing.yaml not found"));
    }
}
