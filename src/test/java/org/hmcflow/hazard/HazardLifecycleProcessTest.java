package org.hmcflow.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.hmcflow.hazard.HazardProcess.*;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.hmcflow.support.H2AppTest;

/**
 * Every path of {@code hazard-lifecycle} (隐患排查治理), driven as Tasklist users would drive it: cases are reported
 * through {@link HazardService}, tasks completed through the engine's {@link TaskService} with the demo users'
 * authentication and the forms' variable names. Time moves only through the engine clock, from Thu 12 Feb 2026 —
 * so deadlines cross Spring Festival 2026 (holiday 15–23 Feb, make-up workdays Sat 14 and Sat 28 Feb).
 */
@H2AppTest
class HazardLifecycleProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday before Spring Festival 2026, 10:00 in Qingyuan. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 2, 12, 10, 0, 0, 0, SHANGHAI);
    private static final String POINT = "1号电镀槽";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
            0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    HazardService hazards;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    NotificationService notifications;
    @Autowired
    DeadlineService deadlineService;
    @Autowired
    UserService users;

    Actor enterprise;
    Actor enterprise2;
    Actor reviewer;
    Actor reviewer2;
    Actor supervisor;

    /** A reported case: the hazard's id and its process instance. */
    record Case(Long id, ProcessInstance pi) {
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        // the demo users as the application itself sees them (DemoData): enterprise → enterprise 1, reviewer → city-epb
        enterprise = users.actor("enterprise").orElseThrow();
        enterprise2 = users.actor("enterprise2").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
        reviewer2 = users.actor("reviewer2").orElseThrow();
        supervisor = users.actor("supervisor").orElseThrow();
        assertThat(enterprise.enterpriseId()).isEqualTo(1L);
        assertThat(enterprise2.enterpriseId()).isEqualTo(2L);
        assertThat(reviewer.departmentCode()).isEqualTo("city-epb");
        assertThat(reviewer2.departmentCode()).isEqualTo("city-eit");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    // --- 1. dismissed at triage --------------------------------------------------------------------------------

    @Test
    void dismissedAtTriageEndsTheCase() {
        Case c = report("电镀槽旁地面疑似渗漏");
        assertThat(c.pi()).isWaitingAt(TASK_TRIAGE);
        assertThat(task(c.pi())).hasCandidateGroup("city-epb");
        // 3 working days from Thu 12 Feb: Fri 13, Sat 14 (make-up workday), then Tue 24 after the holiday
        assertThat(task(c.pi()).getDueDate()).isEqualTo(at(2026, 2, 24, 23, 59));

        complete(c, reviewer, TASK_TRIAGE, Map.of(F_TRIAGE_DECISION, "DISMISS", F_TRIAGE_COMMENT, "现场核实为雨水，非隐患"));

        assertThat(c.pi()).hasPassed(TASK_TRIAGE, "Gateway_TriageOutcome", END_DISMISSED).isEnded();
        assertThat(c.pi()).hasNotPassed("Task_Rectify", "Task_VerifyRectification");
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.DISMISSED);
        assertThat(h.getGrade()).isNull();
        assertThat(h.getRoundNo()).isZero();
        assertThat(h.isSupervised()).isFalse();
        assertThat(h.isOverdue()).isFalse();
        assertThat(actions(c)).containsExactly("REPORTED", "TRIAGE_DISMISSED");
        assertThat(trail(c).get(1).getActor()).isEqualTo("reviewer");
        assertThat(trail(c).get(1).getComment()).isEqualTo("现场核实为雨水，非隐患");
        assertThat(managementService.createJobQuery().processInstanceId(c.pi().getId()).count())
                .as("no reminder or escalation outlives the case").isZero();
    }

    // --- 2. fixed on the spot → verified → closed out → 回头看 → archived ------------------------------------------

    @Test
    void fixedOnTheSpotIsVerifiedClosedOutRecheckedAndArchived() {
        Case c = report("废水收集池盖板破损");
        triage(c, "FIXED_ON_SPOT", "city-epb", null);

        assertThat(c.pi()).hasPassed("Gateway_TriageOutcome", "Gateway_JoinVerification")
                .isWaitingAt(TASK_VERIFY);
        assertThat(c.pi()).hasNotPassed(TASK_RECTIFY);
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.VERIFYING);
        assertThat(h.getGrade()).isEqualTo(HazardGrade.GENERAL);
        assertThat(h.getRoundNo()).isEqualTo(1);
        assertThat(h.getRectificationDue()).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(task(c.pi())).hasCandidateGroup("city-epb");

        verify(c, "PASS", null);

        assertThat(c.pi()).hasPassed("Gateway_VerificationResult", "Gateway_IsSupervised", "Gateway_JoinCloseOut",
                "ServiceTask_CloseOut").isWaitingAt(TIMER_WAIT_FOR_RECHECK);
        assertThat(c.pi()).hasNotPassed(TASK_LIFT_SUPERVISION);
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.CLOSED_OUT);
        assertThat(h.getClosedAt()).isEqualTo(START.toInstant());
        // hazard.recheck: 20 working days after Thu 12 Feb, skipping 15–23 Feb and counting Sat 14 and Sat 28 Feb
        assertThat(deadlineService.rule(SLA_RECHECK).amount()).isEqualTo(20);
        Date recheckAt = at(2026, 3, 18, 23, 59);
        assertThat(runtimeService.getVariable(c.pi().getId(), VAR_RECHECK_AT)).isEqualTo(recheckAt);
        assertThat(timer(c, TIMER_WAIT_FOR_RECHECK).getDuedate()).isEqualTo(recheckAt);

        moveClockTo(ZonedDateTime.of(2026, 3, 18, 23, 0, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).as("an hour before the re-check date").isZero();
        assertThat(c.pi()).isWaitingAt(TIMER_WAIT_FOR_RECHECK);

        moveClockTo(ZonedDateTime.of(2026, 3, 19, 0, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed(TIMER_WAIT_FOR_RECHECK).isWaitingAt(TASK_RECHECK);
        assertThat(task(c.pi())).hasCandidateGroup("city-epb");

        recheck(c, "CONFIRMED", null);

        assertThat(c.pi()).hasPassed(TASK_RECHECK, "Gateway_RecheckResult", END_CLOSED).isEnded();
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.ARCHIVED);
        assertThat(h.getRoundNo()).isEqualTo(1);
        assertThat(h.isSupervised()).isFalse();
        assertThat(h.isOverdue()).isFalse();
        assertThat(actions(c)).containsExactly("REPORTED", "TRIAGED", "VERIFICATION_PASSED", "CLOSED_OUT",
                "RECHECK_CONFIRMED");
    }

    // --- 3. general hazard: rectified with photos, failed once, second round passes ----------------------------

    @Test
    void generalHazardFailsVerificationOnceThenPassesInTheSecondRoundAndIsArchived() {
        Case c = report("镀铬槽排风管道破损");
        triage(c, "GENERAL", "city-epb", 10);

        assertThat(c.pi()).hasPassed("Gateway_TriageOutcome", "Gateway_JoinRectification").isWaitingAt(TASK_RECTIFY);
        assertThat(task(c.pi())).hasCandidateGroup("enterprise-1");
        // 10 working days from Thu 12 Feb: 13, 14, 24, 25, 26, 27, 28 Feb, 2, 3, 4 Mar
        Date firstDue = at(2026, 3, 4, 23, 59);
        assertThat(task(c.pi()).getDueDate()).isEqualTo(firstDue);
        assertThat(runtimeService.getVariable(c.pi().getId(), VAR_RECTIFICATION_DUE)).isEqualTo(firstDue);
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.getRoundNo()).isEqualTo(1);
        assertThat(h.getResponsibleDepartment()).isEqualTo("city-epb");
        assertThat(h.getRectificationDue()).isEqualTo(LocalDate.of(2026, 3, 4));

        rectify(c);
        assertThat(c.pi()).hasPassed(TASK_RECTIFY, "Gateway_NeedsExpertOpinion", "Gateway_JoinVerification")
                .isWaitingAt(TASK_VERIFY);
        assertThat(c.pi()).hasNotPassed(TASK_EXPERT_OPINION);
        assertThat(hazard(c).getState()).isEqualTo(HazardState.VERIFYING);

        // verified on Tue 24 Feb: the next round's 5 working days are 25, 26, 27, 28 Feb (Sat, make-up) and Mon 2 Mar
        moveClockTo(ZonedDateTime.of(2026, 2, 24, 10, 0, 0, 0, SHANGHAI));
        verify(c, "FAIL", 5);

        assertThat(c.pi()).hasPassed("Gateway_VerificationResult", "Gateway_JoinNextRound", "ServiceTask_StartNextRound")
                .isWaitingAt(TASK_RECTIFY);
        Date secondDue = at(2026, 3, 2, 23, 59);
        assertThat(runtimeService.getVariable(c.pi().getId(), VAR_ROUND)).isEqualTo(2);
        assertThat(runtimeService.getVariable(c.pi().getId(), VAR_RECTIFICATION_DUE)).isEqualTo(secondDue);
        assertThat(task(c.pi()).getDueDate()).isEqualTo(secondDue);
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.getRoundNo()).isEqualTo(2);
        assertThat(h.getRectificationDue()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(hazards.roundsOf(reviewer, c.id())).extracting(RectificationRound::getRoundNo,
                        RectificationRound::getDueDate, RectificationRound::getVerificationPassed)
                .containsExactly(tuple(1, LocalDate.of(2026, 3, 4), false),
                        tuple(2, LocalDate.of(2026, 3, 2), null));

        rectify(c); // round 2 needs its own photos
        verify(c, "PASS", null);
        assertThat(c.pi()).hasPassed("Gateway_IsSupervised", "ServiceTask_CloseOut").isWaitingAt(TIMER_WAIT_FOR_RECHECK);
        assertThat(hazard(c).getState()).isEqualTo(HazardState.CLOSED_OUT);

        waitForRecheck(c);
        recheck(c, "CONFIRMED", null);

        assertThat(c.pi()).hasPassed(END_CLOSED).isEnded();
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.ARCHIVED);
        assertThat(h.getGrade()).isEqualTo(HazardGrade.GENERAL);
        assertThat(h.getRoundNo()).isEqualTo(2);
        assertThat(h.isSupervised()).isFalse();
        assertThat(h.isOverdue()).isFalse();
        assertThat(actions(c)).containsExactly("REPORTED", "TRIAGED",
                "EVIDENCE_ATTACHED", "EVIDENCE_ATTACHED", "RECTIFICATION_REPORTED", "VERIFICATION_FAILED", "ROUND_STARTED",
                "EVIDENCE_ATTACHED", "EVIDENCE_ATTACHED", "RECTIFICATION_REPORTED", "VERIFICATION_PASSED",
                "CLOSED_OUT", "RECHECK_CONFIRMED");
    }

    // --- 4. no photos, no completion ---------------------------------------------------------------------------

    @Test
    void rectificationWithoutPhotosIsRefusedAndRecordsNothing() {
        Case c = report("含铬废水管道滴漏");
        triage(c, "GENERAL", "city-epb", 10);
        String taskId = task(c.pi()).getId();
        int auditRows = trail(c).size();

        InvalidInputException refused = invalidInput(() -> complete(c, enterprise, TASK_RECTIFY,
                Map.of(F_RECTIFICATION_SUMMARY, "已更换管道")));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("evidence");
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("hmc.validation.photos-required");

        // only a "before" photo: still refused, naming the unpaired point
        attach(c, EvidenceFile.Kind.BEFORE, POINT);
        int afterBefore = trail(c).size();
        refused = invalidInput(() -> complete(c, enterprise, TASK_RECTIFY, Map.of(F_RECTIFICATION_SUMMARY, "已更换管道")));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("evidence");
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("hmc.validation.photos-unpaired");

        assertThat(c.pi()).isWaitingAt(TASK_RECTIFY);
        assertThat(task(c.pi()).getId()).isEqualTo(taskId);
        assertThat(c.pi()).hasNotPassed(TASK_VERIFY);
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.getRoundNo()).isEqualTo(1);
        assertThat(trail(c)).hasSize(afterBefore);
        assertThat(afterBefore).as("only the photo upload was recorded").isEqualTo(auditRows + 1);
        assertThat(hazards.roundsOf(reviewer, c.id()).get(0).getReportedAt()).isNull();
        assertThat(runtimeService.getVariable(c.pi().getId(), F_RECTIFICATION_SUMMARY))
                .as("a refused completion leaves no form value behind").isNull();
    }

    // --- 5. major hazard: plan, supervision, expert opinion, continued supervision, reopened at 回头看 -----------

    @Test
    void majorHazardGoesThroughPlanSupervisionExpertOpinionAndAReopenedRecheck() {
        Case c = report("酸洗车间重金属废水外溢风险");
        triage(c, "MAJOR", "city-epb", null);

        assertThat(c.pi()).hasPassed("Gateway_TriageOutcome", "Gateway_JoinPlan").isWaitingAt(TASK_SUBMIT_PLAN);
        assertThat(task(c.pi())).hasCandidateGroup("enterprise-1");
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.PLAN_REQUIRED);
        assertThat(h.getGrade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(h.getRoundNo()).isEqualTo(1);
        assertThat(h.isSupervised()).isFalse();
        assertThat(runtimeService.getVariable(c.pi().getId(), F_RECTIFICATION_DAYS))
                .as("no period given: the hazard.rectify rule's 15 working days").isEqualTo(15);

        submitPlan(c, "设置围堰，更换防腐地坪");
        assertThat(c.pi()).isWaitingAt(TASK_APPROVE_PLAN);
        assertThat(task(c.pi())).hasCandidateGroup("city-epb");
        assertThat(hazard(c).getState()).isEqualTo(HazardState.PLAN_SUBMITTED);

        complete(c, reviewer, TASK_APPROVE_PLAN, Map.of(F_PLAN_DECISION, "RETURN", F_REVIEW_COMMENT, "资金安排不足，请补充"));
        assertThat(c.pi()).hasPassed("Gateway_PlanDecision").isWaitingAt(TASK_SUBMIT_PLAN);
        assertThat(hazard(c).getState()).isEqualTo(HazardState.PLAN_REQUIRED);

        submitPlan(c, "设置围堰，更换防腐地坪，增设应急池");
        // The returned round's decision and comment are gone: an answer left out is named, never reused.
        assertThat(invalidInput(() -> complete(c, reviewer, TASK_APPROVE_PLAN, Map.of())).problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly(F_PLAN_DECISION, F_REVIEW_COMMENT);
        complete(c, reviewer, TASK_APPROVE_PLAN, Map.of(F_PLAN_DECISION, "APPROVE", F_REVIEW_COMMENT, "同意"));

        assertThat(c.pi()).hasPassed("ServiceTask_ListForSupervision", "Gateway_JoinRectification")
                .isWaitingAt(TASK_RECTIFY);
        // the rectification clock starts at approval (Thu 12 Feb): 15 working days → Wed 11 Mar
        assertThat(task(c.pi()).getDueDate()).isEqualTo(at(2026, 3, 11, 23, 59));
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.isSupervised()).isTrue();
        assertThat(h.getRoundNo()).isEqualTo(1);
        assertThat(hazards.roundsOf(reviewer, c.id()).get(0).getPlanMeasures()).isEqualTo("设置围堰，更换防腐地坪，增设应急池");

        // round 1: rectified, expert opinion, verified, but the supervisors keep the listing
        rectify(c);
        assertThat(c.pi()).hasPassed("Gateway_NeedsExpertOpinion").isWaitingAt(TASK_EXPERT_OPINION);
        assertThat(task(c.pi())).hasCandidateGroup("city-epb");
        // The experts are rows: a row without a name is named by its row, and nothing of the step is kept.
        InvalidInputException noName = invalidInput(() -> complete(c, reviewer, TASK_EXPERT_OPINION, Map.of(
                F_EXPERTS, FormLists.value(List.of(Map.of(C_EXPERT_NAME, "刘工"), Map.of(C_EXPERT_ORGANISATION, "市环科所"))),
                F_EXPERT_OPINION, "整改措施有效")));
        assertThat(noName.problems()).extracting(FieldProblem::field).containsExactly("experts[1].name");
        assertThat(invalidInput(() -> complete(c, reviewer, TASK_EXPERT_OPINION, Map.of(F_EXPERT_OPINION, "有效")))
                .problems()).extracting(FieldProblem::field).containsExactly(F_EXPERTS);
        assertThat(c.pi()).isWaitingAt(TASK_EXPERT_OPINION);
        expertOpinion(c);
        assertThat(c.pi()).isWaitingAt(TASK_VERIFY);
        assertThat(hazards.roundsOf(reviewer, c.id()).get(0).getExpertNames()).isEqualTo("刘工、赵工（市环科所）");
        assertThat(runtimeService.getVariable(c.pi().getId(), F_EXPERTS)).as("the rows are not kept").isNull();
        verify(c, "PASS", null);
        assertThat(c.pi()).hasPassed("Gateway_IsSupervised").isWaitingAt(TASK_LIFT_SUPERVISION);
        assertThat(task(c.pi())).hasCandidateGroup("hmc-supervisor");
        assertThat(hazard(c).getState()).isEqualTo(HazardState.AWAITING_SUPERVISION_LIFT);

        complete(c, supervisor, TASK_LIFT_SUPERVISION, Map.of(F_SUPERVISION_DECISION, "CONTINUE",
                F_SUPERVISION_COMMENT, "应急池尚未验收，继续督办", F_NEXT_DAYS, 5));
        assertThat(c.pi()).hasPassed("Gateway_SupervisionDecision", "Gateway_JoinNextRound", "ServiceTask_StartNextRound")
                .isWaitingAt(TASK_RECTIFY);
        // 5 working days from Thu 12 Feb: 13, 14, 24, 25, 26 Feb
        assertThat(task(c.pi()).getDueDate()).isEqualTo(at(2026, 2, 26, 23, 59));
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.getRoundNo()).isEqualTo(2);
        assertThat(h.isSupervised()).isTrue();

        // round 2: passes and the listing is lifted; close-out
        rectify(c);
        expertOpinion(c);
        verify(c, "PASS", null);
        complete(c, supervisor, TASK_LIFT_SUPERVISION, Map.of(F_SUPERVISION_DECISION, "LIFT", F_SUPERVISION_COMMENT, "同意摘牌"));
        assertThat(c.pi()).hasPassed("Gateway_JoinCloseOut", "ServiceTask_CloseOut").isWaitingAt(TIMER_WAIT_FOR_RECHECK);
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.CLOSED_OUT);
        assertThat(h.isSupervised()).isFalse();
        assertThat(h.getClosedAt()).isNotNull();

        // 回头看 finds the problem back: round 3
        waitForRecheck(c);
        recheck(c, "REOPEN", 5);
        assertThat(c.pi()).hasPassed("Gateway_RecheckResult", "ServiceTask_ReopenHazard").isWaitingAt(TASK_RECTIFY);
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.getRoundNo()).isEqualTo(3);
        assertThat(h.getClosedAt()).isNull();
        assertThat(runtimeService.getVariable(c.pi().getId(), VAR_ROUND)).isEqualTo(3);

        rectify(c);
        expertOpinion(c);
        verify(c, "PASS", null);
        // a reopened major hazard is listed for supervision again, and the supervisors decide its close-out anew
        assertThat(c.pi()).isWaitingAt(TASK_LIFT_SUPERVISION);
        assertThat(hazard(c).isSupervised()).isTrue();
        complete(c, supervisor, TASK_LIFT_SUPERVISION, Map.of(F_SUPERVISION_DECISION, "LIFT", F_SUPERVISION_COMMENT, "同意"));
        waitForRecheck(c);
        recheck(c, "CONFIRMED", null);

        assertThat(c.pi()).hasPassed(END_CLOSED).isEnded();
        h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.ARCHIVED);
        assertThat(h.getGrade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(h.getRoundNo()).isEqualTo(3);
        assertThat(h.isSupervised()).isFalse();
        assertThat(h.isOverdue()).isFalse();
        assertThat(actions(c)).filteredOn(a -> !a.equals("EVIDENCE_ATTACHED")).containsExactly("REPORTED", "TRIAGED",
                "PLAN_SUBMITTED", "PLAN_RETURNED", "PLAN_SUBMITTED", "PLAN_APPROVED", "SUPERVISION_LISTED",
                "RECTIFICATION_REPORTED", "EXPERT_OPINION_RECORDED", "VERIFICATION_PASSED", "SUPERVISION_CONTINUED",
                "ROUND_STARTED",
                "RECTIFICATION_REPORTED", "EXPERT_OPINION_RECORDED", "VERIFICATION_PASSED", "SUPERVISION_LIFTED",
                "CLOSED_OUT", "RECHECK_FAILED", "REOPENED", "SUPERVISION_LISTED", "ROUND_STARTED",
                "RECTIFICATION_REPORTED", "EXPERT_OPINION_RECORDED", "VERIFICATION_PASSED", "SUPERVISION_LIFTED",
                "CLOSED_OUT", "RECHECK_CONFIRMED");
        assertThat(trail(c)).filteredOn(e -> e.getAction().startsWith("SUPERVISION_") && !e.getAction().endsWith("LISTED"))
                .extracting(AuditEvent::getActor).containsOnly("supervisor");
    }

    // --- 6. reminders and escalation ----------------------------------------------------------------------------

    @Test
    void triageRemindsBeforeAndEscalatesAfterItsDeadlineWithoutStoppingTheTask() {
        Case c = report("危废暂存间标识缺失");
        // reminder: 2 working days before Tue 24 Feb (Sat 14, Fri 13) at 09:00; overdue: Tue 24 Feb 23:59
        assertThat(timer(c, "BoundaryEvent_TriageReminder").getDuedate()).isEqualTo(at(2026, 2, 13, 9, 0));
        assertThat(timer(c, "BoundaryEvent_TriageOverdue").getDuedate()).isEqualTo(at(2026, 2, 24, 23, 59));

        moveClockTo(ZonedDateTime.of(2026, 2, 13, 8, 59, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isZero();

        moveClockTo(ZonedDateTime.of(2026, 2, 13, 9, 1, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("BoundaryEvent_TriageReminder", "ServiceTask_RemindTriage", "EndEvent_TriageReminded")
                .isWaitingAt(TASK_TRIAGE);
        assertThat(c.pi()).hasNotPassed("ServiceTask_EscalateTriage");
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).singleElement().satisfies(n -> {
            assertThat(n.getRecipientGroup()).isEqualTo("city-epb");
            assertThat(n.getTaskKey()).isEqualTo(TASK_TRIAGE);
            assertThat(n.getDueAt()).isEqualTo(at(2026, 2, 24, 23, 59).toInstant());
        });
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).isEmpty();
        assertThat(hazard(c).isOverdue()).isFalse();
        assertThat(actions(c)).containsExactly("REPORTED", "REMINDER_SENT");

        // still within Tue 24 Feb: not overdue
        moveClockTo(ZonedDateTime.of(2026, 2, 24, 23, 58, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isZero();

        moveClockTo(ZonedDateTime.of(2026, 2, 25, 0, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("BoundaryEvent_TriageOverdue", "ServiceTask_EscalateTriage", "EndEvent_TriageEscalated")
                .isWaitingAt(TASK_TRIAGE);
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).extracting(Notification::getRecipientGroup)
                .containsExactlyInAnyOrder("city-epb", "hmc-supervisor");
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).hasSize(1);
        assertThat(hazard(c).isOverdue()).isTrue();
        assertThat(actions(c)).containsExactly("REPORTED", "REMINDER_SENT", "OVERDUE_ESCALATED");
        assertThat(hazards.list(supervisor, new HazardService.Filter(null, null, null, true, null), 0, 100).getContent())
                .extracting(Hazard::getId).contains(c.id());

        // the escalation step again for the same open task (a job run twice): no second notification, no second row
        runtimeService.createProcessInstanceModification(c.pi().getId())
                .startBeforeActivity("ServiceTask_EscalateTriage").execute();
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).hasSize(2);
        assertThat(actions(c)).containsExactly("REPORTED", "REMINDER_SENT", "OVERDUE_ESCALATED");

        // late, but the task can still be done
        triage(c, "GENERAL", "city-epb", 5);
        assertThat(c.pi()).hasPassed(TASK_TRIAGE).isWaitingAt(TASK_RECTIFY);
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.isOverdue()).as("a new round starts on time").isFalse();
    }

    @Test
    void rectificationRemindsBeforeAndEscalatesAfterRectificationDue() {
        Case c = report("电镀线槽边防渗层开裂");
        triage(c, "GENERAL", "city-epb", 10); // due Wed 4 Mar 23:59
        // default reminder lead: 2 working days before Wed 4 Mar → Mon 2 Mar 09:00
        assertThat(timer(c, "BoundaryEvent_RectifyReminder").getDuedate()).isEqualTo(at(2026, 3, 2, 9, 0));
        assertThat(timer(c, "BoundaryEvent_RectifyOverdue").getDuedate()).isEqualTo(at(2026, 3, 4, 23, 59));

        moveClockTo(ZonedDateTime.of(2026, 3, 2, 9, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("ServiceTask_RemindRectify", "EndEvent_RectifyReminded").isWaitingAt(TASK_RECTIFY);
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).singleElement().satisfies(n -> {
            assertThat(n.getRecipientGroup()).isEqualTo("enterprise-1");
            assertThat(n.getTaskKey()).isEqualTo(TASK_RECTIFY);
        });
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).isEmpty();
        assertThat(hazard(c).isOverdue()).isFalse();

        moveClockTo(ZonedDateTime.of(2026, 3, 5, 0, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("ServiceTask_EscalateRectify", "EndEvent_RectifyEscalated").isWaitingAt(TASK_RECTIFY);
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).extracting(Notification::getRecipientGroup)
                .containsExactlyInAnyOrder("enterprise-1", "hmc-supervisor");
        assertThat(hazard(c).isOverdue()).isTrue();
        assertThat(trail(c)).filteredOn(e -> e.getAction().equals("OVERDUE_ESCALATED")).singleElement()
                .satisfies(e -> assertThat(e.getChanges()).contains(TASK_RECTIFY));

        // the enterprise finishes late; the case stays overdue until the next round starts
        rectify(c);
        assertThat(c.pi()).isWaitingAt(TASK_VERIFY);
        assertThat(hazard(c).isOverdue()).isTrue();
        verify(c, "FAIL", 3);
        Hazard h = hazard(c);
        assertThat(h.getRoundNo()).isEqualTo(2);
        assertThat(h.isOverdue()).isFalse();
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).hasSize(2);
    }

    /** The reminder and escalation of the remaining steps, each on its own rule's deadline. */
    @Test
    void everyOtherStepRemindsAndEscalatesAtItsOwnDeadline() {
        Case c = report("铬渣堆场雨污分流不到位");
        triage(c, "MAJOR", "city-epb", 10);

        remindAndEscalate(c, TASK_SUBMIT_PLAN, "Plan", "enterprise-1");
        submitPlan(c, "雨污分流改造");
        remindAndEscalate(c, TASK_APPROVE_PLAN, "PlanReview", "city-epb");
        complete(c, reviewer, TASK_APPROVE_PLAN, Map.of(F_PLAN_DECISION, "APPROVE", F_REVIEW_COMMENT, "同意"));
        rectify(c);
        remindAndEscalate(c, TASK_EXPERT_OPINION, "Expert", "city-epb");
        expertOpinion(c);
        remindAndEscalate(c, TASK_VERIFY, "Verify", "city-epb");
        verify(c, "PASS", null);
        remindAndEscalate(c, TASK_LIFT_SUPERVISION, "LiftSupervision", "hmc-supervisor");
        complete(c, supervisor, TASK_LIFT_SUPERVISION, Map.of(F_SUPERVISION_DECISION, "LIFT", F_SUPERVISION_COMMENT, "同意"));
        waitForRecheck(c);
        remindAndEscalate(c, TASK_RECHECK, "Recheck", "city-epb");
        recheck(c, "CONFIRMED", null);

        assertThat(c.pi()).isEnded();
        assertThat(hazard(c).getState()).isEqualTo(HazardState.ARCHIVED);
        assertThat(actions(c)).filteredOn("OVERDUE_ESCALATED"::equals).hasSize(6);
        assertThat(actions(c)).filteredOn("REMINDER_SENT"::equals).hasSize(6);
    }

    // --- 7. validation inside the engine ------------------------------------------------------------------------

    @Test
    void triageWithUnknownDepartmentAndNoCommentIsRefusedAndChangesNothing() {
        Case c = report("车间地面积液");
        int auditRows = trail(c).size();

        InvalidInputException refused = invalidInput(() -> complete(c, reviewer, TASK_TRIAGE,
                Map.of(F_TRIAGE_DECISION, "GENERAL", VAR_RESPONSIBLE_GROUP, "city-nowhere", F_RECTIFICATION_DAYS, 10)));
        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(F_TRIAGE_COMMENT, VAR_RESPONSIBLE_GROUP);
        assertThat(refused.problems()).extracting(FieldProblem::messageKey)
                .containsExactlyInAnyOrder("hmc.validation.required", "hmc.validation.unknown-department");

        InvalidInputException badChoice = invalidInput(() -> complete(c, reviewer, TASK_TRIAGE,
                Map.of(F_TRIAGE_DECISION, "URGENT", F_TRIAGE_COMMENT, "x")));
        assertThat(badChoice.problems()).extracting(FieldProblem::field).contains(F_TRIAGE_DECISION);

        assertThat(c.pi()).isWaitingAt(TASK_TRIAGE);
        assertThat(c.pi()).hasNotPassed(TASK_TRIAGE);
        Hazard h = hazard(c);
        assertThat(h.getState()).isEqualTo(HazardState.REPORTED);
        assertThat(h.getGrade()).isNull();
        assertThat(h.getResponsibleDepartment()).isNull();
        assertThat(h.getRoundNo()).isZero();
        assertThat(trail(c)).hasSize(auditRows);
        assertThat(hazards.roundsOf(reviewer, c.id())).isEmpty();
        assertThat(runtimeService.getVariables(c.pi().getId()))
                .doesNotContainKeys(F_TRIAGE_DECISION, VAR_GRADE, VAR_RESPONSIBLE_GROUP, VAR_RECTIFICATION_DUE);
    }

    // --- 8. authorization inside the engine ---------------------------------------------------------------------

    @Test
    void onlyTheOfferedDepartmentAndEnterpriseMayWorkOrSeeATask() {
        Case c = report("电镀废水排放口异味");

        assertThatThrownBy(() -> complete(c, reviewer2, TASK_TRIAGE, triageValues("GENERAL", "city-eit", 5)))
                .isInstanceOf(AuthorizationException.class);
        assertThat(c.pi()).isWaitingAt(TASK_TRIAGE);
        assertThat(hazard(c).getState()).isEqualTo(HazardState.REPORTED);
        assertThat(actions(c)).containsExactly("REPORTED");
        assertThat(visibleTasks(reviewer2, c)).isEmpty();
        assertThat(visibleTasks(reviewer, c)).containsExactly(TASK_TRIAGE);

        triage(c, "GENERAL", "city-epb", 5);
        assertThat(visibleTasks(enterprise, c)).containsExactly(TASK_RECTIFY);
        assertThat(visibleTasks(enterprise2, c)).isEmpty();
        assertThat(visibleTasks(reviewer, c)).isEmpty();

        String taskId = task(c.pi()).getId();
        assertThatThrownBy(() -> {
            identityService.setAuthentication(enterprise2.username(), enterprise2.groups());
            try {
                taskService.complete(taskId, Map.of(F_RECTIFICATION_SUMMARY, "代为提交"));
            } finally {
                identityService.clearAuthentication();
            }
        }).isInstanceOf(AuthorizationException.class);
        assertThat(c.pi()).isWaitingAt(TASK_RECTIFY);
        assertThat(hazard(c).getState()).isEqualTo(HazardState.RECTIFYING);
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    private Case report(String title) {
        Hazard hazard = hazards.report(enterprise, new HazardService.Report(null, null, title,
                "企业自查发现：" + title, "清城区龙塘镇工业园 3 号车间", List.of("Cr", "Ni"), null));
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceId(hazard.getProcessInstanceId()).singleResult();
        assertThat(pi).isNotNull();
        assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(hazard.getId()));
        assertThat(hazard.getEnterpriseId()).isEqualTo(1L);
        return new Case(hazard.getId(), pi);
    }

    private static Map<String, Object> triageValues(String decision, String group, Integer days) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_TRIAGE_DECISION, decision);
        values.put(VAR_RESPONSIBLE_GROUP, group);
        if (days != null) {
            values.put(F_RECTIFICATION_DAYS, days);
        }
        values.put(F_TRIAGE_COMMENT, "研判意见：" + decision);
        return values;
    }

    private void triage(Case c, String decision, String group, Integer days) {
        complete(c, reviewer, TASK_TRIAGE, triageValues(decision, group, days));
    }

    private void submitPlan(Case c, String measures) {
        complete(c, enterprise, TASK_SUBMIT_PLAN, Map.of(F_PLAN_TARGETS, "消除废水外溢风险", F_PLAN_MEASURES, measures,
                F_PLAN_FUNDS, 180000.5, F_PLAN_RESPONSIBLE, "陈厂长", F_PLAN_INTERIM, "加强巡查，备足应急物资"));
    }

    /** The enterprise photographs the point before and after, then reports the round done. */
    private void rectify(Case c) {
        attach(c, EvidenceFile.Kind.BEFORE, POINT);
        attach(c, EvidenceFile.Kind.AFTER, POINT);
        complete(c, enterprise, TASK_RECTIFY, Map.of(F_RECTIFICATION_SUMMARY, "已完成第" + hazard(c).getRoundNo() + "轮整改"));
    }

    private void attach(Case c, EvidenceFile.Kind kind, String point) {
        hazards.attach(enterprise, c.id(), kind, point, kind.name().toLowerCase() + ".png", "image/png", PNG);
    }

    private void expertOpinion(Case c) {
        complete(c, reviewer, TASK_EXPERT_OPINION, Map.of(F_EXPERTS, FormLists.value(List.of(
                Map.of(C_EXPERT_NAME, "刘工"), Map.of(C_EXPERT_NAME, "赵工", C_EXPERT_ORGANISATION, "市环科所"))),
                F_EXPERT_OPINION, "整改措施有效"));
    }

    private void verify(Case c, String result, Integer nextDays) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_VERIFICATION_RESULT, result);
        values.put(F_VERIFICATION_COMMENT, "核查结论：" + result);
        if (nextDays != null) {
            values.put(F_NEXT_DAYS, nextDays);
        }
        complete(c, reviewer, TASK_VERIFY, values);
    }

    private void recheck(Case c, String result, Integer nextDays) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_RECHECK_RESULT, result);
        values.put(F_RECHECK_COMMENT, "回头看：" + result);
        if (nextDays != null) {
            values.put(F_NEXT_DAYS, nextDays);
        }
        complete(c, reviewer, TASK_RECHECK, values);
    }

    /** Waits at the 回头看 timer until its date, then fires it: the re-check task opens. */
    private void waitForRecheck(Case c) {
        assertThat(c.pi()).isWaitingAt(TIMER_WAIT_FOR_RECHECK);
        Date recheckAt = (Date) runtimeService.getVariable(c.pi().getId(), VAR_RECHECK_AT);
        assertThat(timer(c, TIMER_WAIT_FOR_RECHECK).getDuedate()).isEqualTo(recheckAt);
        assertThat(fireDueTimers(c)).isZero();
        moveClockTo(recheckAt.toInstant().plusSeconds(60).atZone(SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).isWaitingAt(TASK_RECHECK);
    }

    /** At an open step: past the reminder, then past the deadline; both notify and the step stays open. */
    private void remindAndEscalate(Case c, String taskKey, String shortName, String candidateGroup) {
        assertThat(c.pi()).isWaitingAt(taskKey);
        Task task = task(c.pi());
        assertThat(task).hasCandidateGroup(candidateGroup);
        Date reminder = timer(c, "BoundaryEvent_" + shortName + "Reminder").getDuedate();
        assertThat(timer(c, "BoundaryEvent_" + shortName + "Overdue").getDuedate()).isEqualTo(task.getDueDate());
        assertThat(reminder).isBefore(task.getDueDate());

        moveClockTo(reminder.toInstant().plusSeconds(30).atZone(SHANGHAI));
        assertThat(fireDueTimers(c)).as(taskKey + " reminder").isEqualTo(1);
        moveClockTo(task.getDueDate().toInstant().plusSeconds(30).atZone(SHANGHAI));
        assertThat(fireDueTimers(c)).as(taskKey + " escalation").isEqualTo(1);

        assertThat(c.pi()).hasPassed("ServiceTask_Remind" + shortName, "EndEvent_" + shortName + "Reminded",
                "ServiceTask_Escalate" + shortName, "EndEvent_" + shortName + "Escalated").isWaitingAt(taskKey);
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).filteredOn(n -> n.getTaskKey().equals(taskKey))
                .extracting(Notification::getRecipientGroup).containsExactly(candidateGroup);
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).filteredOn(n -> n.getTaskKey().equals(taskKey))
                .extracting(Notification::getRecipientGroup)
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(List.of(candidateGroup, "hmc-supervisor")));
        assertThat(hazard(c).isOverdue()).isTrue();
    }

    // --- engine helpers -------------------------------------------------------------------------------------------

    /** Completes the case's open task {@code taskKey} as the user, the way Tasklist does: authenticated, with the form values. */
    private void complete(Case c, Actor actor, String taskKey, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(c.pi().getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Fires the case's timers that are due at the engine clock's now, until none is left; returns how many. */
    private int fireDueTimers(Case c) {
        return ProcessTests.fireDueTimers(managementService, c.pi().getId());
    }

    private Job timer(Case c, String activityId) {
        return ProcessTests.timer(managementService, c.pi().getId(), activityId);
    }

    private List<String> visibleTasks(Actor actor, Case c) {
        return ProcessTests.visibleTasks(identityService, taskService, actor, c.pi().getId());
    }

    // --- case helpers ---------------------------------------------------------------------------------------------

    private Hazard hazard(Case c) {
        return hazards.visible(reviewer, c.id());
    }

    private List<AuditEvent> trail(Case c) {
        return auditTrail.trailOf(CASE_TYPE, c.id());
    }

    private List<String> actions(Case c) {
        return trail(c).stream().map(AuditEvent::getAction).toList();
    }

    private List<Notification> notificationsOf(Case c, Notification.Kind kind) {
        return notifications.ofCase(KEY, String.valueOf(c.id())).stream().filter(n -> n.getKind() == kind).toList();
    }
}
