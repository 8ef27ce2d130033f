package org.hmcflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code processes/enforcement/enforcement-measures.dmn} on a standalone DMN engine: one example per row, top to
 * bottom, and the boundaries of the 3× heavy-metal row (2.99 vs 3.00).
 */
class EnforcementMeasuresTableTest {

    private static final String FILE = "processes/enforcement/enforcement-measures.dmn";
    private static DmnEngine engine;
    private static DmnDecision decision;
    private static DmnModelInstance model;
    private static final List<String> matched = new ArrayList<>();

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(event -> {
            matched.clear();
            event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
        }));
        engine = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(Path.of(FILE))) {
            model = Dmn.readModelFromStream(in);
        }
        decision = engine.parseDecision(EnforcementProcess.DECISION_MEASURES, model);
    }

    record Outcome(String row, String measure, String code, String grounds) {
    }

    static Outcome evaluate(String kind, boolean heavyMetal, Double ratio, boolean limitedStillExceeds) {
        Map<String, Object> in = new HashMap<>();
        in.put("violationKind", kind);
        in.put("heavyMetal", heavyMetal);
        in.put("ratioToLimit", ratio);
        in.put("limitedStillExceeds", limitedStillExceeds);
        List<Map<String, Object>> result = engine.evaluateDecisionTable(decision, in).getResultList();
        assertThat(result).as("FIRST hit policy: one result for " + in).hasSize(1);
        String row = matched.isEmpty() ? null : matched.get(0);
        return new Outcome(row, (String) result.get(0).get("measure"), (String) result.get(0).get("ruleCode"),
                (String) result.get(0).get("grounds"));
    }

    static Stream<Arguments> oneExamplePerRow() {
        return Stream.of(
                Arguments.of("Rule_CleanerProductionAudit", "CLEANER_PRODUCTION_AUDIT_NOT_DONE", false, null, false, "ORDER_TO_CORRECT", "清洁生产促进法》（2012年修正）第三十九条"),
                Arguments.of("Rule_SoilRiskDuty", "SOIL_RISK_DUTY_NOT_DONE", false, null, false, "ORDER_TO_CORRECT", "土壤污染防治法》第九十四条"),
                Arguments.of("Rule_DemolitionSoilProtection", "DEMOLITION_WITHOUT_SOIL_PROTECTION", false, null, false, "ORDER_TO_CORRECT", "第二十二条、第八十六条"),
                Arguments.of("Rule_LimitedStillExceeds", "EXCEEDS_STANDARD", true, 1.5, true, "SUSPEND_FOR_RECTIFICATION", "第六条（四）"),
                Arguments.of("Rule_EvasiveDischarge", "EVASIVE_DISCHARGE", false, null, false, "SUSPEND_FOR_RECTIFICATION", "第六条（一）"),
                Arguments.of("Rule_HeavyMetalThreeTimes", "EXCEEDS_STANDARD", true, 3.2, false, "SUSPEND_FOR_RECTIFICATION", "第六条（二）"),
                Arguments.of("Rule_AnnualQuotaExceeded", "EXCEEDS_ANNUAL_TOTAL_QUOTA", false, null, false, "SUSPEND_FOR_RECTIFICATION", "第六条（三）"),
                Arguments.of("Rule_ExceedsStandard", "EXCEEDS_STANDARD", true, 1.5, false, "LIMIT_PRODUCTION", "第五条"),
                Arguments.of("Rule_DailyQuotaExceeded", "EXCEEDS_DAILY_TOTAL_QUOTA", false, null, false, "LIMIT_PRODUCTION", "第五条"),
                Arguments.of("Rule_OrderToCorrect", "PERMIT_CONDITION_BREACH", false, null, false, "ORDER_TO_CORRECT", "第二十八条"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneExamplePerRow")
    void eachRowDecidesItsExample(String row, String kind, boolean heavyMetal, Double ratio, boolean limited,
                                  String measure, String article) {
        Outcome o = evaluate(kind, heavyMetal, ratio, limited);
        assertThat(o.row()).isEqualTo(row);
        assertThat(o.measure()).isEqualTo(measure);
        assertThat(o.grounds()).contains(article);
    }

    @Test
    void everyRowHasAnExample() {
        List<String> rows = model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
        assertThat(rows).containsExactlyElementsOf(oneExamplePerRow().map(a -> (String) a.get()[0]).toList());
    }

    @Test
    void heavyMetalBoundaryIsThreeTimesInclusive() {
        assertThat(evaluate("EXCEEDS_STANDARD", true, 2.99, false).measure()).isEqualTo("LIMIT_PRODUCTION");
        assertThat(evaluate("EXCEEDS_STANDARD", true, 3.00, false).row()).isEqualTo("Rule_HeavyMetalThreeTimes");
        assertThat(evaluate("EXCEEDS_STANDARD", true, 3.01, false).measure()).isEqualTo("SUSPEND_FOR_RECTIFICATION");
    }

    @Test
    void notAHeavyMetalStaysLimitedProductionWhateverTheMultiple() {
        assertThat(evaluate("EXCEEDS_STANDARD", false, 5.0, false).row()).isEqualTo("Rule_ExceedsStandard");
    }

    @Test
    void falsifiedDataAndIdleFacilitiesAreEvasiveDischarge() {
        assertThat(evaluate("FALSIFIED_MONITORING_DATA", false, null, false).row()).isEqualTo("Rule_EvasiveDischarge");
        assertThat(evaluate("FACILITY_NOT_RUNNING", false, null, false).row()).isEqualTo("Rule_EvasiveDischarge");
    }

    @Test
    void anExceedanceWithoutARatioIsStillLimitedProduction() {
        assertThat(evaluate("EXCEEDS_STANDARD", true, null, false).row()).isEqualTo("Rule_ExceedsStandard");
    }

    @Test
    void aMissedCleanerProductionAuditIsAnOrderToCorrectAndAFineNeverAProductionMeasure() {
        // whatever else the inputs say, even after 限制生产 (the row comes before Rule_LimitedStillExceeds)
        for (boolean limited : List.of(false, true)) {
            for (Double ratio : java.util.Arrays.asList(null, 1.5, 5.0)) {
                Outcome o = evaluate("CLEANER_PRODUCTION_AUDIT_NOT_DONE", ratio != null, ratio, limited);
                assertThat(o.row()).isEqualTo("Rule_CleanerProductionAudit");
                assertThat(o.measure()).isEqualTo("ORDER_TO_CORRECT");
                assertThat(o.code()).isEqualTo("CPP_AUDIT");
                assertThat(o.grounds()).contains("责令限期改正").contains("拒不改正的，处以五万元以上五十万元以下的罚款")
                        .doesNotContain("限制生产").doesNotContain("停产整治");
            }
        }
    }

    @Test
    void relocationSoilDutiesAreAnOrderToCorrectWhateverElseTheInputsSay() {
        for (boolean limited : List.of(false, true)) {
            Outcome survey = evaluate("SOIL_RISK_DUTY_NOT_DONE", false, null, limited);
            assertThat(survey.row()).isEqualTo("Rule_SoilRiskDuty");
            assertThat(survey.measure()).isEqualTo("ORDER_TO_CORRECT");
            assertThat(survey.grounds()).contains("二万元以上二十万元以下").contains("代为履行").doesNotContain("停产整治");
            Outcome demolition = evaluate("DEMOLITION_WITHOUT_SOIL_PROTECTION", false, null, limited);
            assertThat(demolition.row()).isEqualTo("Rule_DemolitionSoilProtection");
            assertThat(demolition.measure()).isEqualTo("ORDER_TO_CORRECT");
        }
        assertThat(EnforcementMeasures.ORDER_ONLY).contains(org.hmcflow.inspection.ViolationKind.SOIL_RISK_DUTY_NOT_DONE)
                .doesNotContain(org.hmcflow.inspection.ViolationKind.DEMOLITION_WITHOUT_SOIL_PROTECTION);
    }

    @Test
    void everyOrderOnlyKindHasARowThatOrdersACorrection() {
        for (var kind : EnforcementMeasures.ORDER_ONLY) {
            assertThat(evaluate(kind.name(), false, null, true).measure()).as(kind.name()).isEqualTo("ORDER_TO_CORRECT");
        }
    }

    @Test
    void otherKindsAreAnOrderToCorrect() {
        for (String kind : List.of("DISCHARGE_WITHOUT_PERMIT", "OTHER", "PERMIT_CONDITION_BREACH")) {
            assertThat(evaluate(kind, false, null, false).measure()).as(kind).isEqualTo("ORDER_TO_CORRECT");
        }
    }
}
