package org.hmcflow.permit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.permit.report.ExecutionReportProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * The {@code permit-execution-report} model (执行报告) and its forms, read from the files the engine deploys: the ids
 * code and tests use, Tasklist forms with the fields the completion listener reads, deadlines through the shared
 * reminder and escalation delegates, and a diagram for every element. No engine is started.
 */
class ExecutionReportProcessModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/permit/permit-execution-report.bpmn").toFile());

    @Test
    void userTasksHaveTheirFormsGroupsAndDueDatesAndTheFormsTheFieldsTheListenerReads() throws Exception {
        UserTask file = model.getModelElementById(TASK_FILE);
        assertThat(file.getCamundaCandidateGroups()).isEqualTo("${" + VAR_ENTERPRISE_GROUP + "}");
        assertThat(file.getCamundaDueDate()).isEqualTo("${" + VAR_DUE + "}");
        assertThat(file.getCamundaFormRef()).isEqualTo("permit-execution-report");
        assertThat(file.getCamundaFormRefBinding()).isEqualTo("deployment");
        UserTask review = model.getModelElementById(TASK_REVIEW);
        assertThat(review.getCamundaCandidateGroups()).isEqualTo("${" + VAR_BUREAU_GROUP + "}");
        assertThat(review.getCamundaDueDate()).isEqualTo("${deadlines.due('" + SLA_REVIEW + "')}");
        assertThat(review.getCamundaFormRef()).isEqualTo("permit-execution-report-review");

        assertThat(required("forms/permit/permit-execution-report.form")).containsExactlyInAnyOrder(F_ACTUAL_EMISSIONS,
                F_EXCEEDANCES, F_ABNORMAL_OPERATION, F_MONITORING_COMPLETENESS);
        assertThat(required("forms/permit/permit-execution-report-review.form"))
                .containsExactlyInAnyOrder(F_REPORT_REVIEW, F_REPORT_REVIEW_COMMENT);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getExtensionElements().getElementsQuery().list().stream()
                    .map(e -> e.getAttributeValue("delegateExpression")).collect(Collectors.toSet()))
                    .as(task.getId() + " listeners").contains("${executionReportTaskCreated}", "${executionReportTaskCompleted}");
        }
    }

    @Test
    void lateAndReminderTimersUseTheSharedDelegatesAndNeverInterruptTheStep() {
        Map<String, String> expected = Map.of(
                TIMER_FILE_REMINDER, "${sendTaskReminder}", TIMER_FILE_LATE, "${escalateOverdueTask}",
                "BoundaryEvent_ReviewReminder", "${sendTaskReminder}", "BoundaryEvent_ReviewOverdue", "${escalateOverdueTask}");
        expected.forEach((timerId, delegate) -> {
            BoundaryEvent timer = model.getModelElementById(timerId);
            assertThat(timer.cancelActivity()).as(timerId).isFalse();
            assertThat(timer.getEventDefinitions()).hasOnlyElementsOfType(TimerEventDefinition.class);
            ServiceTask next = (ServiceTask) timer.getOutgoing().iterator().next().getTarget();
            assertThat(next.getCamundaDelegateExpression()).as(timerId).isEqualTo(delegate);
            CamundaInputParameter taskKey = next.getExtensionElements().getElementsQuery().list().get(0)
                    .getChildElementsByType(CamundaInputParameter.class).iterator().next();
            assertThat(taskKey.getCamundaName()).isEqualTo("taskKey");
            assertThat(taskKey.getTextContent()).isEqualTo(timer.getAttachedTo().getId());
        });
        assertThat(((TimerEventDefinition) ((BoundaryEvent) model.getModelElementById(TIMER_FILE_LATE))
                .getEventDefinitions().iterator().next()).getTimeDate().getTextContent()).isEqualTo("${" + VAR_LATE_AT + "}");
        assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
    }

    @Test
    void theElementsTheCodeNamesExist() {
        Set<String> ids = model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId)
                .collect(Collectors.toSet());
        assertThat(ids).contains(TIMER_PERIOD_ENDS, TASK_FILE, TASK_REVIEW, END_ACCEPTED);
    }

    private static List<String> required(String form) throws Exception {
        JsonNode json = JSON.readTree(Path.of(form).toFile());
        List<String> keys = new ArrayList<>();
        json.get("components").forEach(c -> {
            if (c.path("validate").path("required").asBoolean(false)) {
                keys.add(c.get("key").asText());
            }
            // a dynamic list whose rows need an answer: the step requires its rows
            if (c.path("type").asText().equals("dynamiclist")
                    && c.path("components").findValues("required").stream().anyMatch(JsonNode::asBoolean)) {
                keys.add(c.get("path").asText());
            }
        });
        return keys;
    }
}
