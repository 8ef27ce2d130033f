package org.hmcflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hmcflow.review.MultiPartyReviewProcess.*;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code multi-party-review} (多方审查), started the way a calling lifecycle starts it: a review opened
 * through {@link ReviewService}, the process given its id. Departments answer through the engine as Tasklist users
 * do; experts' signed opinions are recorded by the bureau with their scan. The clock starts Monday 2 March 2026.
 */
@H2AppTest
class MultiPartyReviewProcessTest {

    private static final String RULE = "permit.joint-review";
    private static final byte[] PDF = "%PDF-1.4\n% signed opinion\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ReviewService reviews;
    @Autowired
    ExpertRegisterService register;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    NotificationService notifications;
    @Autowired
    UserService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Workflow workflow;

    EngineClockControl clock;
    Actor admin;
    Actor reviewer;
    Actor reviewer2;
    Actor monitor;

    record Started(Review review, ProcessInstance pi) {
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        clock = new EngineClockControl(managementService);
        clock.set(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        admin = users.actor("admin").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
        reviewer2 = users.actor("reviewer2").orElseThrow();
        monitor = users.actor("monitor").orElseThrow();
        assertThat(reviewer.departmentCode()).isEqualTo("city-epb");
        assertThat(reviewer2.departmentCode()).isEqualTo("city-eit");
        assertThat(monitor.departmentCode()).isEqualTo("city-monitoring");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        EngineClockControl.reset();
    }

    @Test
    void twoDepartmentsAgreeInParallelAndTheReviewClosesWithAllAgree() {
        Started s = start(ReviewService.PartyRequest.department("city-eit", RULE),
                ReviewService.PartyRequest.department("city-monitoring", RULE));
        List<Task> open = tasks(s);
        assertThat(open).hasSize(2);
        // 5 working days from Monday 2 March: Monday 9 March, end of day
        assertThat(open).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(2026, 3, 9, 23, 59)));
        assertThat(open).extracting(t -> taskService.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("city-eit", "city-monitoring");
        assertThat(taskService.getVariableLocal(open.get(0).getId(), VAR_PARTY_NAME).toString()).contains(" / ");
        assertThat(taskService.getVariableLocal(open.get(0).getId(), VAR_PARTY_KIND)).isEqualTo("DEPARTMENT");

        complete(s, reviewer2, Map.of(F_OPINION, "AGREE"));
        assertThat(s.pi()).isWaitingAt(TASK_GIVE_OPINION);
        complete(s, monitor, Map.of(F_OPINION, "AGREE", F_OPINION_TEXT, "监测方案可行"));

        assertThat(s.pi()).hasPassed(SERVICE_TASK_CLOSE, END_CLOSED).isEnded();
        assertThat(outcome(s)).isEqualTo("ALL_AGREE");
        ReviewService.ReviewDetails d = tx.execute(t -> reviews.details(reviewer, s.review().getId()));
        assertThat(d.review().getState()).isEqualTo(Review.State.CLOSED);
        assertThat(d.review().getOutcome()).isEqualTo(ReviewOutcome.ALL_AGREE);
        assertThat(d.parties()).extracting(ReviewParty::getDepartmentCode, ReviewParty::getOpinion, ReviewParty::getRecordedBy,
                        ReviewParty::isLate)
                .containsExactly(tuple("city-eit", Opinion.AGREE, "reviewer2", false),
                        tuple("city-monitoring", Opinion.AGREE, "monitor", false));
        assertThat(actions(s)).containsExactly("OPENED", "OPINION_RECORDED", "OPINION_RECORDED", "CLOSED");
        assertThat(trail(s).get(1).getActorDepartment()).isEqualTo("city-eit");
    }

    @Test
    void oneDisagreementMakesTheOutcomeDisagreementAndReasonsAreRequired() {
        Started s = start(ReviewService.PartyRequest.department("city-eit", RULE),
                ReviewService.PartyRequest.department("city-monitoring", RULE));
        InvalidInputException noReasons = invalidInput(() -> complete(s, monitor, Map.of(F_OPINION, "DISAGREE")));
        assertThat(noReasons.problems()).extracting(FieldProblem::field).containsExactly(F_OPINION_TEXT);
        InvalidInputException noConditions = invalidInput(() -> complete(s, reviewer2,
                Map.of(F_OPINION, "AGREE_WITH_CONDITIONS", F_OPINION_TEXT, " ")));
        assertThat(noConditions.problems()).extracting(FieldProblem::field).containsExactly(F_OPINION_TEXT);
        assertThat(tasks(s)).hasSize(2);

        complete(s, reviewer2, Map.of(F_OPINION, "AGREE_WITH_CONDITIONS", F_OPINION_TEXT, "须落实铅尘收集"));
        complete(s, monitor, Map.of(F_OPINION, "DISAGREE", F_OPINION_TEXT, "缺少在线监测方案"));
        assertThat(s.pi()).isEnded();
        assertThat(outcome(s)).isEqualTo("DISAGREEMENT");
        assertThat(tx.execute(t -> reviews.details(reviewer, s.review().getId())).parties())
                .extracting(ReviewParty::getOpinion, ReviewParty::getOpinionText)
                .containsExactly(tuple(Opinion.AGREE_WITH_CONDITIONS, "须落实铅尘收集"),
                        tuple(Opinion.DISAGREE, "缺少在线监测方案"));
    }

