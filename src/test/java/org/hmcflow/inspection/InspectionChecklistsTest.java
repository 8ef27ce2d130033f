package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The on-site checklists (config/checklists/inspection-*.yaml) as shipped, and what a bad file does. */
class InspectionChecklistsTest {

    private final InspectionChecklists lists = new InspectionChecklists(InspectionChecklists.DEFAULT_LOCATION);

    @Test
    void oneListPerIndustryGroupOfTheSeedsPlusTheGeneralOne() {
        assertThat(lists.all()).filteredOn(l -> !InspectionChecklists.isPurposeList(l))
                .extracting(InspectionChecklists.Checklist::code).containsExactlyInAnyOrder(
                "LEAD_ACID_BATTERY", "NONFERROUS_SMELTING", "ELECTROPLATING", "TANNING_CHEMICAL", "GENERAL");
        for (InspectionChecklists.Checklist list : lists.all()) {
            if (InspectionChecklists.isPurposeList(list)) {
                continue;
            }
            assertThat(list.items()).as(list.code()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(list.item("PERMIT_HELD")).as(list.code() + " asks for the permit").isPresent();
            assertThat(list.source()).isNotBlank();
            list.items().forEach(i -> {
                assertThat(i.basis()).as(list.code() + "." + i.code() + " legal basis").isNotBlank();
                assertThat(i.zh()).isNotBlank();
                assertThat(i.en()).isNotBlank();
            });
            assertThat(list.needsSampling()).as(list.code() + " has items checked by sampling").isTrue();
        }
    }

    @Test
    void theProductionStoppedPurposeHasItsOwnListWithLegalBasesAndIsNeverAnIndustryList() {
        InspectionChecklists.Checklist list = lists.forPurpose("production-stopped").orElseThrow();
        assertThat(list.code()).isEqualTo("PURPOSE_PRODUCTION_STOPPED");
        assertThat(list.industries()).isEmpty();
        assertThat(list.items()).extracting(InspectionChecklists.Item::code).contains("EQUIPMENT_STOPPED",
                "MATERIALS_CLEARED", "OUTLETS_SEALED");
        assertThat(list.item("EQUIPMENT_STOPPED").orElseThrow().zh()).contains("生产设备已停运");
        assertThat(list.item("OUTLETS_SEALED").orElseThrow().zh()).contains("排污口已封堵");
        list.items().forEach(i -> assertThat(i.basis()).as(i.code()).isNotBlank());
        assertThat(list.source()).contains("环境保护法").contains("土壤污染防治法");
        assertThat(lists.forPurpose("PRODUCTION_STOPPED")).contains(list);
        assertThat(lists.forPurpose("no-such-purpose")).isEmpty();
        assertThat(lists.forPurpose("../x")).isEmpty();
        assertThat(lists.forIndustry("")).extracting(InspectionChecklists.Checklist::code).isEqualTo("GENERAL");
    }

    @Test
    void theDemoEnterprisesIndustriesFindTheirList() {
        assertThat(lists.forIndustry("其他电池制造").code()).isEqualTo("LEAD_ACID_BATTERY");
        assertThat(lists.forIndustry("金属表面处理及热处理加工").code()).isEqualTo("ELECTROPLATING");
        assertThat(lists.forIndustry("镍钴冶炼").code()).isEqualTo("NONFERROUS_SMELTING");
        assertThat(lists.forIndustry("无机酸制造").code()).isEqualTo("TANNING_CHEMICAL");
        assertThat(lists.forIndustry("颜料制造").code()).isEqualTo("TANNING_CHEMICAL");
        assertThat(lists.forIndustry("皮革鞣制加工").code()).isEqualTo("TANNING_CHEMICAL");
        assertThat(lists.forIndustry("木材加工").code()).isEqualTo("GENERAL");
        assertThat(lists.forIndustry(null).code()).isEqualTo("GENERAL");
    }

    @Test
    void aBadFileIsRefusedWithTheFileAndTheProblemNamed() {
        String head = "code: X_LIST\nzh: 表\nen: list\nindustries: [x]\nsource: s\n";
        assertThatThrownBy(() -> InspectionChecklists.parse("inspection-x.yaml", head
                + "items:\n  - {code: A_ITEM, zh: 甲, en: a, basis: b}\n  - {code: A_ITEM, zh: 乙, en: b, basis: b}\n"))
                .hasMessageContaining("inspection-x.yaml").hasMessageContaining("A_ITEM appears twice");
        assertThatThrownBy(() -> InspectionChecklists.parse("inspection-x.yaml", head
                + "items:\n  - {code: A_ITEM, zh: 甲, en: a}\n"))
                .hasMessageContaining("'basis' is required");
        assertThatThrownBy(() -> InspectionChecklists.parse("inspection-x.yaml", head
                + "items:\n  - {code: a-item, zh: 甲, en: a, basis: b}\n"))
                .hasMessageContaining("item code 'a-item'");
        assertThatThrownBy(() -> InspectionChecklists.parse("inspection-x.yaml", head
                + "items:\n  - {code: A_ITEM, zh: 甲, en: a, basis: b, sampling: maybe}\n"))
                .hasMessageContaining("sampling of A_ITEM");
        assertThatThrownBy(() -> InspectionChecklists.parse("inspection-x.yaml", head + "items: []\n"))
                .hasMessageContaining("'items' must be a non-empty list");
        assertThatThrownBy(() -> new InspectionChecklists("classpath*:config/checklists/self-*.yaml"))
                .hasMessageContaining("self-inspection.yaml");
    }
}
