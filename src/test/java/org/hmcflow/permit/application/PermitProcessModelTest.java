package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.hmcflow.review.MultiPartyReviewProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permit-application model (排污许可申领) and its forms, read from the files the engine deploys: ids, deadlines,
 * forms, reminders and the statutory timers that Java code and the Tasklist depend on. No engine is started.
 */
class PermitProcessModelTest {

    private static final Path BPMN = Path.of("processes/permit/permit-application.bpmn");
    private static final Path FORMS = Path.of("forms/permit");
    private static final Pattern DECISION = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}");

    /** ROWS: a dynamic list (Tasklist submits its rows as one Json value), whose columns are checked by its step;
     * LIST: a dynamic list (its {@code path} is the field) whose cells are all required. */
    enum Field { REQUIRED, OPTIONAL, SHOWN, ROWS, LIST }

    /** A user task: its groups, due date, form, and the short name of its reminder chain (null: the statutory timers). */
    record Expected(String candidateGroups, String dueDate, String formRef, String chain, String rule,
                    Map<String, Field> fields) {
    }

    private static final Map<String, Expected> USER_TASKS = new LinkedHashMap<>();

    static {
        USER_TASKS.put(TASK_ACCEPT, new Expected("${bureauGroup}", "${deadlines.due('permit.acceptance')}",
                "permit-acceptance", "Acceptance", PermitRules.SLA_ACCEPTANCE, fields(
                        VAR_REFERENCE, Field.SHOWN, VAR_UNIT_NAME, Field.SHOWN, VAR_RECEIVED_ON, Field.SHOWN,
                        F_ACCEPTANCE_DECISION, Field.REQUIRED, F_MISSING_ITEMS, Field.ROWS,
                        F_NOT_ACCEPTED_REASON, Field.REQUIRED, F_ACCEPTANCE_COMMENT, Field.OPTIONAL)));
        USER_TASKS.put(TASK_SUBMIT_CORRECTIONS, new Expected("${enterpriseGroup}", "${deadlines.due('permit.correction')}",
                "permit-correction", "Corrections", SLA_CORRECTION, fields(
                        VAR_CORRECTION_ITEMS, Field.SHOWN, F_CORRECTION_STATEMENT, Field.REQUIRED)));
        USER_TASKS.put(TASK_TECHNICAL_REVIEW, new Expected("${bureauGroup}", "${deadlines.due('permit.technical-review')}",
                "permit-technical-review", "TechnicalReview", SLA_TECHNICAL_REVIEW, fields(
                        VAR_ADMISSION_VERDICT, Field.SHOWN, VAR_ADMISSION_RULE_CODE, Field.SHOWN,
                        VAR_ADMISSION_GROUNDS, Field.SHOWN, VAR_PROPOSED_CATEGORY, Field.SHOWN,
                        VAR_CATEGORY_GROUNDS, Field.SHOWN, F_REVIEW_OUTCOME, Field.REQUIRED, F_CATEGORY, Field.REQUIRED,
                        F_SITE_INSPECTION, Field.OPTIONAL, F_JOINT_DEPARTMENTS, Field.LIST,
                        F_REVIEW_CORRECTION_ITEMS, Field.LIST, F_REVIEW_COMMENT, Field.REQUIRED)));
        USER_TASKS.put(TASK_SUBMIT_REVIEW_CORRECTIONS, new Expected("${enterpriseGroup}",
                "${deadlines.due('permit.correction')}", "permit-correction", "ReviewCorrections", SLA_CORRECTION, fields(
                        VAR_CORRECTION_ITEMS, Field.SHOWN, F_CORRECTION_STATEMENT, Field.REQUIRED)));
        USER_TASKS.put(TASK_INSPECT_SITE, new Expected("${bureauGroup}", "${deadlines.due('permit.site-inspection')}",
                "permit-site-inspection", "InspectSite", SLA_SITE_INSPECTION, fields(
                        F_INSPECTION_DATE, Field.REQUIRED, F_INSPECTION_RESULT, Field.REQUIRED,
                        F_INSPECTION_FINDINGS, Field.REQUIRED)));
        USER_TASKS.put(TASK_DECIDE, new Expected("${bureauGroup}", "${" + VAR_DECISION_DUE + "}", "permit-decision", null,
                null, fields(VAR_MANAGEMENT_CATEGORY, Field.SHOWN, F_DECISION, Field.REQUIRED,
                        F_DECISION_COMMENT, Field.REQUIRED)));
    }

    /** Decision variable → the gateway that routes on it and the form that offers it. */
    private static final Map<String, List<String>> DECISIONS = Map.of(
            F_ACCEPTANCE_DECISION, List.of("Gateway_AcceptanceDecision", "permit-acceptance"),
            F_REVIEW_OUTCOME, List.of("Gateway_ReviewOutcome", "permit-technical-review"),
            F_DECISION, List.of("Gateway_Decision", "permit-decision"));

    private static final Map<String, String> SERVICE_TASKS = Map.of(
            "ServiceTask_DeemAccepted", "${deemApplicationAccepted}",
            "ServiceTask_CheckAdmission", "${checkPermitAdmission}",
            "ServiceTask_RefuseByAdmission", "${refuseByAdmissionRule}",
            "ServiceTask_CloseAsRegistrationOnly", "${closeAsRegistrationOnly}",
            "ServiceTask_IssuePermit", "${issuePermit}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BpmnModelInstance model;
    private static Process process;

    @BeforeAll
    static void readModel() {
        model = Bpmn.readModelFromFile(BPMN.toFile());
        process = model.getModelElementById(KEY);
    }

    @Test
    void processIsExecutableUnderItsContractKey() {
        assertThat(process).as("process " + KEY).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live is the engine default").isNull();
        assertThat(model.getModelElementsByType(Process.class)).hasSize(1);
    }

    @Test
    void everyUserTaskHasGroupsDeadlineFormAndListeners() {
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactlyInAnyOrderElementsOf(USER_TASKS.keySet());
        USER_TASKS.forEach((id, expected) -> {
            UserTask task = model.getModelElementById(id);
            assertThat(task.getCamundaCandidateGroups()).as(id).isEqualTo(expected.candidateGroups());
            assertThat(task.getCamundaDueDate()).as(id).isEqualTo(expected.dueDate());
            assertThat(task.getCamundaFormRef()).as(id).isEqualTo(expected.formRef());
            assertThat(task.getCamundaFormRefBinding()).as(id).isEqualTo("deployment");
            assertThat(extensions(task, CamundaTaskListener.class))
                    .extracting(CamundaTaskListener::getCamundaEvent, CamundaTaskListener::getCamundaDelegateExpression)
                    .as(id + " listeners").containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("create", "${permitTaskCreated}"),
                            org.assertj.core.groups.Tuple.tuple("complete", "${permitTaskCompleted}"));
        });
    }

    @Test
    void everyStepRemindsAndEscalatesAndTheDecisionFollowsTheStatutoryTimers() {
        USER_TASKS.forEach((id, expected) -> {
            List<String> boundaries = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo().getId().equals(id)).map(BaseElement::getId).toList();
            String x = expected.chain();
            if (x == null) {
                assertThat(boundaries).as(id + ": the statutory timers of its sub-process cover it").isEmpty();
                assertThat(((FlowNode) model.getModelElementById(id)).getParentElement().getAttributeValue("id"))
                        .isEqualTo(SUBPROCESS_REVIEW);
                return;
            }
            if (id.equals(TASK_ACCEPT)) {
                // Art 9: not acted on in time = accepted; the lapse is a timer that interrupts, not an escalation
                assertThat(boundaries).containsExactlyInAnyOrder("BoundaryEvent_AcceptanceReminder", TIMER_ACCEPTANCE_LAPSED);
                BoundaryEvent lapse = model.getModelElementById(TIMER_ACCEPTANCE_LAPSED);
                assertThat(lapse.cancelActivity()).isTrue();
                assertThat(timeDate(lapse)).isEqualTo(expected.dueDate());
                assertThat(lapse.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId())
                        .isEqualTo("ServiceTask_DeemAccepted");
                assertChain(id, "BoundaryEvent_AcceptanceReminder", "${deadlines.reminder('permit.acceptance')}",
                        "ServiceTask_RemindAcceptance", "${sendTaskReminder}", "EndEvent_AcceptanceReminded");
                return;
            }
            assertThat(boundaries).as(id).containsExactlyInAnyOrder("BoundaryEvent_" + x + "Reminder",
                    "BoundaryEvent_" + x + "Overdue");
            assertChain(id, "BoundaryEvent_" + x + "Reminder", "${deadlines.reminder('" + expected.rule() + "')}",
                    "ServiceTask_Remind" + x, "${sendTaskReminder}", "EndEvent_" + x + "Reminded");
            assertChain(id, "BoundaryEvent_" + x + "Overdue", "${deadlines.due('" + expected.rule() + "')}",
                    "ServiceTask_Escalate" + x, "${escalateOverdueTask}", "EndEvent_" + x + "Escalated");
        });

        // the statutory decision timers sit on the review sub-process and read the ledger's variables
        SubProcess review = model.getModelElementById(SUBPROCESS_REVIEW);
        assertThat(model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo().equals(review)).map(BaseElement::getId))
                .containsExactlyInAnyOrderElementsOf(STATUTORY_TIMERS);
        assertStatutory(TIMER_STATUTORY_REMINDER, "${" + VAR_DECISION_REMINDER + "}", "ServiceTask_StatutoryReminder",
                "${sendCaseReminder}");
        assertStatutory(TIMER_STATUTORY_OVERDUE, "${" + VAR_DECISION_DUE + "}", "ServiceTask_StatutoryEscalation",
                "${escalateOverdueCase}");
        for (String id : List.of(TASK_TECHNICAL_REVIEW, TASK_SUBMIT_REVIEW_CORRECTIONS, TASK_INSPECT_SITE, TASK_DECIDE)) {
            assertThat(review.getChildElementsByType(UserTask.class)).extracting(BaseElement::getId).contains(id);
        }
        assertThat(review.getChildElementsByType(CallActivity.class)).extracting(BaseElement::getId)
                .containsExactly(CALL_JOINT_REVIEW);
    }

    @Test
    void theJointReviewCallsTheMultiPartyReviewWithTheReviewTheTechnicalReviewOpened() {
        // one parallel step per department, each with its own deadline chain: see MultiPartyReviewModelTest
        CallActivity joint = model.getModelElementById(CALL_JOINT_REVIEW);
        assertThat(joint.getCalledElement()).isEqualTo(MultiPartyReviewProcess.KEY);
        assertThat(joint.getLoopCharacteristics()).as("the called review runs the parties in parallel").isNull();
        assertThat(extensions(joint, CamundaIn.class))
                .extracting(CamundaIn::getCamundaBusinessKey, CamundaIn::getCamundaSource, CamundaIn::getCamundaTarget)
                .containsExactlyInAnyOrder(tuple("${" + VAR_JOINT_REVIEW_ID + ".toString()}", null, null),
                        tuple(null, VAR_JOINT_REVIEW_ID, MultiPartyReviewProcess.VAR_REVIEW_ID));
        assertThat(extensions(joint, CamundaOut.class))
                .extracting(CamundaOut::getCamundaSource, CamundaOut::getCamundaTarget)
                .containsExactly(tuple(MultiPartyReviewProcess.VAR_OUTCOME, VAR_JOINT_REVIEW_OUTCOME));
        assertThat(joint.getIncoming()).singleElement().extracting(f -> f.getSource().getId())
                .isEqualTo("Gateway_NeedsJointReview");
        assertThat(joint.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId())
                .isEqualTo("Gateway_JoinJointReview");
    }

    @Test
    void theApplicationIsFiledWithTheStartFormWhoseFieldsTheFormReaderKnows() throws IOException {
        assertThat(process.isCamundaStartableInTasklist()).isTrue();
        StartEvent start = model.getModelElementById("StartEvent_ApplicationFiled");
        assertThat(start.getCamundaFormRef()).isEqualTo(ApplicationForm.FORM);
        assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(start.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list())
                .extracting(CamundaExecutionListener::getCamundaEvent, CamundaExecutionListener::getCamundaDelegateExpression)
                .containsExactly(tuple("start", "${permitApplicationFiled}"));

        JsonNode form = readForm(ApplicationForm.FORM);
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        List<JsonNode> fields = components(form).stream().filter(c -> c.hasNonNull("key") || c.hasNonNull("path")).toList();
        assertThat(fields).extracting(c -> c.path(c.has("key") ? "key" : "path").asText())
                .containsExactlyElementsOf(ApplicationForm.FIELDS);
        assertThat(allComponents(components(form))).extracting(c -> c.path("id").asText()).doesNotHaveDuplicates();
        Set<String> optional = Set.of("processCode", "onKeyDischargerList", "heavyMetalEmissionChange", "regionalReduction",
                "offsetAmount", "outputIncrease", "mixingOrAssemblyOnly", "tradeSecretStatement");
        for (JsonNode field : fields) {
            String key = field.path(field.has("key") ? "key" : "path").asText();
            assertThat(field.path("label").asText()).as(key + " label: 中文 / English").matches("\\p{IsHan}.* / [A-Z].*");
            if (field.has("path")) {
                // a list: a dynamic list whose columns are the reader's, each labelled in both languages
                assertThat(field.path("type").asText()).as(key).isEqualTo("dynamiclist");
                assertThat(field.path("components").findValuesAsText("key")).as(key + " columns")
                        .containsExactlyElementsOf(ApplicationForm.COLUMNS.get(key));
                field.path("components").forEach(c -> assertThat(c.path("label").asText())
                        .as(key + "." + c.path("key").asText()).matches("\\p{IsHan}.* / [A-Z].*"));
                continue;
            }
            assertThat(field.path("validate").path("required").asBoolean(false)).as(key + " required")
                    .isEqualTo(!optional.contains(key));
        }
        // the choices in the rows are exactly those the reader accepts
        assertThat(options(form, "List_Facilities", "kind")).containsExactlyElementsOf(
                Arrays.stream(FacilityKind.values()).map(Enum::name).toList());
        assertThat(options(form, "List_Documents", "kind")).containsExactlyElementsOf(
                Arrays.stream(DocumentKind.values()).map(Enum::name).toList());
        assertThat(options(form, "List_Outlets", "pollutant")).containsExactlyElementsOf(
                Arrays.stream(org.hmcflow.enterprise.Pollutant.values()).map(Enum::name).toList());
        Set<String> projectTypes = new HashSet<>();
        component(form, "projectType").path("values").forEach(v -> projectTypes.add(v.path("value").asText()));
        assertThat(projectTypes).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProjectType.values()).map(Enum::name).toList());
        // the restricted processes offered are exactly those the admission table knows
        Set<String> offered = new HashSet<>();
        component(form, "processCode").path("values").forEach(v -> offered.add(v.path("value").asText()));
        String table = Files.readString(Path.of("processes/permit/permit-admission.dmn"));
        Set<String> known = new HashSet<>();
        Matcher rules = Pattern.compile("id=\"UnaryTests_\\w+_Process\">\\s*<text>([^<]*)</text>").matcher(table);
        while (rules.find()) {
            Matcher code = Pattern.compile("\"(\\w+)\"").matcher(rules.group(1));
            while (code.find()) {
                known.add(code.group(1));
            }
        }
        assertThat(offered).isNotEmpty().isEqualTo(known);
    }

    @Test
    void serviceTasksCallTheWhitelistedDelegates() {
        SERVICE_TASKS.forEach((id, delegate) -> {
            ServiceTask task = model.getModelElementById(id);
            assertThat(task).as(id).isNotNull();
            assertThat(task.getCamundaDelegateExpression()).as(id).isEqualTo(delegate);
        });
    }

    @Test
    void eachFormRefNamesAFormFileWithTheVariablesOfItsTask() throws IOException {
        for (Expected expected : USER_TASKS.values()) {
            JsonNode form = readForm(expected.formRef());
            assertThat(form.path("id").asText()).isEqualTo(expected.formRef());
            assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
            List<JsonNode> components = components(form);
            assertThat(components).extracting(c -> c.path("id").asText()).doesNotHaveDuplicates().doesNotContain("");
            Map<String, JsonNode> byKey = components.stream().filter(c -> c.hasNonNull("key") || c.hasNonNull("path"))
                    .collect(Collectors.toMap(c -> c.path(c.hasNonNull("key") ? "key" : "path").asText(), Function.identity()));
            assertThat(allComponents(components)).extracting(c -> c.path("id").asText())
                    .as(expected.formRef() + " ids, rows' columns included").doesNotHaveDuplicates().doesNotContain("");
            expected.fields().forEach((key, field) -> {
                JsonNode component = byKey.get(key);
                String where = expected.formRef() + "." + key;
                assertThat(component).as(where).isNotNull();
                boolean disabled = component.path("disabled").asBoolean(false);
                boolean required = component.path("validate").path("required").asBoolean(false);
                switch (field) {
                    case SHOWN -> assertThat(disabled).as(where + " is read-only").isTrue();
                    case REQUIRED -> assertThat(!disabled && required).as(where + " is required").isTrue();
                    case OPTIONAL -> assertThat(!disabled && !required).as(where + " is optional").isTrue();
                    case ROWS -> {
                        assertThat(component.path("type").asText()).as(where + " is a dynamic list").isEqualTo("dynamiclist");
                        assertThat(component.path("components")).as(where + " columns").isNotEmpty();
                        component.path("components").forEach(column -> assertThat(column.path("label").asText())
                                .as(where + "." + column.path("key").asText() + " label: 中文 / English")
                                .matches("\\p{IsHan}.* / [A-Z].*"));
                    }
                    case LIST -> {
                        assertThat(component.path("type").asText()).as(where + " is a dynamic list").isEqualTo("dynamiclist");
                        assertThat(component.path("allowAddRemove").asBoolean(false)).as(where + " rows added").isTrue();
                        assertThat(components(component)).as(where + " cells").isNotEmpty().allSatisfy(cell -> {
                            assertThat(cell.path("validate").path("required").asBoolean(false))
                                    .as(where + "." + cell.path("key").asText() + " is required").isTrue();
                            assertThat(cell.path("label").asText()).matches("\\p{IsHan}.* / [A-Z].*");
                        });
                    }
                }
                String label = component.has("dateLabel") ? component.path("dateLabel").asText() : component.path("label").asText();
                assertThat(label).as(where + " label: 中文 / English").matches("\\p{IsHan}.* / [A-Z].*");
            });
        }
        // answers that belong to one decision only are shown only with it (hidden fields are neither checked nor sent)
        assertThat(component(readForm("permit-acceptance"), F_MISSING_ITEMS).at("/conditional/hide").asText())
                .isEqualTo("=acceptanceDecision != \"RETURN\"");
        assertThat(component(readForm("permit-acceptance"), F_NOT_ACCEPTED_REASON).at("/conditional/hide").asText())
                .isEqualTo("=acceptanceDecision != \"REFUSE\"");
        assertThat(component(readForm("permit-technical-review"), F_REVIEW_CORRECTION_ITEMS).at("/conditional/hide").asText())
                .isEqualTo("=reviewOutcome != \"REQUEST_CORRECTION\"");
        // the departments are chosen from the options the step offers (every department but the bureau)
        JsonNode department = components(component(readForm("permit-technical-review"), F_JOINT_DEPARTMENTS)).get(0);
        assertThat(department.path("key").asText()).isEqualTo(C_DEPARTMENT);
        assertThat(department.path("type").asText()).isEqualTo("select");
        assertThat(department.path("valuesKey").asText()).isEqualTo(VAR_DEPARTMENT_OPTIONS);
        assertThat(components(component(readForm("permit-technical-review"), F_REVIEW_CORRECTION_ITEMS)))
                .extracting(c -> c.path("key").asText()).containsExactly(C_ITEM);
        for (String onlyWhenProceeding : List.of(F_CATEGORY, F_SITE_INSPECTION, F_JOINT_DEPARTMENTS)) {
            assertThat(component(readForm("permit-technical-review"), onlyWhenProceeding).at("/conditional/hide").asText())
                    .isEqualTo("=reviewOutcome != \"PROCEED\"");
        }
    }

    @Test
    void everyDecisionOfferedByAFormIsRoutedByItsGateway() throws IOException {
        for (Map.Entry<String, List<String>> decision : DECISIONS.entrySet()) {
            ExclusiveGateway gateway = model.getModelElementById(decision.getValue().get(0));
            Set<String> offered = new HashSet<>();
            component(readForm(decision.getValue().get(1)), decision.getKey()).path("values")
                    .forEach(option -> offered.add(option.path("value").asText()));
            Set<String> routed = new HashSet<>();
            for (SequenceFlow flow : gateway.getOutgoing()) {
                Matcher m = DECISION.matcher(flow.getConditionExpression().getTextContent());
                assertThat(m.matches()).as(flow.getId()).isTrue();
                assertThat(m.group(1)).isEqualTo(decision.getKey());
                routed.add(m.group(2));
            }
            assertThat(gateway.getDefault()).as(gateway.getId() + ": every answer has its own flow").isNull();
            assertThat(routed).as(decision.getKey()).containsExactlyInAnyOrderElementsOf(offered);
        }
        ExclusiveGateway verdict = model.getModelElementById("Gateway_AdmissionVerdict");
        assertThat(verdict.getDefault().getTarget().getId()).as("admitted applications go to review")
                .isEqualTo(SUBPROCESS_REVIEW);
    }

    @Test
    void flowsConvergeOnlyAtExplicitJoinGateways() {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node instanceof ExclusiveGateway && node.getId().startsWith("Gateway_Join")) {
                assertThat(node.getIncoming()).as(node.getId()).hasSizeGreaterThan(1);
                assertThat(node.getOutgoing()).as(node.getId()).hasSize(1);
            } else {
                assertThat(node.getIncoming()).as(node.getId() + " incoming").hasSizeLessThanOrEqualTo(1);
            }
        }
    }



    // --- helpers ------------------------------------------------------------------------------------------------------

    private static void assertChain(String taskId, String boundaryId, String timeDate, String serviceId, String delegate,
                                    String endId) {
        BoundaryEvent boundary = model.getModelElementById(boundaryId);
        assertThat(boundary.cancelActivity()).as(boundaryId + " must not interrupt").isFalse();
        assertThat(timeDate(boundary)).as(boundaryId).isEqualTo(timeDate);
        assertThat(boundary.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId()).isEqualTo(serviceId);
        ServiceTask service = model.getModelElementById(serviceId);
        assertThat(service.getCamundaDelegateExpression()).isEqualTo(delegate);
        assertThat(inputs(service)).containsEntry("taskKey", taskId);
        assertThat(service.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId()).isEqualTo(endId);
        assertThat((Object) model.getModelElementById(endId)).isInstanceOf(EndEvent.class);
    }

    private static void assertStatutory(String boundaryId, String timeDate, String serviceId, String delegate) {
        BoundaryEvent boundary = model.getModelElementById(boundaryId);
        assertThat(boundary.cancelActivity()).as(boundaryId + " must not interrupt the review").isFalse();
        assertThat(timeDate(boundary)).isEqualTo(timeDate);
        ServiceTask service = (ServiceTask) boundary.getOutgoing().iterator().next().getTarget();
        assertThat(service.getId()).isEqualTo(serviceId);
        assertThat(service.getCamundaDelegateExpression()).isEqualTo(delegate);
        assertThat(inputs(service)).containsEntry("deadline", DEADLINE_DECISION)
                .containsEntry("recipientGroups", "${bureauGroup}").containsEntry("due", "${decisionDue}");
    }

    private static String timeDate(BoundaryEvent boundary) {
        return ((TimerEventDefinition) boundary.getEventDefinitions().iterator().next()).getTimeDate().getTextContent();
    }

    private static Map<String, String> inputs(ServiceTask service) {
        List<CamundaInputOutput> io = extensions(service, CamundaInputOutput.class);
        assertThat(io).as(service.getId() + " camunda:inputOutput").hasSize(1);
        return io.get(0).getCamundaInputParameters().stream()
                .collect(Collectors.toMap(CamundaInputParameter::getCamundaName, CamundaInputParameter::getTextContent));
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

    /** The values a select column of a dynamic list offers. */
    private static List<String> options(JsonNode form, String listId, String column) {
        JsonNode list = components(form).stream().filter(c -> listId.equals(c.path("id").asText())).findFirst().orElseThrow();
        return components(list).stream().filter(c -> column.equals(c.path("key").asText())).findFirst().orElseThrow()
                .path("values").findValuesAsText("value");
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
        return components(form).stream().filter(c -> key.equals(c.path(c.has("key") ? "key" : "path").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(form.path("id").asText() + " has no field " + key));
    }

    private static Map<String, Field> fields(Object... keysAndKinds) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndKinds.length; i += 2) {
            fields.put((String) keysAndKinds[i], (Field) keysAndKinds[i + 1]);
        }
        return fields;
    }
}
