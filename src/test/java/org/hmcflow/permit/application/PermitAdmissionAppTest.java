package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.permit.application.Facts.project;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The running application: both tables deployed on start and evaluated by the engine through {@link PermitAdmission}. */
@H2AppTest
class PermitAdmissionAppTest {

    @Autowired
    PermitAdmission admission;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @Test
    void bothTablesAreDeployedOnStartEachAsADeploymentOfItsOwnFile() {
        for (String key : new String[] {PermitRules.DECISION_ADMISSION, PermitRules.DECISION_CATEGORY}) {
            DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            assertThat(latest).as(key).isNotNull();
            assertThat(latest.getHistoryTimeToLive()).as(key).isGreaterThanOrEqualTo(5 * 365);
            assertThat(repository.getDeploymentResourceNames(latest.getDeploymentId()))
                    .containsExactly("processes/permit/" + key + ".dmn");
        }
    }

    @Test
    void anElectroplaterInQingchengExpandingWithMoreHeavyMetalsIsRefusedByTheDeployedTable() {
        long evaluatedBefore = history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(PermitRules.DECISION_ADMISSION).count();
        // 兴和（清远）五金电镀制品有限公司, a demo enterprise in 清城区: the key control area comes from the settings
        assertThat(enterprises.inKeyControlArea("清城区")).isTrue();

        AdmissionDecision decision = admission.decide(project(ProjectType.EXPANSION).industry("金属表面处理及热处理加工")
                .inKeyControlArea().adds("1.2").offset("5").annual("3.4").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decision.ruleCode()).isEqualTo("KEY_AREA_NEW_EXPANSION");
        assertThat(decision.grounds()).contains("二(一)1").contains("清城区属重点防控区");
        assertThat(decision.category()).isEqualTo(ManagementCategory.KEY);
        assertThat(decision.categoryRuleCode()).isEqualTo("HEAVY_METAL_INDUSTRY_EMITTER");
        // evaluated by the engine (and kept in its decision history), not by a copy of the rules in code
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(PermitRules.DECISION_ADMISSION)
                .count()).isEqualTo(evaluatedBefore + 1);
        HistoricDecisionInstance last = history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(PermitRules.DECISION_ADMISSION).includeOutputs().orderByEvaluationTime().desc()
                .listPage(0, 1).get(0);
        assertThat(last.getOutputs()).anySatisfy(output -> {
            assertThat(output.getVariableName()).isEqualTo(PermitRules.OUT_RULE_CODE);
            assertThat(output.getValue()).isEqualTo("KEY_AREA_NEW_EXPANSION");
        });
    }

    @Test
    void theSameExpansionOutsideTheKeyAreaIsAdmittedOnceItsOffsetCoversTheAddition() {
        assertThat(enterprises.inKeyControlArea("清新区")).isFalse();

        AdmissionDecision decision = admission.decide(project(ProjectType.EXPANSION).industry("金属表面处理及热处理加工")
                .adds("1.2").offset("1.2").annual("3.4").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(decision.ruleCode()).isEqualTo("OFFSET_COVERS_INCREASE");
        assertThat(decision.category().decisionSlaRule(true)).contains(PermitRules.SLA_DECISION_KEY_SITE_INSPECTION);
    }
}
