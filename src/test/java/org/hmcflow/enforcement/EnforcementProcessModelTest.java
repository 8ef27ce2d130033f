package org.hmcflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code processes/enforcement/enforcement.bpmn} read as a model: every user task is drivable in Tasklist (a form
 * that exists, candidates, a due date from a rule of {@code config/sla.yaml}), reminds and escalates through the
 * shared delegates, and every element has its diagram shape.
 */
class EnforcementProcessModelTest {

    private static BpmnModelInstance model;
    private static String sla;

    @BeforeAll
    static void read() throws Exception {
        model = Bpmn.readModelFromFile(new File("processes/enforcement/enforcement.bpmn"));
        sla = Files.readString(Path.of("config/sla.yaml"));
    }

    static Collection<UserTask> userTasks() {
        return model.getModelElementsByType(UserTask.class);
    }

    @Test
    void theCodeKnowsEveryUserTask() {
        assertThat(userTasks()).extracting(UserTask::getId).containsExactlyInAnyOrder(
                EnforcementProcess.TASK_DECIDE_MEASURE, EnforcementProcess.TASK_APPROVE_MEASURE,
                EnforcementProcess.TASK_SUBMIT_PLAN, EnforcementProcess.TASK_RECTIFY, EnforcementProcess.TASK_REINSPECT,
                EnforcementProcess.TASK_CHOOSE_ESCALATION, EnforcementProcess.TASK_APPROVE_EXTENSION,
                EnforcementProcess.TASK_APPROVE_CLOSURE, EnforcementProcess.TASK_CLOSE_CASE,
                EnforcementProcess.TASK_RECORD_POLICE_ANSWER);
    }

    @Test
    void everyUserTaskHasAFormThatExistsCandidatesAndAComputedDueDate() throws Exception {
        Pattern rule = Pattern.compile("deadlines\\.due\\('([^']+)'\\)");
        for (UserTask t : userTasks()) {
            assertThat(t.getCamundaFormRef()).as(t.getId()).isNotBlank();
            assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment");
            Path form = Path.of("forms/enforcement/" + t.getCamundaFormRef() + ".form");
            assertThat(form).as(t.getId()).exists();
            JsonNode json = new ObjectMapper().readTree(form.toFile());
            assertThat(json.get("id").asText()).isEqualTo(t.getCamundaFormRef());
            assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isNotBlank();
            String due = t.getCamundaDueDate();
            assertThat(due).as(t.getId()).isNotBlank();
            Matcher m = rule.matcher(due);
            if (m.find()) {
                assertThat(sla).as("rule of " + t.getId()).contains("\"[" + m.group(1) + "]\":");
            } else {
                assertThat(due).isEqualTo("${rectificationDue}");
            }
        }
    }

    @Test
    void everyUserTaskRemindsAndAllButTheRectificationEscalateThroughTheSharedDelegates() {
        for (UserTask t : userTasks()) {
            List<String> delegates = new ArrayList<>();
            for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
                if (b.getAttachedTo() != t) {
                    continue;
                }
                FlowNode next = b.getOutgoing().iterator().next().getTarget();
                if (next instanceof ServiceTask s) {
                    delegates.add(s.getCamundaDelegateExpression());
                    if (!"${rectificationPeriodEnded}".equals(s.getCamundaDelegateExpression())) {
                        List<CamundaInputParameter> params = s.getExtensionElements()
                                .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class)
                                .singleResult().getCamundaInputParameters().stream().toList();
                        assertThat(params).extracting(CamundaInputParameter::getTextContent).as(b.getId())
                                .containsExactly(t.getId());
                    }
                }
            }
            if (t.getId().equals(EnforcementProcess.TASK_RECTIFY)) {
                assertThat(delegates).containsExactlyInAnyOrder("${sendTaskReminder}", "${rectificationPeriodEnded}");
            } else {
                assertThat(delegates).as(t.getId()).containsExactlyInAnyOrder("${sendTaskReminder}",
                        "${escalateOverdueTask}");
            }
        }
    }


    @Test
    void thePoliceTransferIsANonInterruptingMessageStart() {
        var start = model.getModelElementById("StartEvent_PoliceTransferSent");
        assertThat(((org.camunda.bpm.model.bpmn.instance.StartEvent) start).isInterrupting()).isFalse();
        assertThat(Files.exists(Path.of("processes/enforcement/enforcement-measures.dmn"))).isTrue();
    }
}