    @Test
    void theBureauRecordsAnExpertsSignedOpinionOnlyWithItsScan() {
        Expert expert = tx.execute(t -> register.register(admin, new ExpertRegisterService.ExpertInput("陈教授",
                "华南理工大学", "重金属废水处理", "教授", null, true)));
        Started s = start(ReviewService.PartyRequest.expert(expert.getId(), RULE),
                ReviewService.PartyRequest.department("city-eit", RULE));
        Long expertParty = partyOf(s, PartyKind.EXPERT).getId();
        Task expertTask = tasks(s).stream().filter(t -> "city-epb".equals(group(t))).findFirst().orElseThrow();
        assertThat(taskService.getVariableLocal(expertTask.getId(), VAR_PARTY_NAME)).isEqualTo("陈教授（教授，华南理工大学）");
        assertThat(taskService.getVariableLocal(expertTask.getId(), VAR_PARTY_KIND)).isEqualTo("EXPERT");
        // experts do not log in: the bureau records, other departments do not see the step
        assertThat(visibleTasks(reviewer2, s)).containsExactly(TASK_GIVE_OPINION);
        assertThat(visibleTasks(reviewer, s)).containsExactly(TASK_GIVE_OPINION);

        Map<String, Object> signed = new HashMap<>(Map.of(F_OPINION, "AGREE_WITH_CONDITIONS", F_OPINION_TEXT,
                "处理工艺可行，须增设在线监测", F_SIGNED_BY, "陈教授", F_SIGNED_ON, "2026-03-05"));
        clock.set(ZonedDateTime.of(2026, 3, 5, 15, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        InvalidInputException noScan = invalidInput(() -> completeTask(reviewer, expertTask, signed));
        assertThat(noScan.problems()).extracting(FieldProblem::field).containsExactly(F_DOCUMENTS);
        InvalidInputException unsigned = invalidInput(() -> completeTask(reviewer, expertTask,
                Map.of(F_OPINION, "AGREE", F_SIGNED_ON, "2026-03-06")));
        assertThat(unsigned.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(F_SIGNED_BY, F_SIGNED_ON, F_DOCUMENTS);

        // the scan is uploaded beside the form, by the bureau only
        assertThatThrownBy(() -> tx.execute(t -> reviews.upload(reviewer2, s.review().getId(), expertParty, "意见.pdf",
                "application/pdf", PDF))).isInstanceOf(ForbiddenException.class);
        InvalidInputException notPdf = invalidInput(() -> tx.execute(t -> reviews.upload(reviewer, s.review().getId(),
                expertParty, "意见.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))));
        assertThat(notPdf.problems()).extracting(FieldProblem::field).containsExactly("file");
        OpinionDocument scan = tx.execute(t -> reviews.upload(reviewer, s.review().getId(), expertParty, "陈教授意见.pdf",
                "application/pdf", PDF));
        assertThat(scan.getContentType()).isEqualTo("application/pdf");
        List<OpinionDocument> listed = tx.execute(t -> reviews.documents(reviewer, s.review().getId(), expertParty));
        assertThat(listed).extracting(OpinionDocument::getFilename).containsExactly("陈教授意见.pdf");

        completeTask(reviewer, expertTask, signed);
        complete(s, reviewer2, Map.of(F_OPINION, "AGREE"));
        assertThat(s.pi()).isEnded();
        assertThat(outcome(s)).isEqualTo("AGREE_WITH_CONDITIONS");
        ReviewParty recorded = partyOf(s, PartyKind.EXPERT);
        assertThat(recorded.getSignedBy()).isEqualTo("陈教授");
        assertThat(recorded.getSignedOn()).hasToString("2026-03-05");
        assertThat(recorded.getRecordedBy()).isEqualTo("reviewer");
        assertThat(actions(s)).containsExactly("OPENED", "DOCUMENT_UPLOADED", "OPINION_RECORDED", "OPINION_RECORDED",
                "CLOSED");
    }

    @Test
    void anExpertWithAConflictAnInactiveExpertAndAPartyNamedTwiceAreRefused() {
        Expert conflicted = tx.execute(t -> register.register(admin, new ExpertRegisterService.ExpertInput("刘工",
                "省环境科学研究院", "土壤修复", "正高级工程师", "13800000000", true)));
        Expert retired = tx.execute(t -> register.register(admin, new ExpertRegisterService.ExpertInput("黄工",
                "市环境监测站", "监测", "高级工程师", null, true)));
        tx.execute(t -> register.declareConflict(admin, conflicted.getId(), 1L, "曾任该企业环保顾问"));
        tx.execute(t -> register.deactivate(admin, retired.getId(), "退休"));
        assertThatThrownBy(() -> tx.execute(t -> register.declareConflict(reviewer, conflicted.getId(), 2L, "x")))
                .isInstanceOf(ForbiddenException.class);

        InvalidInputException refused = invalidInput(() -> open(
                ReviewService.PartyRequest.expert(conflicted.getId(), RULE),
                ReviewService.PartyRequest.expert(retired.getId(), RULE),
                ReviewService.PartyRequest.department("city-eit", RULE),
                ReviewService.PartyRequest.department("city-eit", RULE),
                ReviewService.PartyRequest.department("city-epb", RULE),
                ReviewService.PartyRequest.department("city-eit-typo", "no.such.rule")));
        assertThat(refused.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                tuple("parties[0].expertId", "hmc.validation.review.expert-conflict"),
                tuple("parties[1].expertId", "hmc.validation.review.expert-inactive"),
                tuple("parties[3].departmentCode", "hmc.validation.review.duplicate-party"),
                tuple("parties[4].departmentCode", "hmc.validation.review.department"),
                tuple("parties[5].slaRule", "hmc.validation.review.unknown-rule"),
                tuple("parties[5].departmentCode", "hmc.validation.review.department"));
        assertThat(auditTrail.trailOf(ExpertRegisterService.CASE_EXPERT, conflicted.getId()))
                .extracting(AuditEvent::getAction).containsExactly("REGISTERED", "CONFLICT_DECLARED");
    }

    @Test
    void aPartyThatDoesNotAnswerIsRemindedThenEscalatedAndMarkedLateOnItsOwnDatesOnly() {
        // 市经信局 has 5 working days, the monitoring station 10: each party's timers follow its own row
        Started s = start(ReviewService.PartyRequest.department("city-eit", RULE),
                ReviewService.PartyRequest.department("city-monitoring", "permit.site-inspection"));
        assertThat(tasks(s)).extracting(this::group, Task::getDueDate).containsExactlyInAnyOrder(
                tuple("city-eit", at(2026, 3, 9, 23, 59)), tuple("city-monitoring", at(2026, 3, 16, 23, 59)));

        // 市经信局 is reminded the working day before (Friday 6 March, 09:00), escalated when Monday 9 March ends
        clock.set(ZonedDateTime.of(2026, 3, 6, 9, 0, 30, 0, ProcessTests.SHANGHAI).toInstant());
        assertThat(fireDueTimers(s)).isEqualTo(1);
        clock.set(ZonedDateTime.of(2026, 3, 9, 23, 59, 30, 0, ProcessTests.SHANGHAI).toInstant());
        assertThat(fireDueTimers(s)).isEqualTo(1);
        assertThat(s.pi()).hasPassed(SERVICE_TASK_REMIND, SERVICE_TASK_ESCALATE).isWaitingAt(TASK_GIVE_OPINION);
        List<Notification> sent = notifications.ofCase(KEY, String.valueOf(s.review().getId()));
        assertThat(sent).as("the station, due later, is told nothing yet")
                .filteredOn(n -> n.getKind() == Notification.Kind.REMINDER)
                .extracting(Notification::getRecipientGroup).containsExactly("city-eit");
        assertThat(sent).filteredOn(n -> n.getKind() == Notification.Kind.ESCALATION)
                .extracting(Notification::getRecipientGroup).containsExactlyInAnyOrder("city-eit", "hmc-supervisor");
        assertThat(partyOf(s, "city-eit").isLate()).isTrue();
        assertThat(partyOf(s, "city-monitoring").isLate()).isFalse();

        clock.set(ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        complete(s, reviewer2, Map.of(F_OPINION, "AGREE"));
        complete(s, monitor, Map.of(F_OPINION, "AGREE"));
        assertThat(s.pi()).isEnded();
        assertThat(partyOf(s, "city-eit").isLate()).as("answered after its due date").isTrue();
        assertThat(partyOf(s, "city-monitoring").isLate()).isFalse();
        assertThat(actions(s)).containsExactly("OPENED", "PARTY_REMINDED", "PARTY_OVERDUE", "OPINION_RECORDED",
                "OPINION_RECORDED", "CLOSED");
    }

    @Test
    void aPartysStepIsSeenAndDoneOnlyByItsDepartment() {
        Started s = start(ReviewService.PartyRequest.department("city-eit", RULE),
                ReviewService.PartyRequest.department("city-monitoring", RULE));
        assertThat(visibleTasks(reviewer2, s)).containsExactly(TASK_GIVE_OPINION);
        assertThat(visibleTasks(monitor, s)).containsExactly(TASK_GIVE_OPINION);
        assertThat(visibleTasks(reviewer, s)).isEmpty();
        Task eit = tasks(s).stream().filter(t -> "city-eit".equals(group(t))).findFirst().orElseThrow();
        assertThatThrownBy(() -> completeTask(monitor, eit, Map.of(F_OPINION, "AGREE")))
                .isInstanceOf(AuthorizationException.class);
        // through the API: the actor's own party, never another's
        assertThatThrownBy(() -> tx.execute(t -> {
            reviews.giveOpinion(reviewer, s.review().getId(), null, Map.of(F_OPINION, "AGREE"));
            return null;
        })).as("the bureau sees the review but is no party to it").isInstanceOf(ForbiddenException.class);
        tx.execute(t -> {
            reviews.giveOpinion(reviewer2, s.review().getId(), null, Map.of(F_OPINION, "AGREE"));
            return null;
        });
        assertThat(partyOf(s, "city-eit").getRecordedBy()).isEqualTo("reviewer2");
        assertThat(tasks(s)).extracting(this::group).containsExactly("city-monitoring");
        // only a service of ours or a calling process starts a review: not the engine's API with any review id
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, String.valueOf(s.review().getId()),
                Map.of(VAR_REVIEW_ID, s.review().getId()))).isInstanceOf(RuntimeException.class);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(s.review().getId())).count()).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private Review open(ReviewService.PartyRequest... parties) {
        return tx.execute(t -> reviews.open(reviewer, new ReviewService.OpenRequest("TEST_SUBJECT", "1", 1L,
                "city-epb", List.of(parties))));
    }

    private Started start(ReviewService.PartyRequest... parties) {
        Review review = open(parties);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(
                workflow.startAsApplication(KEY, review.getId(), Map.of(VAR_REVIEW_ID, review.getId()))).singleResult();
        return new Started(review, pi);
    }

    private List<Task> tasks(Started s) {
        return taskService.createTaskQuery().processInstanceId(s.pi().getId()).taskDefinitionKey(TASK_GIVE_OPINION)
                .orderByTaskId().asc().list();
    }

    private String group(Task t) {
        return taskService.getIdentityLinksForTask(t.getId()).get(0).getGroupId();
    }

    /** Completes the step offered to the actor's department. */
    private void complete(Started s, Actor actor, Map<String, Object> values) {
        Task task = tasks(s).stream().filter(t -> actor.departmentCode().equals(group(t))).findFirst()
                .orElseThrow(() -> new AssertionError("no step for " + actor.departmentCode()));
        completeTask(actor, task, values);
    }

    private void completeTask(Actor actor, Task task, Map<String, Object> values) {
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> visibleTasks(Actor actor, Started s) {
        return ProcessTests.visibleTasks(identityService, taskService, actor, s.pi().getId());
    }

    private int fireDueTimers(Started s) {
        return ProcessTests.fireDueTimers(managementService, s.pi().getId());
    }

    private Object outcome(Started s) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(s.pi().getId())
                .variableName(VAR_OUTCOME).singleResult().getValue();
    }

    private ReviewParty partyOf(Started s, PartyKind kind) {
        return tx.execute(t -> reviews.details(reviewer, s.review().getId())).parties().stream()
                .filter(p -> p.getKind() == kind).findFirst().orElseThrow();
    }

    private ReviewParty partyOf(Started s, String department) {
        return tx.execute(t -> reviews.details(reviewer, s.review().getId())).parties().stream()
                .filter(p -> department.equals(p.getDepartmentCode())).findFirst().orElseThrow();
    }

    private List<AuditEvent> trail(Started s) {
        return auditTrail.trailOf(CASE_TYPE, s.review().getId());
    }

    private List<String> actions(Started s) {
        return trail(s).stream().map(AuditEvent::getAction).toList();
    }
}
