package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * The after-issue models ({@code permit-renewal}, {@code permit-change}, {@code permit-cancellation}) and their forms,
 * read from the files the engine deploys: keys, meaningful ids, each user task's groups, deadline, form and
 * listeners, the fields each form offers, the decisions its gateway routes, the timers, and a drawable diagram. No
 * engine is started; {@link PermitLifecycleSettingsTest} checks the delegates resolve in the application.
 */
class PermitLifecycleModelTest {

    private static final Pattern DECISION = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Expected(String file, String groups, String dueDate, String formRef, List<String> requiredFields) {
    }

    static final Map<String, Expected> USER_TASKS = new LinkedHashMap<>();

    static {
        USER_TASKS.put(TASK_FILE_RENEWAL, new Expected(RENEWAL_KEY, "${enterpriseGroup}", "${filingDue}",
                "permit-renewal-filing", List.of(F_RENEWAL_STATEMENT)));
        USER_TASKS.put(TASK_ACCEPT_RENEWAL, new Expected(RENEWAL_KEY, "${bureauGroup}", "${deadlines.due('permit.acceptance')}",
                "permit-renewal-acceptance", List.of(F_RENEWAL_ACCEPTANCE)));
        USER_TASKS.put(TASK_DECIDE_RENEWAL, new Expected(RENEWAL_KEY, "${bureauGroup}", "${renewalDecisionDue}",
                "permit-renewal-decision", List.of(F_RENEWAL_DECISION, F_RENEWAL_DECISION_COMMENT)));
        USER_TASKS.put(TASK_REVIEW_CHANGE, new Expected(CHANGE_KEY, "${bureauGroup}", "${deadlines.due('permit.change.review')}",
                "permit-change-review", List.of(F_CHANGE_DECISION)));
        USER_TASKS.put(TASK_APPROVE_CANCELLATION, new Expected(CANCELLATION_KEY, "${approverGroup}",
                "${deadlines.due('permit.cancellation.approval')}", "permit-cancellation-approval",
                List.of(F_CANCELLATION_DECISION, F_CANCELLATION_COMMENT)));
    }

    /** The optional fields each form offers besides the required ones (what the completion listener reads). */
    static final Map<String, List<String>> OPTIONAL_FIELDS = Map.of(
            "permit-renewal-filing", List.of(F_CONTENTS_UNCHANGED, F_CHANGED_ITEMS),
            "permit-renewal-acceptance", List.of(F_RENEWAL_ACCEPTANCE_COMMENT),
            "permit-renewal-decision", List.of(),
            "permit-change-review", List.of(F_CHANGE_DECISION_COMMENT),
            "permit-cancellation-approval", List.of());

    /** Decision field → its gateway, its process and its form. */
    static final List<List<String>> DECISIONS = List.of(
            List.of(F_RENEWAL_ACCEPTANCE, "Gateway_RenewalAcceptance", RENEWAL_KEY, "permit-renewal-acceptance"),
            List.of(F_RENEWAL_DECISION, "Gateway_RenewalDecision", RENEWAL_KEY, "permit-renewal-decision"),
            List.of(F_CHANGE_DECISION, "Gateway_ChangeDecision", CHANGE_KEY, "permit-change-review"),
            List.of(F_CANCELLATION_DECISION, "Gateway_CancellationDecision", CANCELLATION_KEY, "permit-cancellation-approval"));

    static final Map<String, Map<String, String>> SERVICE_TASKS = Map.of(
            RENEWAL_KEY, Map.of("ServiceTask_SchedulePeriod", "${scheduleRenewalPeriod}",
                    "ServiceTask_NextReminder", "${scheduleNextRenewalReminder}",
                    "ServiceTask_SendRenewalReminder", "${sendCaseReminder}",
                    "ServiceTask_EscalateRenewal", "${escalateOverdueCase}",
                    "ServiceTask_DeemRenewalAccepted", "${deemRenewalAccepted}",
                    "ServiceTask_RemindRenewalDecision", "${sendTaskReminder}",
                    "ServiceTask_EscalateRenewalDecision", "${escalateOverdueTask}",
                    "ServiceTask_LapsePermit", "${lapseUnrenewedPermit}"),
            CHANGE_KEY, Map.of("ServiceTask_ApplyChange", "${applyPermitChange}",
                    "ServiceTask_RemindChangeReview", "${sendTaskReminder}",
                    "ServiceTask_EscalateChangeReview", "${escalateOverdueTask}"),
            CANCELLATION_KEY, Map.of("ServiceTask_ApplyCancellation", "${applyPermitCancellation}",
                    "ServiceTask_RemindApproval", "${sendTaskReminder}",
                    "ServiceTask_EscalateApproval", "${escalateOverdueTask}"));

