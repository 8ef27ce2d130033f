package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.permit.application.Facts.project;
import static org.hmcflow.permit.application.ProjectType.EXISTING;
import static org.hmcflow.permit.application.ProjectType.EXPANSION;
import static org.hmcflow.permit.application.ProjectType.NEW;
import static org.hmcflow.permit.application.ProjectType.REBUILD;
import static org.hmcflow.permit.application.ProjectType.TECH_UPGRADE;

import java.util.List;
import java.util.stream.Stream;
import org.hmcflow.permit.application.DecisionTableFile.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code processes/permit/permit-admission.dmn} on a standalone DMN engine, fed by {@link AdmissionFacts} as the
 * service feeds the deployed table: the Qingyuan plan's zoned admission rules (二(一)1) and phase-out lists (二(二)1).
 */
class PermitAdmissionTableTest {

    private static final DecisionTableFile TABLE = DecisionTableFile.admission();

    /** The plan's own phase-out list (二(二)1; 附表2 rows 7 and 9). */
    private static final List<String> PHASED_OUT_PROCESSES = List.of("SINTER_BLAST_FURNACE_LEAD",
            "SINTER_POT_BLAST_FURNACE_LEAD", "REVERBERATORY_BLAST_FURNACE_COPPER", "PLATE_TANK_FORMATION",
            "LEAD_CADMIUM_ALLOY_BATTERY", "ARSENIC_AGENT_GLASS", "ARSENIC_AGENT_WOOD_PRESERVATION");

    private static Outcome decide(Facts facts) {
        return TABLE.evaluate(facts.build().admissionInputs());
    }

    private static void assertDecided(Outcome outcome, String row, String verdict, String ruleCode) {
        assertThat(outcome.ruleId()).as("row").isEqualTo(row);
        assertThat(outcome.get(PermitRules.OUT_VERDICT)).as("verdict").isEqualTo(verdict);
        assertThat(outcome.get(PermitRules.OUT_RULE_CODE)).as("rule code").isEqualTo(ruleCode);
    }

