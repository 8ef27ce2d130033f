package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.hmcflow.support.H2AppTest;

/**
 * The engine rules around failing jobs and expressions: a job that runs out of retries (R5/PT5M) is an incident a
 * supervisor sees through {@link Workflow#openIncidents}, and BPMN expressions reach only {@link WorkflowBean} beans.
 * Same application context as the hazard process tests.
 */
@H2AppTest
class WorkflowIncidentTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 2, 12, 10, 0, 0, 0, SHANGHAI);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Workflow workflow;
    @Autowired
    AlwaysFailingTestDelegate failingDelegate;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        failingDelegate.calls.set(0);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        ClockUtil.reset();
    }

    @Test
    void aJobThatRunsOutOfRetriesBecomesAnIncidentSupervisorsSee() {
        deploy(Bpmn.createExecutableProcess("incident-test")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("ServiceTask_AlwaysFails").camundaAsyncBefore()
                .camundaDelegateExpression("${alwaysFailingTestDelegate}")
                .endEvent()
                .done());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("incident-test", "incident-case-1");
        assertThat(pi).isWaitingAt("ServiceTask_AlwaysFails");

        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = job(pi);
            assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count())
                    .as("attempt %d is due", attempt).isEqualTo(1);
            assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                    .hasStackTraceContaining(AlwaysFailingTestDelegate.MESSAGE);
            Job failed = job(pi);
            assertThat(failed.getRetries()).as("retries left after attempt %d", attempt).isEqualTo(5 - attempt);
            if (attempt < 5) {
                assertThat(workflow.openIncidents(0, 100)).as("no incident after attempt %d", attempt)
                        .noneMatch(i -> pi.getId().equals(i.getProcessInstanceId()));
                // R5/PT5M: the next attempt is due five minutes later, not before
                assertThat(failed.getDuedate()).isEqualTo(Date.from(ClockUtil.now().toInstant().plusSeconds(300)));
                assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count())
                        .isZero();
                ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(300)));
            }
        }

        assertThat(failingDelegate.calls).hasValue(5);
        assertThat(job(pi).getRetries()).isZero();
        assertThat(job(pi).getExceptionMessage()).contains(AlwaysFailingTestDelegate.MESSAGE);
        List<Incident> incidents = workflow.openIncidents(0, 100).stream()
                .filter(i -> pi.getId().equals(i.getProcessInstanceId())).toList();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            assertThat(incident.getActivityId()).isEqualTo("ServiceTask_AlwaysFails");
            assertThat(incident.getIncidentMessage()).contains(AlwaysFailingTestDelegate.MESSAGE);
            assertThat(incident.getConfiguration()).isEqualTo(job(pi).getId());
        });
        assertThat(pi).isWaitingAt("ServiceTask_AlwaysFails").isNotEnded();
    }

    @Test
    void expressionsReachWhitelistedBeansOnly() {
        String reached = "EndEvent_Reached";
        deploy(gate("el-whitelisted", "${deadlines.due('hazard.triage') != null}"));
        ProcessInstance ok = runtimeService.startProcessInstanceByKey("el-whitelisted");
        assertThat(ok).hasPassed(reached).hasNotPassed("EndEvent_Other").isEnded();

        for (String bean : List.of("environment", "hazardService", "workflow")) {
            String key = "el-" + bean.toLowerCase();
            deploy(gate(key, "${" + bean + " != null}"));
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
                    .as("${%s} must not resolve", bean)
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Cannot resolve identifier '" + bean + "'");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        }
    }

    /** A process that reaches EndEvent_Reached if the condition holds, else EndEvent_Other. */
    private static BpmnModelInstance gate(String key, String condition) {
        return Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .exclusiveGateway("Gateway_Check")
                .condition("allowed", condition)
                .endEvent("EndEvent_Reached")
                .moveToLastGateway()
                .condition("otherwise", "${true}")
                .endEvent("EndEvent_Other")
                .done();
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(repositoryService.createDeployment().name("workflow-incident-test")
                .addModelInstance("test.bpmn", model).deploy().getId());
    }

    private Job job(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
    }
}