    static BpmnModelInstance model(String key) {
        return Bpmn.readModelFromFile(Path.of("processes/permit/" + key + ".bpmn").toFile());
    }

    @Test
    void eachProcessIsExecutableUnderItsKeyWithItsServiceTasks() {
        for (String key : SERVICE_TASKS.keySet()) {
            BpmnModelInstance model = model(key);
            Process process = model.getModelElementById(key);
            assertThat(process).as(key).isNotNull();
            assertThat(process.isExecutable()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("the engine's statutory default").isNull();
            SERVICE_TASKS.get(key).forEach((id, delegate) -> assertThat(((ServiceTask) model.getModelElementById(id))
                    .getCamundaDelegateExpression()).as(id).isEqualTo(delegate));
            assertThat(model.getModelElementsByType(ServiceTask.class)).extracting(BaseElement::getId)
                    .containsExactlyInAnyOrderElementsOf(SERVICE_TASKS.get(key).keySet());
        }
    }

    @Test
    void everyUserTaskHasGroupsDeadlineFormAndListenersAndItsFormOffersItsFields() throws IOException {
        for (Map.Entry<String, Expected> e : USER_TASKS.entrySet()) {
            Expected x = e.getValue();
            BpmnModelInstance model = model(x.file());
            UserTask task = model.getModelElementById(e.getKey());
            assertThat(task).as(e.getKey()).isNotNull();
            assertThat(task.getCamundaCandidateGroups()).as(e.getKey()).isEqualTo(x.groups());
            assertThat(task.getCamundaDueDate()).as(e.getKey()).isEqualTo(x.dueDate());
            assertThat(task.getCamundaFormRef()).isEqualTo(x.formRef());
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                    .extracting(CamundaTaskListener::getCamundaEvent, CamundaTaskListener::getCamundaDelegateExpression)
                    .containsExactlyInAnyOrder(tuple("create", "${permitLifecycleTaskCreated}"),
                            tuple("complete", "${permitLifecycleTaskCompleted}"));

            JsonNode form = JSON.readTree(Path.of("forms/permit/" + x.formRef() + ".form").toFile());
            assertThat(form.path("id").asText()).isEqualTo(x.formRef());
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            // a dynamic list is named by its path (Tasklist submits its rows under it)
            form.path("components").forEach(c -> byKey.put(c.path(c.has("key") ? "key" : "path").asText(), c));
            for (String field : x.requiredFields()) {
                assertThat(byKey.get(field)).as(x.formRef() + "." + field).isNotNull();
                assertThat(byKey.get(field).at("/validate/required").asBoolean()).as(field + " required").isTrue();
                assertThat(byKey.get(field).path("disabled").asBoolean(false)).isFalse();
            }
            for (String field : OPTIONAL_FIELDS.get(x.formRef())) {
                assertThat(byKey.get(field)).as(x.formRef() + "." + field).isNotNull();
                assertThat(byKey.get(field).at("/validate/required").asBoolean(false)).as(field + " optional").isFalse();
            }
            byKey.values().forEach(c -> assertThat(c.path("label").asText()).as(x.formRef() + " label 中文 / English")
                    .matches("\\p{IsHan}.* / [A-Z].*"));
            assertThat(byKey.get(VAR_PERMIT_NUMBER)).as(x.formRef() + " shows the permit").isNotNull();
            assertThat(byKey.get(VAR_PERMIT_NUMBER).path("disabled").asBoolean()).isTrue();
        }
        // the changed items are rows, each a choice of exactly the items the renewal step knows
        JsonNode changed = JSON.readTree(Path.of("forms/permit/permit-renewal-filing.form").toFile()).path("components")
                .findParent("path");
        assertThat(changed.path("type").asText()).isEqualTo("dynamiclist");
        assertThat(changed.path("path").asText()).isEqualTo(F_CHANGED_ITEMS);
        JsonNode item = changed.path("components").get(0);
        assertThat(item.path("key").asText()).isEqualTo(C_CHANGED_ITEM);
        assertThat(item.path("values").findValuesAsText("value"))
                .containsExactlyElementsOf(org.hmcflow.permit.application.PermitItem.names());
        item.path("values").forEach(v -> assertThat(v.path("label").asText()).matches("\\p{IsHan}.* ?/ [A-Z].*"));
    }

    @Test
    void everyDecisionAFormOffersIsRoutedByItsGateway() throws IOException {
        for (List<String> d : DECISIONS) {
            ExclusiveGateway gateway = model(d.get(2)).getModelElementById(d.get(1));
            Set<String> offered = new HashSet<>();
            JsonNode form = JSON.readTree(Path.of("forms/permit/" + d.get(3) + ".form").toFile());
            form.path("components").forEach(c -> {
                if (c.path("key").asText().equals(d.get(0))) {
                    c.path("values").forEach(v -> offered.add(v.path("value").asText()));
                }
            });
            Set<String> routed = new HashSet<>();
            for (SequenceFlow flow : gateway.getOutgoing()) {
                Matcher m = DECISION.matcher(flow.getConditionExpression().getTextContent());
                assertThat(m.matches()).as(flow.getId()).isTrue();
                assertThat(m.group(1)).isEqualTo(d.get(0));
                routed.add(m.group(2));
            }
            assertThat(offered).as(d.get(0)).isNotEmpty();
            assertThat(routed).as(d.get(0)).containsExactlyInAnyOrderElementsOf(offered);
        }
    }

    @Test
    void theRenewalWatchRemindsCountingBackFromExpiryAndLapsesAtIt() {
        BpmnModelInstance model = model(RENEWAL_KEY);
        assertThat(timeDate(model, TIMER_NEXT_REMINDER)).isEqualTo("${" + VAR_NEXT_REMINDER_AT + "}");
        assertThat(timeDate(model, TIMER_PERMIT_EXPIRED)).isEqualTo("${" + VAR_EXPIRES_AT + "}");
        assertThat(timeDate(model, TIMER_AWAIT_EXPIRY)).isEqualTo("${" + VAR_EXPIRES_AT + "}");
        BoundaryEvent expired = model.getModelElementById(TIMER_PERMIT_EXPIRED);
        assertThat(expired.cancelActivity()).as("expiry ends whatever is still open").isTrue();
        assertThat(expired.getAttachedTo().getId()).isEqualTo("SubProcess_RenewalPeriod");
        BoundaryEvent lapse = model.getModelElementById(TIMER_RENEWAL_ACCEPTANCE_LAPSED);
        assertThat(lapse.cancelActivity()).isTrue();
        assertThat(lapse.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId())
                .isEqualTo("ServiceTask_DeemRenewalAccepted");
        for (String id : List.of("BoundaryEvent_RenewalDecisionReminder", "BoundaryEvent_RenewalDecisionOverdue")) {
            assertThat(((BoundaryEvent) model.getModelElementById(id)).cancelActivity()).as(id).isFalse();
        }
        // the reminders name their period and lead, so each is its own notification
        ServiceTask remind = model.getModelElementById("ServiceTask_SendRenewalReminder");
        assertThat(remind.getExtensionElements().getDomElement().getTextContent())
                .contains(DEADLINE_RENEWAL_FILING + ".${validUntil}.${reminderLeadDays}d", "${reminderRecipients}",
                        "${filingDue}");
        // the cancellation ends the watch by message
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
                .extracting(org.camunda.bpm.model.bpmn.instance.Message::getName).containsExactly(MESSAGE_PERMIT_ENDED);
    }



    private static String timeDate(BpmnModelInstance model, String id) {
        FlowNode node = model.getModelElementById(id);
        TimerEventDefinition timer = node.getChildElementsByType(TimerEventDefinition.class).iterator().next();
        return timer.getTimeDate().getTextContent();
    }
}
