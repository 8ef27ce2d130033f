package org.hmcflow.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hazard-lifecycle model (隐患排查治理) and its forms, read from the files the engine deploys: ids, deadlines,
 * forms and reminders that Java code and the Tasklist depend on. No engine is started.
 */
class HazardProcessModelTest {

    private static final Path BPMN = Path.of("processes/hazard/hazard-lifecycle.bpmn");
    private static final Path FORMS = Path.of("forms/hazard");
    private static final Pattern DECISION = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}");

    /** How a form shows a variable: the user must fill it, may fill it, or only sees it (never written back). */
    /** ROWS: a dynamic list (Tasklist submits its rows as one Json value), whose columns are checked by its step. */
    enum Field { REQUIRED, OPTIONAL, SHOWN, ROWS }

    record Expected(String shortName, String candidateGroups, String dueDate, String reminder, String overdue,
                    String formRef, Map<String, Field> fields) {

        static Expected byRule(String shortName, String groups, String rule, String formRef,
                               Map<String, Field> fields) {
            String due = "${deadlines.due('" + rule + "')}";
            return new Expected(shortName, groups, due, "${deadlines.reminder('" + rule + "')}", due, formRef, fields);
        }
    }

    private static final Map<String, Expected> USER_TASKS = new LinkedHashMap<>();

    static {
        USER_TASKS.put("Task_TriageHazard", Expected.byRule("Triage", "${bureauGroup}", "hazard.triage",
                "hazard-triage", fields(
                        "hazardReference", Field.SHOWN, "hazardTitle", Field.SHOWN,
                        "triageDecision", Field.REQUIRED, "responsibleGroup", Field.REQUIRED,
                        "rectificationWorkingDays", Field.OPTIONAL, "triageComment", Field.REQUIRED)));
        USER_TASKS.put("Task_SubmitRectificationPlan", Expected.byRule("Plan", "${enterpriseGroup}", "hazard.plan",
                "hazard-rectification-plan", fields(
                        "planTargets", Field.REQUIRED, "planMeasures", Field.REQUIRED, "planFunds", Field.REQUIRED,
                        "planResponsiblePerson", Field.REQUIRED, "planInterimMeasures", Field.REQUIRED)));
        USER_TASKS.put("Task_ApproveRectificationPlan", Expected.byRule("PlanReview", "${bureauGroup}",
                "hazard.plan-review", "hazard-plan-approval", fields(
                        "planTargets", Field.SHOWN, "planMeasures", Field.SHOWN, "planFunds", Field.SHOWN,
                        "planResponsiblePerson", Field.SHOWN, "planInterimMeasures", Field.SHOWN,
                        "planDecision", Field.REQUIRED, "reviewComment", Field.REQUIRED)));
        USER_TASKS.put("Task_Rectify", new Expected("Rectify", "${enterpriseGroup}", "${rectificationDue}",
                "${deadlines.reminderBefore(rectificationDue)}", "${rectificationDue}", "hazard-rectification", fields(
                        "rectificationDue", Field.SHOWN, "roundNo", Field.SHOWN,
                        "rectificationSummary", Field.REQUIRED)));
        USER_TASKS.put("Task_RecordExpertOpinion", Expected.byRule("Expert", "${responsibleGroup}", "hazard.expert",
                "hazard-expert-opinion", fields("experts", Field.ROWS, "expertOpinion", Field.REQUIRED)));
        USER_TASKS.put("Task_VerifyRectification", Expected.byRule("Verify", "${responsibleGroup}", "hazard.verify",
                "hazard-verification", fields(
                        "verificationResult", Field.REQUIRED, "verificationComment", Field.REQUIRED,
                        "nextRectificationWorkingDays", Field.REQUIRED)));
        USER_TASKS.put("Task_LiftSupervision", Expected.byRule("LiftSupervision", "hmc-supervisor",
                "hazard.lift-supervision", "hazard-lift-supervision", fields(
                        "supervisionDecision", Field.REQUIRED, "supervisionComment", Field.REQUIRED,
                        "nextRectificationWorkingDays", Field.REQUIRED)));
        USER_TASKS.put("Task_FollowUpRecheck", Expected.byRule("Recheck", "${responsibleGroup}",
                "hazard.recheck-task", "hazard-recheck", fields(
                        "recheckResult", Field.REQUIRED, "recheckComment", Field.REQUIRED,
                        "nextRectificationWorkingDays", Field.REQUIRED)));
    }

    /** Fields shown only for some decisions: form key, field key, FEEL expression that hides it. */
    private static final List<List<String>> CONDITIONAL_FIELDS = List.of(
            List.of("hazard-triage", "responsibleGroup", "=triageDecision = \"DISMISS\""),
            List.of("hazard-triage", "rectificationWorkingDays",
                    "=triageDecision != \"GENERAL\" and triageDecision != \"MAJOR\""),
            List.of("hazard-verification", "nextRectificationWorkingDays", "=verificationResult != \"FAIL\""),
            List.of("hazard-lift-supervision", "nextRectificationWorkingDays", "=supervisionDecision != \"CONTINUE\""),
            List.of("hazard-recheck", "nextRectificationWorkingDays", "=recheckResult != \"REOPEN\""));

    /** Decision variable → the gateway that routes on it, with the form that sets it. */
    private static final Map<String, List<String>> DECISIONS = Map.of(
            "triageDecision", List.of("Gateway_TriageOutcome", "hazard-triage"),
            "planDecision", List.of("Gateway_PlanDecision", "hazard-plan-approval"),
            "verificationResult", List.of("Gateway_VerificationResult", "hazard-verification"),
            "supervisionDecision", List.of("Gateway_SupervisionDecision", "hazard-lift-supervision"),
            "recheckResult", List.of("Gateway_RecheckResult", "hazard-recheck"));

    private static final Map<String, String> SERVICE_TASKS = Map.of(
            "ServiceTask_ListForSupervision", "${listForSupervision}",
            "ServiceTask_StartNextRound", "${startNextRound}",
            "ServiceTask_CloseOut", "${closeOutHazard}",
            "ServiceTask_ReopenHazard", "${reopenHazard}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BpmnModelInstance model;
    private static Process process;

    @BeforeAll
    static void readModel() {
        model = Bpmn.readModelFromFile(BPMN.toFile());
        process = model.getModelElementById("hazard-lifecycle");
    }

    @Test
    void processIsExecutableUnderItsContractKey() {
        assertThat(process).as("process hazard-lifecycle").isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getName()).isEqualTo("隐患排查治理 Hazard lifecycle");
        assertThat(process.getCamundaHistoryTimeToLiveString())
                .as("history time to live comes from the engine default, not the model").isNull();
        assertThat(model.getModelElementsByType(Process.class)).hasSize(1);
        assertThat(startEvent()).isEqualTo("StartEvent_HazardReported");
    }

    @Test
    void everyUserTaskHasGroupsDeadlineFormAndCompletionListener() {
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(USER_TASKS.keySet());

        for (UserTask task : tasks) {
            Expected expected = USER_TASKS.get(task.getId());
            assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate groups")
                    .isEqualTo(expected.candidateGroups());
            assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isEqualTo(expected.dueDate());
            assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isEqualTo(expected.formRef());
            assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " formRefBinding").isEqualTo("deployment");
            assertThat(task.getCamundaFormKey()).as(task.getId() + " formKey").isNull();

            List<CamundaTaskListener> listeners = extensions(task, CamundaTaskListener.class);
            assertThat(listeners).as(task.getId() + " task listeners")
                    .anySatisfy(listener -> {
                        assertThat(listener.getCamundaEvent()).isEqualTo("complete");
                        assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${hazardTaskCompleted}");
                    });
        }
    }

    @Test
    void everyUserTaskRemindsBeforeAndEscalatesAfterItsDeadlineWithoutBeingInterrupted() {
        for (Map.Entry<String, Expected> entry : USER_TASKS.entrySet()) {
            String taskId = entry.getKey();
            Expected expected = entry.getValue();
            List<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(event -> event.getAttachedTo().getId().equals(taskId))
                    .toList();
            assertThat(boundaries).as(taskId + " boundary events")
                    .extracting(BoundaryEvent::getId)
                    .containsExactlyInAnyOrder("BoundaryEvent_" + expected.shortName() + "Reminder",
                            "BoundaryEvent_" + expected.shortName() + "Overdue");

            String x = expected.shortName();
            assertTimerChain(taskId, "BoundaryEvent_" + x + "Reminder", expected.reminder(),
                    "ServiceTask_Remind" + x, "${sendTaskReminder}", "EndEvent_" + x + "Reminded");
            assertTimerChain(taskId, "BoundaryEvent_" + x + "Overdue", expected.overdue(),
                    "ServiceTask_Escalate" + x, "${escalateOverdueTask}", "EndEvent_" + x + "Escalated");
        }
    }

    private static void assertTimerChain(String taskId, String boundaryId, String timeDate, String serviceTaskId,
                                         String delegate, String endEventId) {
        BoundaryEvent boundary = model.getModelElementById(boundaryId);
        assertThat(boundary.cancelActivity()).as(boundaryId + " must not interrupt the task").isFalse();
        assertThat(boundary.getEventDefinitions()).as(boundaryId + " event definitions").singleElement()
                .isInstanceOfSatisfying(TimerEventDefinition.class, timer -> {
                    assertThat(timer.getTimeDate()).as(boundaryId + " timeDate").isNotNull();
                    assertThat(timer.getTimeDate().getTextContent()).as(boundaryId + " timeDate")
                            .isEqualTo(timeDate);
                });

        assertThat(boundary.getOutgoing()).as(boundaryId + " outgoing").singleElement()
                .extracting(flow -> flow.getTarget().getId()).isEqualTo(serviceTaskId);
        ServiceTask service = model.getModelElementById(serviceTaskId);
        assertThat(service.getCamundaDelegateExpression()).as(serviceTaskId).isEqualTo(delegate);
        assertThat(taskKeyOf(service)).as(serviceTaskId + " input parameter taskKey").isEqualTo(taskId);
        assertThat(service.getOutgoing()).as(serviceTaskId + " outgoing").singleElement()
                .extracting(flow -> flow.getTarget().getId()).isEqualTo(endEventId);
        assertThat((Object) model.getModelElementById(endEventId)).isInstanceOf(EndEvent.class);
    }

    private static String taskKeyOf(ServiceTask service) {
        List<CamundaInputOutput> io = extensions(service, CamundaInputOutput.class);
        assertThat(io).as(service.getId() + " camunda:inputOutput").hasSize(1);
        return io.get(0).getCamundaInputParameters().stream()
                .filter(parameter -> parameter.getCamundaName().equals("taskKey"))
                .map(CamundaInputParameter::getTextContent)
                .findFirst().orElse(null);
    }

    @Test
    void serviceTasksCallTheWhitelistedDelegates() {
        SERVICE_TASKS.forEach((id, delegate) -> {
            ServiceTask task = model.getModelElementById(id);
            assertThat(task).as(id).isNotNull();
            assertThat(task.getCamundaDelegateExpression()).as(id).isEqualTo(delegate);
        });
        IntermediateCatchEvent wait = model.getModelElementById("TimerEvent_WaitForRecheck");
        assertThat(wait.getEventDefinitions()).singleElement()
                .isInstanceOfSatisfying(TimerEventDefinition.class,
                        timer -> assertThat(timer.getTimeDate().getTextContent()).isEqualTo("${recheckAt}"));
        assertThat(wait.getIncoming()).singleElement().extracting(flow -> flow.getSource().getId())
                .isEqualTo("ServiceTask_CloseOut");
    }

    @Test
    void eachFormRefNamesAFormFileWithTheVariablesOfItsTask() throws IOException {
        for (Expected expected : USER_TASKS.values()) {
            JsonNode form = readForm(expected.formRef());
            assertThat(form.path("id").asText()).as(expected.formRef() + " id").isEqualTo(expected.formRef());
            assertThat(form.path("type").asText()).isEqualTo("default");
            assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);

            List<JsonNode> components = components(form);
            assertThat(components).extracting(c -> c.path("id").asText())
                    .as(expected.formRef() + " component ids").doesNotHaveDuplicates().doesNotContain("");
            Map<String, JsonNode> byKey = components.stream().filter(c -> c.hasNonNull("key") || c.hasNonNull("path"))
                    .collect(Collectors.toMap(c -> c.path(c.hasNonNull("key") ? "key" : "path").asText(), Function.identity()));
            assertThat(allComponents(components)).extracting(c -> c.path("id").asText())
                    .as(expected.formRef() + " ids, rows' columns included").doesNotHaveDuplicates().doesNotContain("");
            assertThat(byKey).as(expected.formRef() + " keys").containsKeys(
                    expected.fields().keySet().toArray(String[]::new));

            expected.fields().forEach((key, field) -> {
                JsonNode component = byKey.get(key);
                String where = expected.formRef() + "." + key;
                boolean disabled = component.path("disabled").asBoolean(false);
                boolean required = component.path("validate").path("required").asBoolean(false);
                switch (field) {
                    // disabled: form-js neither validates nor submits it, so the Tasklist never overwrites the variable
                    case SHOWN -> assertThat(disabled).as(where + " is shown read-only (disabled)").isTrue();
                    case REQUIRED -> assertThat(!disabled && required).as(where + " is required").isTrue();
                    case OPTIONAL -> assertThat(!disabled && !required).as(where + " is optional").isTrue();
                    case ROWS -> {
                        assertThat(component.path("type").asText()).as(where + " is a dynamic list").isEqualTo("dynamiclist");
                        assertThat(component.path("components")).as(where + " columns").isNotEmpty();
                        component.path("components").forEach(column -> assertThat(column.path("label").asText())
                                .as(where + "." + column.path("key").asText() + " label: 中文 / English")
                                .matches("\\p{IsHan}.* / [A-Z].*"));
                    }
                }
                assertThat(component.path("label").asText()).as(where + " label: 中文 / English")
                        .matches("\\p{IsHan}.* / [A-Z].*");
            });
        }
    }

    @Test
    void formsShowDecisionDependentFieldsOnlyWhenTheyApply() throws IOException {
        for (List<String> conditional : CONDITIONAL_FIELDS) {
            JsonNode component = component(readForm(conditional.get(0)), conditional.get(1));
            assertThat(component.path("conditional").path("hide").asText())
                    .as(conditional.get(0) + "." + conditional.get(1) + " hide condition")
                    .isEqualTo(conditional.get(2));
        }
        for (String workingDays : List.of("rectificationWorkingDays", "nextRectificationWorkingDays")) {
            for (Expected expected : USER_TASKS.values()) {
                if (expected.fields().containsKey(workingDays)) {
                    JsonNode validate = component(readForm(expected.formRef()), workingDays).path("validate");
                    assertThat(validate.path("min").asInt()).as(expected.formRef() + "." + workingDays).isEqualTo(1);
                    assertThat(validate.path("max").asInt()).as(expected.formRef() + "." + workingDays).isEqualTo(365);
                }
            }
        }
        assertThat(component(readForm("hazard-rectification-plan"), "planFunds").path("validate").path("min").asInt(-1))
                .isZero();
    }

    @Test
    void everyDecisionOfferedByAFormIsRoutedByItsGateway() throws IOException {
        for (Map.Entry<String, List<String>> decision : DECISIONS.entrySet()) {
            String variable = decision.getKey();
            ExclusiveGateway gateway = model.getModelElementById(decision.getValue().get(0));
            Set<String> offered = new HashSet<>();
            component(readForm(decision.getValue().get(1)), variable).path("values")
                    .forEach(option -> offered.add(option.path("value").asText()));

            Map<String, String> routed = new HashMap<>();
            for (SequenceFlow flow : gateway.getOutgoing()) {
                if (flow.equals(gateway.getDefault())) {
                    assertThat(flow.getConditionExpression()).as(flow.getId() + " default flow condition").isNull();
                    continue;
                }
                assertThat(flow.getConditionExpression()).as(flow.getId() + " condition").isNotNull();
                Matcher matcher = DECISION.matcher(flow.getConditionExpression().getTextContent());
                assertThat(matcher.matches()).as(flow.getId() + " condition shape").isTrue();
                assertThat(matcher.group(1)).as(flow.getId() + " condition variable").isEqualTo(variable);
                routed.put(matcher.group(2), flow.getTarget().getId());
            }
            assertThat(offered).as(variable + " options in the form").containsAll(routed.keySet());
            if (gateway.getDefault() == null) {
                assertThat(routed.keySet()).as(variable + " values routed by " + gateway.getId())
                        .containsExactlyInAnyOrderElementsOf(offered);
            }
        }
        assertThat(((ExclusiveGateway) model.getModelElementById("Gateway_TriageOutcome")).getDefault().getTarget().getId())
                .as("a general hazard goes straight to rectification").isEqualTo("Gateway_JoinRectification");
    }

    @Test
    void flowsConvergeOnlyAtExplicitJoinGateways() {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            boolean join = node instanceof ExclusiveGateway && node.getId().startsWith("Gateway_Join");
            if (join) {
                assertThat(node.getIncoming()).as(node.getId() + " incoming").hasSizeGreaterThan(1);
                assertThat(node.getOutgoing()).as(node.getId() + " outgoing").hasSize(1);
            } else {
                assertThat(node.getIncoming()).as(node.getId() + " incoming").hasSizeLessThanOrEqualTo(1);
            }
        }
    }





    private static String startEvent() {
        return model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
                .map(BaseElement::getId).collect(Collectors.joining(","));
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> extensions(
            BaseElement element, Class<T> type) {
        if (element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(type).list();
    }

    private static JsonNode readForm(String formRef) throws IOException {
        Path file = FORMS.resolve(formRef + ".form");
        assertThat(file).as("form file for formRef " + formRef).isRegularFile();
        return JSON.readTree(Files.readString(file));
    }

    private static List<JsonNode> components(JsonNode form) {
        return StreamSupport.stream(form.path("components").spliterator(), false).toList();
    }

    /** The components with those nested in groups and dynamic lists. */
    private static List<JsonNode> allComponents(List<JsonNode> components) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (JsonNode c : components) {
            all.add(c);
            all.addAll(allComponents(components(c)));
        }
        return all;
    }

    private static JsonNode component(JsonNode form, String key) {
        return components(form).stream().filter(c -> key.equals(c.path("key").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(form.path("id").asText() + " has no field " + key));
    }

    private static Map<String, Field> fields(Object... keysAndKinds) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndKinds.length; i += 2) {
            fields.put((String) keysAndKinds[i], (Field) keysAndKinds[i + 1]);
        }
        return fields;
    }
}
