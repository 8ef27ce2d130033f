package org.hmcflow.inspection;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code inspection} model (监督检查) and its forms, read from the files the engine deploys: ids, groups, deadlines
 * from sla.yaml rules, forms that exist and carry the fields the completion rules read, reminders and escalations on
 * every step, and delegate expressions that name whitelisted beans. No engine is started.
 */
class InspectionProcessModelTest {

    private static final Path BPMN = Path.of("processes/inspection/inspection.bpmn");
    private static final Path FORMS = Path.of("forms/inspection");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Expected(String shortName, String groups, String rule, String form, List<String> requiredFields) {
    }

    private static final Map<String, Expected> USER_TASKS = new LinkedHashMap<>();

    static {
        USER_TASKS.put(InspectionProcess.TASK_PREPARE, new Expected("Prepare", "${inspectorsGroup}", "inspection.prepare",
                "inspection-preparation", List.of()));
        USER_TASKS.put(InspectionProcess.TASK_RECORD_ON_SITE, new Expected("OnSite", "${inspectorsGroup}",
                "inspection.on-site", "inspection-on-site",
                List.of("inspectedOn", "presentInspectorIds", "answers", "recordSummary")));
        USER_TASKS.put(InspectionProcess.TASK_CONFIRM_RECORD, new Expected("Confirm", "${enterpriseGroup}",
                "inspection.confirm", "inspection-confirmation", List.of("recordConfirmation", "representative", "disputeReason")));
        USER_TASKS.put(InspectionProcess.TASK_ANSWER_DISPUTE, new Expected("Dispute", "${inspectorsGroup}",
                "inspection.dispute-answer", "inspection-dispute-answer",
                List.of("disputeOutcome", "disputeResponse", "amendedSummary")));
        USER_TASKS.put(InspectionProcess.TASK_ENTER_MONITORING, new Expected("Monitoring", "${monitoringGroup}",
                "inspection.monitoring", "inspection-monitoring", List.of("monitoringReportNo", "sampledOn", "results")));
        USER_TASKS.put(InspectionProcess.TASK_DECIDE_FINDINGS, new Expected("Findings", "${inspectorsGroup}",
                "inspection.findings", "inspection-findings", List.of("findingsComment", "hazardTitle", "hazardLocation")));
    }

    private static BpmnModelInstance model;

    @BeforeAll
    static void readModel() {
        model = Bpmn.readModelFromFile(BPMN.toFile());
    }

    @Test
    void theProcessIsExecutableUnderItsKeyWithTheElementsTheCodeNames() {
        Process process = model.getModelElementById(InspectionProcess.KEY);
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(model.getModelElementsByType(Process.class)).hasSize(1);
        for (String id : List.of(InspectionProcess.END_CLOSED, InspectionProcess.END_REFERRED,
                InspectionProcess.TIMER_REFUSED_TO_SIGN, InspectionProcess.SERVICE_REFUSED_TO_SIGN)) {
            assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
        }
    }

    @Test
    void everyUserTaskHasItsGroupDeadlineRuleFormAndListeners() throws IOException {
        Set<String> rules = slaRules();
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(USER_TASKS.keySet());
        for (UserTask task : tasks) {
            Expected expected = USER_TASKS.get(task.getId());
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo(expected.groups());
            assertThat(task.getCamundaDueDate()).as(task.getId()).isEqualTo("${deadlines.due('" + expected.rule() + "')}");
            assertThat(rules).as("sla.yaml rules").contains(expected.rule());
            assertThat(task.getCamundaFormRef()).isEqualTo(expected.form());
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            List<String> listeners = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
                    .list().stream().map(l -> l.getCamundaEvent() + ":" + l.getCamundaDelegateExpression()).toList();
            assertThat(listeners).containsExactlyInAnyOrder("create:${inspectionTaskCreated}",
                    "complete:${inspectionTaskCompleted}");
        }
    }

    @Test
    void eachFormExistsUnderItsIdAndCarriesTheFieldsItsStepReads() throws IOException {
        for (Expected expected : USER_TASKS.values()) {
            Path file = FORMS.resolve(expected.form() + ".form");
            assertThat(file).as(expected.form()).exists();
            JsonNode form = JSON.readTree(Files.readString(file));
            assertThat(form.get("id").asText()).isEqualTo(expected.form());
            Map<String, JsonNode> byKey = new HashMap<>();
            form.get("components").forEach(c -> {
                if (c.has("key")) {
                    byKey.put(c.get("key").asText(), c);
                } else if ("dynamiclist".equals(c.path("type").asText())) {
                    byKey.put(c.get("path").asText(), c);
                }
            });
            for (String field : expected.requiredFields()) {
                assertThat(byKey).as(expected.form() + " field " + field).containsKey(field);
                JsonNode c = byKey.get(field);
                if ("dynamiclist".equals(c.path("type").asText())) {
                    // a list is filled in by its rows: some cell of each row is required and not disabled
                    assertThat(c.get("components")).as(expected.form() + " " + field + " has a required cell")
                            .anySatisfy(cell -> {
                                assertThat(cell.at("/validate/required").asBoolean()).isTrue();
                                assertThat(cell.path("disabled").asBoolean()).isFalse();
                            });
                    continue;
                }
                assertThat(c.at("/validate/required").asBoolean()).as(expected.form() + " " + field + " required")
                        .isTrue();
                assertThat(c.path("disabled").asBoolean()).isFalse();
            }
        }
        // the decisions the gateways and rules read are offered by the forms
        assertThat(Files.readString(FORMS.resolve("inspection-confirmation.form"))).contains("\"CONFIRM\"", "\"DISPUTE\"");
        assertThat(Files.readString(FORMS.resolve("inspection-dispute-answer.form"))).contains("\"UPHELD\"", "\"AMENDED\"");
        assertThat(Files.readString(FORMS.resolve("inspection-findings.form")))
                .contains("\"hazardFound\"", "\"violationFound\"", "\"violations\"");
        assertThat(Files.readString(FORMS.resolve("inspection-preparation.form"))).contains("\"samplingRequired\"");
    }

