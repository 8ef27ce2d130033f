package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.permit.application.Facts.site;

import java.util.List;
import java.util.stream.Stream;
import org.hmcflow.permit.application.DecisionTableFile.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code processes/permit/permit-management-category.dmn} on a standalone DMN engine: 重点 / 简化 / 登记 for the
 * heavy-metal industries, after 固定污染源排污许可分类管理名录（2019年版）.
 */
class PermitManagementCategoryTableTest {

    private static final DecisionTableFile TABLE = DecisionTableFile.category();

    /** The industries the table knows apart from smelting and lead-acid batteries. */
    private static final List<String> HEAVY_METAL_INDUSTRIES = List.of("重有色金属矿采选", "皮革鞣制", "电镀",
            "金属表面处理及热处理加工", "化学原料及化学制品制造", "无机酸制造", "颜料制造", "其他电池制造");

    private static Outcome classify(Facts facts) {
        return TABLE.evaluate(facts.build().categoryInputs());
    }

    private static void assertClassified(Outcome outcome, String row, String category, String ruleCode) {
        assertThat(outcome.ruleId()).as("row").isEqualTo(row);
        assertThat(outcome.get(PermitRules.OUT_CATEGORY)).as("category").isEqualTo(category);
        assertThat(outcome.get(PermitRules.OUT_CATEGORY_RULE_CODE)).as("rule code").isEqualTo(ruleCode);
    }