    /** One example per row, top to bottom. */
    static Stream<Arguments> oneExamplePerRow() {
        return Stream.of(
                Arguments.of("Rule_PhasedOutProcess", project(NEW).process("PLATE_TANK_FORMATION"),
                        "REFUSE", "PHASED_OUT_PROCESS"),
                Arguments.of("Rule_PhasedOutProductNewCapacity", project(NEW).process("NICKEL_CADMIUM_BATTERY"),
                        "REFUSE", "PHASED_OUT_PRODUCT_NEW_CAPACITY"),
                Arguments.of("Rule_ExistingIncrease", project(EXISTING).adds("0.5"),
                        "REFUSE", "EXISTING_INCREASE_NEEDS_PROJECT"),
                Arguments.of("Rule_KeyAreaNewExpansion", project(NEW).inKeyControlArea().adds("3"),
                        "REFUSE", "KEY_AREA_NEW_EXPANSION"),
                Arguments.of("Rule_KeyAreaUpgradeNetReduction",
                        project(TECH_UPGRADE).inKeyControlArea().raisesOutput().adds("4").regionalReduction("6"),
                        "ADMIT", "KEY_AREA_UPGRADE_NET_REDUCTION"),
                Arguments.of("Rule_KeyAreaUpgradeAddsEmissions",
                        project(TECH_UPGRADE).inKeyControlArea().adds("4").regionalReduction("2"),
                        "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION"),
                Arguments.of("Rule_KeyAreaUpgradeMoreOutput", project(TECH_UPGRADE).inKeyControlArea().raisesOutput(),
                        "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION"),
                Arguments.of("Rule_KeyAreaNoIncrease", project(EXPANSION).inKeyControlArea().adds("-1"),
                        "ADMIT", "KEY_AREA_NO_INCREASE"),
                Arguments.of("Rule_OffsetCoversIncrease", project(NEW).adds("8").offset("10"),
                        "ADMIT", "OFFSET_COVERS_INCREASE"),
                Arguments.of("Rule_OffsetShort", project(NEW).adds("8").offset("5"),
                        "REFUSE", "OFFSET_INSUFFICIENT"),
                Arguments.of("Rule_NoIncrease", project(NEW),
                        "ADMIT", "NO_HEAVY_METAL_INCREASE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneExamplePerRow")
    void eachRowDecidesItsOwnExample(String row, Facts facts, String verdict, String ruleCode) {
        assertDecided(decide(facts), row, verdict, ruleCode);
    }

    @Test
    void theExamplesCoverEveryRowAndEveryRowSaysWhyItIsThere() {
        assertThat(oneExamplePerRow().map(a -> (String) a.get()[0]).toList())
                .containsExactlyElementsOf(TABLE.ruleIds());
        assertThat(TABLE.ruleDescriptions()).allSatisfy((row, description) -> assertThat(description).as(row).isNotBlank());
    }

    @Test
    void everyProcessOnThePlansPhaseOutListIsRefusedWhateverTheProjectOrArea() {
        for (String process : PHASED_OUT_PROCESSES) {
            for (ProjectType type : ProjectType.values()) {
                assertDecided(decide(project(type).process(process)), "Rule_PhasedOutProcess", "REFUSE", "PHASED_OUT_PROCESS");
                // an offset or a reduction does not buy a phased-out process back
                assertDecided(decide(project(type).process(process).inKeyControlArea().regionalReduction("100")),
                        "Rule_PhasedOutProcess", "REFUSE", "PHASED_OUT_PROCESS");
            }
        }
    }

    @Test
    void aProcessCodeIsMatchedWithoutSurroundingBlanksAndAnyOtherCodeIsNoObstacle() {
        assertDecided(decide(project(EXISTING).process(" SINTER_BLAST_FURNACE_LEAD ")),
                "Rule_PhasedOutProcess", "REFUSE", "PHASED_OUT_PROCESS");
        assertDecided(decide(project(NEW).process("ELECTROPLATING")), "Rule_NoIncrease", "ADMIT", "NO_HEAVY_METAL_INCREASE");
        assertDecided(decide(project(NEW).process(null)), "Rule_NoIncrease", "ADMIT", "NO_HEAVY_METAL_INCREASE");
    }

    @Test
    void productsPhasedOutGraduallyMayNotAddCapacityButExistingLinesRunOn() {
        for (String product : List.of("NICKEL_CADMIUM_BATTERY", "MERCURY_BATTERY")) {
            assertDecided(decide(project(NEW).process(product)), "Rule_PhasedOutProductNewCapacity", "REFUSE",
                    "PHASED_OUT_PRODUCT_NEW_CAPACITY");
            assertDecided(decide(project(EXPANSION).process(product).adds("1").offset("1")),
                    "Rule_PhasedOutProductNewCapacity", "REFUSE", "PHASED_OUT_PRODUCT_NEW_CAPACITY");
            assertDecided(decide(project(EXISTING).process(product)), "Rule_NoIncrease", "ADMIT", "NO_HEAVY_METAL_INCREASE");
            assertDecided(decide(project(TECH_UPGRADE).process(product)), "Rule_NoIncrease", "ADMIT",
                    "NO_HEAVY_METAL_INCREASE");
        }
    }

    @Test
    void anExistingDischargerMayNotAddEmissionsWithoutAConstructionProject() {
        assertDecided(decide(project(EXISTING).adds("0.001")), "Rule_ExistingIncrease", "REFUSE",
                "EXISTING_INCREASE_NEEDS_PROJECT");
        assertDecided(decide(project(EXISTING).adds("2").offset("5")), "Rule_ExistingIncrease", "REFUSE",
                "EXISTING_INCREASE_NEEDS_PROJECT");
        assertDecided(decide(project(EXISTING).inKeyControlArea().adds("2")), "Rule_ExistingIncrease", "REFUSE",
                "EXISTING_INCREASE_NEEDS_PROJECT");
        assertDecided(decide(project(EXISTING).adds("0")), "Rule_NoIncrease", "ADMIT", "NO_HEAVY_METAL_INCREASE");
        assertDecided(decide(project(EXISTING).inKeyControlArea()), "Rule_KeyAreaNoIncrease", "ADMIT", "KEY_AREA_NO_INCREASE");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"NEW", "EXPANSION"})
    void aNewOrExpandedProjectThatAddsEmissionsInTheKeyControlAreaIsRefusedWhateverItOffsets(ProjectType type) {
        assertDecided(decide(project(type).inKeyControlArea().adds("0.001")), "Rule_KeyAreaNewExpansion", "REFUSE",
                "KEY_AREA_NEW_EXPANSION");
        assertDecided(decide(project(type).inKeyControlArea().adds("5").offset("50").regionalReduction("50")),
                "Rule_KeyAreaNewExpansion", "REFUSE", "KEY_AREA_NEW_EXPANSION");
        // adding nothing is no increase (boundary: 0)
        assertDecided(decide(project(type).inKeyControlArea().adds("0")), "Rule_KeyAreaNoIncrease", "ADMIT",
                "KEY_AREA_NO_INCREASE");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"TECH_UPGRADE", "REBUILD"})
    void aKeyAreaUpgradeIsAdmittedOnlyWhenTheRegionalReductionExceedsWhatItAdds(ProjectType type) {
        assertDecided(decide(project(type).inKeyControlArea().raisesOutput().adds("10").regionalReduction("10.001")),
                "Rule_KeyAreaUpgradeNetReduction", "ADMIT", "KEY_AREA_UPGRADE_NET_REDUCTION");
        // boundary: a reduction equal to the addition nets to 0, which is no fall in emissions (增产减污 not met)
        assertDecided(decide(project(type).inKeyControlArea().raisesOutput().adds("10").regionalReduction("10")),
                "Rule_KeyAreaUpgradeAddsEmissions", "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION");
        assertDecided(decide(project(type).inKeyControlArea().adds("10").regionalReduction("9.999")),
                "Rule_KeyAreaUpgradeAddsEmissions", "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION");
        // exact decimals: 0.3 added against 0.3 reduced is exactly 0, not a rounding residue either side
        assertDecided(decide(project(type).inKeyControlArea().adds("0.3").regionalReduction("0.30")),
                "Rule_KeyAreaUpgradeAddsEmissions", "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION");
        // an offset is not a regional reduction: it does not help here
        assertDecided(decide(project(type).inKeyControlArea().adds("10").offset("20")),
                "Rule_KeyAreaUpgradeAddsEmissions", "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION");
    }