    /** What Camunda 7.24's Tasklist renders (form-js 1.8, schema 16): any other component stops the whole form. */
    private static final Set<String> TASKLIST_COMPONENTS = Set.of("text", "textfield", "textarea", "number", "datetime",
            "select", "radio", "checkbox", "checklist", "taglist", "group", "dynamiclist", "separator", "spacer");

    @Test
    void everyListIsRowsOfComponentsTasklistRendersAndNoFieldTakesTextRows() throws IOException {
        Map<String, JsonNode> lists = new HashMap<>();
        try (var files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode form = JSON.readTree(Files.readString(file));
                assertThat(form.get("schemaVersion").asInt()).as(file + " schema").isLessThanOrEqualTo(16);
                List<JsonNode> all = new java.util.ArrayList<>();
                collect(form.get("components"), all);
                assertThat(all).extracting(c -> c.get("id").asText()).as(file + " ids unique").doesNotHaveDuplicates();
                for (JsonNode c : all) {
                    assertThat(c.get("type").asText()).as(file + " " + c.get("id")).isIn(TASKLIST_COMPONENTS);
                    // a list typed as text: "a | b" lines, comma-separated ids, one item a line
                    assertThat(c.path("label").asText() + c.path("description").asText())
                            .as(file + " " + c.get("id") + " takes no text rows")
                            .doesNotContain("每行", "逗号", "One a line", "comma-separated", " | ");
                    if ("dynamiclist".equals(c.get("type").asText())) {
                        lists.put(file.getFileName() + ":" + c.get("path").asText(), c);
                    }
                }
            }
        }
        assertThat(lists).containsKeys("inspection-on-site.form:" + InspectionProcess.F_CHECKLIST_ANSWERS,
                "inspection-on-site.form:" + InspectionProcess.F_PRESENT_INSPECTORS,
                "inspection-monitoring.form:" + InspectionProcess.F_RESULTS,
                "inspection-findings.form:" + InspectionProcess.F_VIOLATIONS,
                "inspection-confirmation.form:" + InspectionProcess.VAR_RECORDED_ANSWERS,
                "inspection-findings.form:" + InspectionProcess.VAR_RECORDED_ANSWERS,
                "inspection-findings.form:" + InspectionProcess.VAR_RECORDED_RESULTS);
        // rows the step offers: not added or removed, none to start with
        for (String offered : List.of("inspection-on-site.form:answers", "inspection-on-site.form:presentInspectorIds",
                "inspection-confirmation.form:recordedAnswers", "inspection-findings.form:recordedResults")) {
            assertThat(lists.get(offered).get("allowAddRemove").asBoolean()).as(offered).isFalse();
            assertThat(lists.get(offered).get("defaultRepetitions").asInt()).as(offered).isZero();
        }
        // the answers and kinds offered are those the rules accept; an exceedance comes from the measurements
        assertThat(cell(lists.get("inspection-on-site.form:answers"), "answer").findValuesAsText("value"))
                .containsExactly("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE");
        assertThat(cell(lists.get("inspection-monitoring.form:results"), "pollutant").findValuesAsText("value"))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(org.hmcflow.enterprise.Pollutant.values())
                        .map(Enum::name).toList());
        assertThat(cell(lists.get("inspection-findings.form:violations"), "kind").findValuesAsText("value"))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(ViolationKind.values())
                        .filter(k -> k != ViolationKind.EXCEEDS_STANDARD).map(Enum::name).toList());
        assertThat(cell(lists.get("inspection-findings.form:violations"), "itemCode").get("valuesKey").asText())
                .isEqualTo(InspectionProcess.VAR_NON_COMPLIANT_ITEMS);
        // the item code goes back with each answer (a disabled cell would not be submitted), the rest is shown only
        JsonNode answers = lists.get("inspection-on-site.form:answers");
        assertThat(cell(answers, "itemCode").get("readonly").asBoolean()).isTrue();
        assertThat(cell(answers, "item").get("disabled").asBoolean()).isTrue();
        assertThat(cell(lists.get("inspection-on-site.form:presentInspectorIds"), "inspectorId").get("readonly").asBoolean())
                .isTrue();
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    private static JsonNode cell(JsonNode list, String key) {
        for (JsonNode c : list.get("components")) {
            if (key.equals(c.path("key").asText())) {
                return c.has("values") ? c.get("values") : c;
            }
        }
        throw new AssertionError("no cell " + key);
    }

    @Test
    void everyStepRemindsAndEscalatesByTheSharedDelegatesAndTheConfirmationEndsAsRefusedToSign() {
        for (Map.Entry<String, Expected> e : USER_TASKS.entrySet()) {
            String x = e.getValue().shortName();
            String rule = e.getValue().rule();
            assertChain(e.getKey(), "BoundaryEvent_" + x + "Reminder", "${deadlines.reminder('" + rule + "')}",
                    "ServiceTask_Remind" + x, "${sendTaskReminder}", false);
            if (!e.getKey().equals(InspectionProcess.TASK_CONFIRM_RECORD)) {
                assertChain(e.getKey(), "BoundaryEvent_" + x + "Overdue", "${deadlines.due('" + rule + "')}",
                        "ServiceTask_Escalate" + x, "${escalateOverdueTask}", false);
            }
        }
        assertChain(InspectionProcess.TASK_CONFIRM_RECORD, InspectionProcess.TIMER_REFUSED_TO_SIGN,
                "${deadlines.due('inspection.confirm')}", InspectionProcess.SERVICE_REFUSED_TO_SIGN,
                "${recordRefusedToSign}", true);
        FlowNode refusal = model.getModelElementById(InspectionProcess.SERVICE_REFUSED_TO_SIGN);
        assertThat(refusal.getOutgoing()).extracting(f -> f.getTarget().getId()).containsExactly("Gateway_JoinRecord");
    }

    private void assertChain(String taskId, String boundaryId, String timeDate, String serviceId, String delegate,
                             boolean interrupting) {
        BoundaryEvent boundary = model.getModelElementById(boundaryId);
        assertThat(boundary).as(boundaryId).isNotNull();
        assertThat(boundary.getAttachedTo().getId()).isEqualTo(taskId);
        assertThat(boundary.cancelActivity()).as(boundaryId + " interrupting").isEqualTo(interrupting);
        TimerEventDefinition timer = (TimerEventDefinition) boundary.getEventDefinitions().iterator().next();
        assertThat(timer.getTimeDate().getTextContent()).isEqualTo(timeDate);
        assertThat(boundary.getOutgoing()).extracting(f -> f.getTarget().getId()).containsExactly(serviceId);
        ServiceTask service = model.getModelElementById(serviceId);
        assertThat(service.getCamundaDelegateExpression()).isEqualTo(delegate);
        if (!interrupting) {
            assertThat(service.getExtensionElements().getDomElement().getTextContent()).contains(taskId);
        }
    }

    @Test
    void gatewaysRouteOnTheVariablesTheStepsSet() {
        Map<String, String> conditions = new HashMap<>();
        for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
            if (f.getConditionExpression() != null) {
                conditions.put(f.getId(), f.getConditionExpression().getTextContent());
            }
        }
        assertThat(conditions).containsOnly(
                Map.entry("Flow_RecordDisputed", "${" + InspectionProcess.VAR_DISPUTED + "}"),
                Map.entry("Flow_SamplingRequired", "${" + InspectionProcess.VAR_SAMPLING_REQUIRED + "}"),
                Map.entry("Flow_Referred", "${" + InspectionProcess.VAR_REFERRED + "}"));
    }

    /** Every delegate expression names a bean that exists and that the engine's whitelist lets expressions reach. */
    @Test
    void theProcessCallsExactlyItsDelegatesAndListeners() {
        Set<String> used = new HashSet<>();
        Pattern bean = Pattern.compile("\\$\\{(\\w+)}");
        for (ServiceTask s : model.getModelElementsByType(ServiceTask.class)) {
            Matcher m = bean.matcher(s.getCamundaDelegateExpression());
            assertThat(m.matches()).as(s.getId()).isTrue();
            used.add(m.group(1));
        }
        for (UserTask t : model.getModelElementsByType(UserTask.class)) {
            t.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().forEach(l -> {
                Matcher m = bean.matcher(l.getCamundaDelegateExpression());
                assertThat(m.matches()).isTrue();
                used.add(m.group(1));
            });
        }
        assertThat(used).containsExactlyInAnyOrder("sendTaskReminder", "escalateOverdueTask", "recordRefusedToSign",
                "inspectionTaskCreated", "inspectionTaskCompleted");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> slaRules() throws IOException {
        Map<String, Object> root = new Yaml().load(Files.readString(Path.of("config/sla.yaml")));
        Map<String, Object> rules = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) root.get("hmc"))
                .get("sla")).get("rules");
        Set<String> names = new HashSet<>();
        rules.keySet().forEach(k -> names.add(k.replace("[", "").replace("]", "")));
        return names;
    }
}