    static Stream<Arguments> oneExamplePerRow() {
        return Stream.of(
                Arguments.of("Rule_KeyDischargerList", site("家具制造").onKeyDischargerList(), "KEY", "KEY_DISCHARGER_LIST"),
                Arguments.of("Rule_HeavyMetalSmelting", site("重有色金属冶炼").annual("120"), "KEY", "HEAVY_METAL_SMELTING"),
                Arguments.of("Rule_LeadAcidBattery", site("铅蓄电池制造").annual("3"), "KEY", "LEAD_ACID_BATTERY"),
                Arguments.of("Rule_HeavyMetalIndustryEmitter", site("电镀").annual("0.8"), "KEY", "HEAVY_METAL_INDUSTRY_EMITTER"),
                Arguments.of("Rule_NoHeavyMetalMixingOnly", site("颜料制造").mixingOrAssemblyOnly(), "REGISTRATION",
                        "NO_HEAVY_METAL_MIXING_ONLY"),
                Arguments.of("Rule_HeavyMetalIndustryNoEmission", site("皮革鞣制"), "SIMPLIFIED",
                        "HEAVY_METAL_INDUSTRY_NO_EMISSION"),
                Arguments.of("Rule_IndustryNotModelled", site("家具制造").annual("0"), null, "INDUSTRY_NOT_MODELLED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneExamplePerRow")
    void eachRowDecidesItsOwnExample(String row, Facts facts, String category, String ruleCode) {
        assertClassified(classify(facts), row, category, ruleCode);
    }

    @Test
    void theExamplesCoverEveryRowAndEveryRowSaysWhyItIsThere() {
        assertThat(oneExamplePerRow().map(a -> (String) a.get()[0]).toList())
                .containsExactlyElementsOf(TABLE.ruleIds());
        assertThat(TABLE.ruleDescriptions()).allSatisfy((row, description) -> assertThat(description).as(row).isNotBlank());
    }

    @Test
    void aUnitOnTheKeyDischargerListIsKeyWhateverElseIsTrue() {
        assertClassified(classify(site("颜料制造").onKeyDischargerList().mixingOrAssemblyOnly()),
                "Rule_KeyDischargerList", "KEY", "KEY_DISCHARGER_LIST");
        assertClassified(classify(site("皮革鞣制").onKeyDischargerList()), "Rule_KeyDischargerList", "KEY",
                "KEY_DISCHARGER_LIST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"重有色金属冶炼", "镍钴冶炼", "铅蓄电池制造"})
    void smeltingAndLeadAcidBatteriesAreKeyEvenWithoutReportedEmissions(String industry) {
        assertThat(classify(site(industry)).get(PermitRules.OUT_CATEGORY)).isEqualTo("KEY");
        assertThat(classify(site(industry).mixingOrAssemblyOnly()).get(PermitRules.OUT_CATEGORY)).isEqualTo("KEY");
    }

    @Test
    void inTheOtherHeavyMetalIndustriesAnyHeavyMetalEmissionMakesAUnitKey() {
        for (String industry : HEAVY_METAL_INDUSTRIES) {
            // boundary: 0 kg/a is no heavy-metal emission, the least positive amount is one
            assertClassified(classify(site(industry).annual("0.001")), "Rule_HeavyMetalIndustryEmitter", "KEY",
                    "HEAVY_METAL_INDUSTRY_EMITTER");
            assertClassified(classify(site(industry).annual("0")), "Rule_HeavyMetalIndustryNoEmission", "SIMPLIFIED",
                    "HEAVY_METAL_INDUSTRY_NO_EMISSION");
            // emitting heavy metals outweighs doing nothing but mixing or assembly
            assertClassified(classify(site(industry).annual("2").mixingOrAssemblyOnly()), "Rule_HeavyMetalIndustryEmitter",
                    "KEY", "HEAVY_METAL_INDUSTRY_EMITTER");
        }
    }

    @Test
    void onlyMixingPackingOrAssemblyWithoutHeavyMetalsIsRegistrationAndNeverForMiningTanningOrPlating() {
        for (String industry : List.of("金属表面处理及热处理加工", "化学原料及化学制品制造", "无机酸制造", "颜料制造", "其他电池制造")) {
            assertClassified(classify(site(industry).mixingOrAssemblyOnly()), "Rule_NoHeavyMetalMixingOnly",
                    "REGISTRATION", "NO_HEAVY_METAL_MIXING_ONLY");
        }
        for (String industry : List.of("重有色金属矿采选", "皮革鞣制", "电镀")) {
            assertClassified(classify(site(industry).mixingOrAssemblyOnly()), "Rule_HeavyMetalIndustryNoEmission",
                    "SIMPLIFIED", "HEAVY_METAL_INDUSTRY_NO_EMISSION");
        }
    }

    @Test
    void everyDemoEnterpriseWithItsHeavyMetalsIsKey() {
        // the industries of DemoData (Qingyuan plan 附表5); each discharges at least one heavy metal
        for (String industry : List.of("其他电池制造", "金属表面处理及热处理加工", "无机酸制造", "镍钴冶炼", "颜料制造")) {
            assertThat(classify(site(industry).annual("1.5")).get(PermitRules.OUT_CATEGORY)).as(industry).isEqualTo("KEY");
        }
    }

    @Test
    void anIndustryTheTableDoesNotKnowGetsNoCategoryButSaysWhereToLook() {
        Outcome outcome = classify(site("家具制造").annual("4"));
        assertClassified(outcome, "Rule_IndustryNotModelled", null, "INDUSTRY_NOT_MODELLED");
        assertThat((String) outcome.get(PermitRules.OUT_CATEGORY_GROUNDS)).contains("固定污染源排污许可分类管理名录（2019年版）");
        // the register's wording is matched after trimming, but not guessed at
        assertThat(classify(site(" 电镀 ").annual("1")).get(PermitRules.OUT_CATEGORY)).isEqualTo("KEY");
        assertThat(classify(site("电镀加工").annual("1")).ruleId()).isEqualTo("Rule_IndustryNotModelled");
    }

    @Test
    void everyCategoryGroundsCitesTheCatalogueOrThePlanAndReadingsSaySo() {
        oneExamplePerRow().forEach(example -> {
            String row = (String) example.get()[0];
            String grounds = (String) classify((Facts) example.get()[1]).get(PermitRules.OUT_CATEGORY_GROUNDS);
            assertThat(grounds).as(row).contains("固定污染源排污许可分类管理名录（2019年版）");
            boolean verifiedArticle = row.equals("Rule_KeyDischargerList") || row.equals("Rule_IndustryNotModelled");
            if (!verifiedArticle) {
                // rows read from the catalogue's articles, not from its industry rows, say so to whoever reads them
                assertThat(grounds).as(row).contains("本系统解读");
            }
        });
    }
}
