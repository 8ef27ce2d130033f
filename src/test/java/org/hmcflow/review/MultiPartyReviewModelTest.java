package org.hmcflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hmcflow.review.MultiPartyReviewProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/** The multi-party review model and its opinion form, read from the files the engine deploys. No engine started. */
class MultiPartyReviewModelTest {

    private static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(
            Path.of("processes/review/multi-party-review.bpmn").toFile());

    @Test
    void onePartySubProcessPerPartyInParallelEachWithItsOwnGroupAndDates() {
        Process process = MODEL.getModelElementById(KEY);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.isCamundaStartableInTasklist()).as("started by a calling process").isFalse();

        SubProcess party = MODEL.getModelElementById(SUBPROCESS_PARTY);
        MultiInstanceLoopCharacteristics mi = (MultiInstanceLoopCharacteristics) party.getLoopCharacteristics();
        assertThat(mi.isSequential()).isFalse();
        assertThat(mi.getCamundaCollection()).isEqualTo("${multiPartyReview.parties(" + VAR_REVIEW_ID + ")}");
        assertThat(mi.getCamundaElementVariable()).isEqualTo(VAR_PARTY_ID);
        assertThat(mi.getCompletionCondition()).as("every party answers").isNull();

        UserTask task = MODEL.getModelElementById(TASK_GIVE_OPINION);
        assertThat(task.getParentElement()).isEqualTo(party);
        assertThat(task.getCamundaCandidateGroups()).isEqualTo("${multiPartyReview.groupOf(partyId)}");
        assertThat(task.getCamundaDueDate()).isEqualTo("${multiPartyReview.dueOf(partyId)}");
        assertThat(task.getCamundaFormRef()).isEqualTo("review-opinion");
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                .extracting(CamundaTaskListener::getCamundaEvent, CamundaTaskListener::getCamundaDelegateExpression)
                .containsExactlyInAnyOrder(tuple("create", "${reviewTaskCreated}"), tuple("complete", "${reviewTaskCompleted}"));

        assertChain("BoundaryEvent_PartyReminder", "${multiPartyReview.reminderOf(partyId)}", SERVICE_TASK_REMIND,
                "${sendTaskReminder}");
        assertChain("BoundaryEvent_PartyOverdue", "${multiPartyReview.dueOf(partyId)}", SERVICE_TASK_ESCALATE,
                "${escalateOverdueTask}");

        ServiceTask close = MODEL.getModelElementById(SERVICE_TASK_CLOSE);
        assertThat(close.getCamundaDelegateExpression()).isEqualTo("${closeReview}");
        assertThat(party.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId()).isEqualTo(SERVICE_TASK_CLOSE);
        assertThat(close.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId()).isEqualTo(END_CLOSED);
    }

    @Test
    void theOpinionFormOffersEveryOpinionAndAsksExpertsWhoSignedAndWhen() throws IOException {
        JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/review/review-opinion.form")));
        assertThat(form.path("id").asText()).isEqualTo("review-opinion");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        List<JsonNode> components = new ArrayList<>();
        form.path("components").forEach(components::add);
        Map<String, JsonNode> byKey = components.stream().collect(Collectors.toMap(c -> c.path("key").asText(), c -> c));
        assertThat(byKey.keySet()).containsExactlyInAnyOrder(VAR_SUBJECT, VAR_PARTY_NAME, F_OPINION, F_OPINION_TEXT,
                F_SIGNED_BY, F_SIGNED_ON);
        assertThat(components).extracting(c -> c.path("id").asText()).doesNotHaveDuplicates();
        for (JsonNode c : components) {
            String label = c.has("dateLabel") ? c.path("dateLabel").asText() : c.path("label").asText();
            assertThat(label).as(c.path("key").asText() + ": 中文 / English").matches("\\p{IsHan}.* / [A-Z].*");
        }
        assertThat(byKey.get(VAR_SUBJECT).path("disabled").asBoolean()).isTrue();
        assertThat(byKey.get(VAR_PARTY_NAME).path("disabled").asBoolean()).isTrue();
        JsonNode opinion = byKey.get(F_OPINION);
        assertThat(opinion.path("type").asText()).isEqualTo("radio");
        assertThat(opinion.path("validate").path("required").asBoolean()).isTrue();
        assertThat(opinion.path("values").findValuesAsText("value"))
                .containsExactlyElementsOf(Arrays.stream(Opinion.values()).map(Enum::name).toList());
        for (String expertOnly : List.of(F_SIGNED_BY, F_SIGNED_ON)) {
            assertThat(byKey.get(expertOnly).at("/conditional/hide").asText()).isEqualTo("=partyKind != \"EXPERT\"");
            assertThat(byKey.get(expertOnly).path("validate").path("required").asBoolean()).isTrue();
        }
    }

    private static void assertChain(String boundaryId, String timeDate, String serviceId, String delegate) {
        BoundaryEvent boundary = MODEL.getModelElementById(boundaryId);
        assertThat(boundary.getAttachedTo().getId()).isEqualTo(TASK_GIVE_OPINION);
        assertThat(boundary.cancelActivity()).as(boundaryId + " must not interrupt").isFalse();
        assertThat(((TimerEventDefinition) boundary.getEventDefinitions().iterator().next()).getTimeDate().getTextContent())
                .isEqualTo(timeDate);
        assertThat(boundary.getOutgoing()).singleElement().extracting(f -> f.getTarget().getId()).isEqualTo(serviceId);
        ServiceTask service = MODEL.getModelElementById(serviceId);
        assertThat(service.getCamundaDelegateExpression()).isEqualTo(delegate);
        Map<String, String> inputs = service.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class)
                .singleResult().getCamundaInputParameters().stream()
                .collect(Collectors.toMap(CamundaInputParameter::getCamundaName, CamundaInputParameter::getTextContent));
        assertThat(inputs).containsExactlyInAnyOrderEntriesOf(Map.of("taskKey", TASK_GIVE_OPINION, "scopeVariable", VAR_PARTY_ID));
    }
}
