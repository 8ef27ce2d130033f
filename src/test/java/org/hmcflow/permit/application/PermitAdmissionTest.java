package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.permit.application.Facts.project;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.Workflow;
import org.junit.jupiter.api.Test;

/**
 * The service around the tables: which facts it refuses, what it hands each table and how it reads the answers. The
 * engine seam is stood in for by the two table files on a standalone DMN engine.
 */
class PermitAdmissionTest {

    private final Workflow workflow = mock(Workflow.class);
    private final PermitAdmission admission = new PermitAdmission(workflow);

    private void tablesFromFiles() {
        DecisionTableFile admissionTable = DecisionTableFile.admission();
        DecisionTableFile categoryTable = DecisionTableFile.category();
        when(workflow.evaluateDecision(eq(PermitRules.DECISION_ADMISSION), anyMap()))
                .thenAnswer(call -> List.of(admissionTable.evaluate(call.getArgument(1)).outputs()));
        when(workflow.evaluateDecision(eq(PermitRules.DECISION_CATEGORY), anyMap()))
                .thenAnswer(call -> List.of(categoryTable.evaluate(call.getArgument(1)).outputs()));
    }

    @Test
    void aDecisionCarriesVerdictRuleGroundsAndCategoryFromBothTables() {
        tablesFromFiles();
        AdmissionDecision decision = admission.decide(project(ProjectType.EXPANSION).industry("金属表面处理及热处理加工")
                .inKeyControlArea().adds("2.4").annual("6.1").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decision.admitted()).isFalse();
        assertThat(decision.ruleCode()).isEqualTo("KEY_AREA_NEW_EXPANSION");
        assertThat(decision.grounds()).contains("清远市重金属污染综合防治行动计划（2018-2020年）二(一)1");
        assertThat(decision.category()).isEqualTo(ManagementCategory.KEY);
        assertThat(decision.categoryRuleCode()).isEqualTo("HEAVY_METAL_INDUSTRY_EMITTER");
        assertThat(decision.categoryGrounds()).contains("固定污染源排污许可分类管理名录（2019年版）");
    }

    @Test
    void anIndustryOutsideTheCategoryTableLeavesTheCategoryOpen() {
        tablesFromFiles();
        AdmissionDecision decision = admission.decide(project(ProjectType.NEW).industry("家具制造").build());

        assertThat(decision.admitted()).isTrue();
        assertThat(decision.ruleCode()).isEqualTo("NO_HEAVY_METAL_INCREASE");
        assertThat(decision.category()).isNull();
        assertThat(decision.categoryRuleCode()).isEqualTo("INDUSTRY_NOT_MODELLED");
    }

    @Test
    void theTablesReceiveTheDerivedAmountsAsExactDifferencesAndComparisons() {
        AdmissionFacts facts = project(ProjectType.TECH_UPGRADE).inKeyControlArea().raisesOutput().adds("0.7")
                .regionalReduction("0.70").offset("0.7").process(" PLATE_TANK_FORMATION ").annual("3").build();

        assertThat(facts.netEmissionChange()).isEqualByComparingTo("0");
        assertThat(facts.admissionInputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "processCode", "PLATE_TANK_FORMATION", "projectType", "TECH_UPGRADE", "inKeyControlArea", true,
                "heavyMetalEmissionChange", 0.7, "netEmissionChange", 0.0, "outputIncrease", true,
                "offsetCoversIncrease", true));
        assertThat(facts.categoryInputs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "onKeyDischargerList", false, "industry", "金属表面处理及热处理加工", "annualHeavyMetalEmission", 3.0,
                "mixingOrAssemblyOnly", false));
        assertThat(project(ProjectType.NEW).adds("5").offset("4.99").build().offsetCoversIncrease()).isFalse();
    }

    @Test
    void missingOrNegativeFactsAreRefusedTogetherBeforeAnyTableIsAsked() {
        AdmissionFacts facts = new AdmissionFacts(" ", false, false, null, null, null, new BigDecimal("-1"), null,
                false, new BigDecimal("-0.1"), false);

        assertThatThrownBy(() -> admission.decide(facts)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("industry", "hmc.validation.required"),
                        org.assertj.core.groups.Tuple.tuple("projectType", "hmc.validation.required"),
                        org.assertj.core.groups.Tuple.tuple("heavyMetalEmissionChange", "hmc.validation.required"),
                        org.assertj.core.groups.Tuple.tuple("regionalReduction", "hmc.validation.min"),
                        org.assertj.core.groups.Tuple.tuple("offsetAmount", "hmc.validation.required"),
                        org.assertj.core.groups.Tuple.tuple("annualHeavyMetalEmission", "hmc.validation.min")));
        assertThatThrownBy(() -> admission.decide(null)).isInstanceOf(InvalidInputException.class);
        verify(workflow, never()).evaluateDecision(anyString(), any());
    }

    @Test
    void aTableThatMatchesNothingIsABrokenTableNotARefusal() {
        when(workflow.evaluateDecision(anyString(), anyMap())).thenReturn(List.of());

        assertThatThrownBy(() -> admission.decide(project(ProjectType.NEW).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("permit-admission gave 0 results");
    }

    @Test
    void theDecisionDeadlineFollowsTheCategoryAndASiteInspection() {
        assertThat(ManagementCategory.SIMPLIFIED.decisionSlaRule(false)).contains("permit.decision.simplified");
        assertThat(ManagementCategory.SIMPLIFIED.decisionSlaRule(true)).contains("permit.decision.simplified");
        assertThat(ManagementCategory.KEY.decisionSlaRule(false)).contains("permit.decision.key");
        assertThat(ManagementCategory.KEY.decisionSlaRule(true)).contains("permit.decision.key-site-inspection");
        assertThat(ManagementCategory.REGISTRATION.decisionSlaRule(false)).isEmpty();
    }
}