    @Test
    void aKeyAreaUpgradeThatRaisesOutputMustMakeEmissionsFall() {
        assertDecided(decide(project(TECH_UPGRADE).inKeyControlArea().raisesOutput()),
                "Rule_KeyAreaUpgradeMoreOutput", "REFUSE", "KEY_AREA_UPGRADE_NO_NET_REDUCTION");
        // the upgrade itself cuts emissions: they fall without any regional reduction
        assertDecided(decide(project(TECH_UPGRADE).inKeyControlArea().raisesOutput().adds("-0.5")),
                "Rule_KeyAreaUpgradeNetReduction", "ADMIT", "KEY_AREA_UPGRADE_NET_REDUCTION");
        assertDecided(decide(project(TECH_UPGRADE).inKeyControlArea().raisesOutput().regionalReduction("0.5")),
                "Rule_KeyAreaUpgradeNetReduction", "ADMIT", "KEY_AREA_UPGRADE_NET_REDUCTION");
        // without more output and without more emissions, an upgrade (e.g. better treatment) is no concern
        assertDecided(decide(project(TECH_UPGRADE).inKeyControlArea()), "Rule_KeyAreaNoIncrease", "ADMIT",
                "KEY_AREA_NO_INCREASE");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"NEW", "EXPANSION", "REBUILD", "TECH_UPGRADE"})
    void outsideTheKeyAreaAnOffsetAtLeastEqualToTheAdditionIsRequired(ProjectType type) {
        // boundary: an equal offset (等量替代) is enough
        assertDecided(decide(project(type).adds("12.5").offset("12.5")), "Rule_OffsetCoversIncrease", "ADMIT",
                "OFFSET_COVERS_INCREASE");
        assertDecided(decide(project(type).adds("12.5").offset("12.499")), "Rule_OffsetShort", "REFUSE",
                "OFFSET_INSUFFICIENT");
        assertDecided(decide(project(type).adds("12.5")), "Rule_OffsetShort", "REFUSE", "OFFSET_INSUFFICIENT");
        // a regional reduction is the key area's instrument; outside it the offset is what counts
        assertDecided(decide(project(type).adds("12.5").regionalReduction("30")), "Rule_OffsetShort", "REFUSE",
                "OFFSET_INSUFFICIENT");
        assertDecided(decide(project(type).adds("0")), "Rule_NoIncrease", "ADMIT", "NO_HEAVY_METAL_INCREASE");
        assertDecided(decide(project(type).adds("-3")), "Rule_NoIncrease", "ADMIT", "NO_HEAVY_METAL_INCREASE");
    }

    @Test
    void everyGroundsCitesTheQingyuanPlanSection() {
        oneExamplePerRow().forEach(example -> {
            Outcome outcome = decide((Facts) example.get()[1]);
            assertThat((String) outcome.get(PermitRules.OUT_GROUNDS)).as((String) example.get()[0])
                    .contains("清远市重金属污染综合防治行动计划（2018-2020年）")
                    .containsPattern("二\\((一|二)\\)1");
        });
        assertThat((String) decide(project(NEW).inKeyControlArea().adds("1")).get(PermitRules.OUT_GROUNDS))
                .contains("二(一)1").contains("清城区属重点防控区").contains("附表2第1项");
        assertThat((String) decide(project(NEW).adds("1")).get(PermitRules.OUT_GROUNDS)).contains("附表2第2项");
    }
}
