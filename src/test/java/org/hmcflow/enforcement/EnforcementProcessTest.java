package org.hmcflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.enforcement.EnforcementProcess.*;
import static org.hmcflow.support.ProcessTests.SHANGHAI;
import static org.hmcflow.support.ProcessTests.invalidInput;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.credit.CreditService;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.inspection.ViolationsFound;
import org.hmcflow.monitoring.MeasurementRules;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code enforcement} (执法), from the inspection's {@link ViolationsFound} event to the closed case,
 * steps done through {@link EnforcementService} as the demo users. Time moves only through the engine clock, from
 * Mon 2 Mar 2026, 10:00 in Qingyuan.
 */
@H2AppTest
class EnforcementProcessTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI);

    @Autowired
    EnforcementService service;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    UserService users;
    @Autowired
    NotificationService notifications;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    CreditService credit;

    Actor reviewer;
    Actor supervisor;
    Actor enterprise;
    Actor enterprise2;

    @BeforeEach
    void setUp() {
        moveClockTo(START);
        reviewer = users.actor("reviewer").orElseThrow();
        supervisor = users.actor("supervisor").orElseThrow();
        enterprise = users.actor("enterprise").orElseThrow();
        enterprise2 = users.actor("enterprise2").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** An inspection of enterprise 1 finds one violation; the listener opens the case in the same transaction. */
    EnforcementCase referral(ViolationKind kind, String pollutant, String ratio) {
        BigDecimal r = ratio == null ? null : new BigDecimal(ratio);
        ViolationsFound.Violation v = new ViolationsFound.Violation(kind, pollutant, pollutant == null ? null : "DW001",
                r == null ? null : r.multiply(new BigDecimal("0.1")), r == null ? null : new BigDecimal("0.1"),
                r == null ? null : "mg/L", r == null ? null : "mg/L", r, pollutant != null, null, "现场检查发现");
        long inspectionId = System.identityHashCode(v);
        tx.executeWithoutResult(s -> events.publishEvent(new ViolationsFound(inspectionId, 1L, "inspector1",
                START.toInstant(), List.of(v))));
        List<EnforcementCase> opened = service.list(reviewer).stream()
                .filter(c -> inspectionId == (c.getInspectionId() == null ? -1 : c.getInspectionId())).toList();
        assertThat(opened).hasSize(1);
        return opened.get(0);
    }

    EnforcementCase reload(EnforcementCase c) {
        return service.visible(reviewer, c.getId());
    }

    List<String> openTaskKeys(EnforcementCase c) {
        return service.openTasks(reviewer, c.getId()).stream().map(OpenTask::key).toList();
    }

    void act(Actor actor, EnforcementCase c, String task, Object... kv) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        tx.executeWithoutResult(s -> service.act(actor, c.getId(), task, values));
    }

    void reinspect(EnforcementCase c, String value) {
        tx.executeWithoutResult(s -> service.reinspect(reviewer, c.getId(),
                List.of(new MeasurementRules.Entry("Pb", "DW001", new BigDecimal(value), "mg/L", new BigDecimal("0.1"),
                        "mg/L")), "复查"));
    }

    int fireTimers(EnforcementCase c) {
        return tx.execute(s -> ProcessTests.fireDueTimers(management, reload(c).getProcessInstanceId()));
    }

    boolean ended(EnforcementCase c) {
        return runtime.createProcessInstanceQuery().processInstanceId(reload(c).getProcessInstanceId()).count() == 0;
    }

    List<String> actions(EnforcementCase c) {
        return service.trail(reviewer, c.getId()).stream().map(AuditEvent::getAction).toList();
    }

    /** 限制生产 decided, approved, plan filed: the case waits for the enterprise's completion report. */
    EnforcementCase limitedAndPlanned() {
        EnforcementCase c = referral(ViolationKind.EXCEEDS_STANDARD, "Pb", "1.50");
        assertThat(c.getProposedMeasure()).isEqualTo(Measure.LIMIT_PRODUCTION);
        act(reviewer, c, TASK_DECIDE_MEASURE, F_MEASURE, "LIMIT_PRODUCTION", F_ORDER_TEXT, "责令限制生产，限期改正超标排放");
        act(supervisor, c, TASK_APPROVE_MEASURE, F_APPROVAL, "APPROVE");
        act(enterprise, c, TASK_SUBMIT_PLAN, F_PLAN_TEXT, "更换除铅设备，调整电镀线工艺");
        assertThat(openTaskKeys(c)).containsExactly(TASK_RECTIFY);
        return reload(c);
    }

    // --- paths -----------------------------------------------------------------------------------------------------

    @Test
    void orderOnlyThenCorrectedClosesTheCaseAndRecordsTheViolationForCredit() {
        EnforcementCase c = referral(ViolationKind.PERMIT_CONDITION_BREACH, null, null);
        assertThat(c.getProposedMeasure()).isEqualTo(Measure.ORDER_TO_CORRECT);
        assertThat(openTaskKeys(c)).containsExactly(TASK_DECIDE_MEASURE);

        // the decision step reminds, then escalates to the supervisors when overdue
        moveClockTo(ZonedDateTime.ofInstant(deadlines.due("enforcement.decide"), SHANGHAI).plusMinutes(5));
        assertThat(fireTimers(c)).isEqualTo(2);
        assertThat(notifications.ofCase(KEY, c.getId().toString())).extracting(Notification::getKind)
                .contains(Notification.Kind.REMINDER, Notification.Kind.ESCALATION);
        assertThat(notifications.ofCase(KEY, c.getId().toString())).extracting(Notification::getRecipientGroup)
                .contains("city-epb", Role.SUPERVISOR.group());

        act(reviewer, c, TASK_DECIDE_MEASURE, F_MEASURE, "ORDER_TO_CORRECT", F_ORDER_TEXT, "限期改正排污许可证执行问题");
        c = reload(c);
        assertThat(c.getState()).isEqualTo(CaseState.RECTIFYING);
        assertThat(c.getRectificationDue()).isEqualTo(deadlines.due(SLA_CORRECTION));
        assertThat(openTaskKeys(c)).containsExactly(TASK_RECTIFY);

        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "已改正");
        // the Tasklist form takes one result, in its own field names
        act(reviewer, c, TASK_REINSPECT, F_POLLUTANT, "Pb", F_POINT, "DW001", F_MEASURED_VALUE, "0.05", F_UNIT, "mg/L",
                F_LIMIT_VALUE, "0.1", F_LIMIT_UNIT, "mg/L");
        assertThat(reload(c).getState()).isEqualTo(CaseState.CLOSING);
        act(reviewer, c, TASK_CLOSE_CASE, F_CLOSING_COMMENT, "已改正，结案");
        c = reload(c);
        assertThat(c.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(c.getOutcome()).isEqualTo("CORRECTED");
        assertThat(c.getLiftedOn()).isNull();
        assertThat(ended(c)).isTrue();
        Long id = c.getId();
        assertThat(credit.violationsOf(reviewer, 1L)).anySatisfy(v -> {
            assertThat(v.getCaseId()).isEqualTo(id);
            assertThat(v.getKind()).isEqualTo("PERMIT_CONDITION_BREACH");
            assertThat(v.getMeasure()).isEqualTo("ORDER_TO_CORRECT");
        });
        assertThat(actions(c)).containsSubsequence("CASE_OPENED", "MEASURE_CONFIRMED", "COMPLETION_REPORTED",
                "REINSPECTION_PASSED", "CASE_CLOSED");
    }

    @Test
    void limitedProductionPlanPublishedReinspectionPassedLifted() {
        EnforcementCase c = limitedAndPlanned();
        assertThat(c.getDecisionPublishedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(c.getPlanPublishedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        // three months by default (the setting), ending on a working day
        assertThat(LocalDate.ofInstant(c.getRectificationDue(), SHANGHAI)).isEqualTo(LocalDate.of(2026, 6, 2));
        Long id = c.getId();
        assertThat(service.publishedDecisions()).anySatisfy(p -> {
            assertThat(p.getId()).isEqualTo(id);
            assertThat(p.getPlanText()).contains("除铅");
        });
        moveClockTo(START.plusDays(30));
        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "整改完成");
        reinspect(c, "0.08");
        c = reload(c);
        assertThat(c.getLiftedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        act(reviewer, c, TASK_CLOSE_CASE, F_CLOSING_COMMENT, "解除限制生产");
        assertThat(reload(c).getOutcome()).isEqualTo("MEASURE_LIFTED");
        assertThat(actions(c)).containsSubsequence("MEASURE_CONFIRMED", "MEASURE_APPROVED_AND_PUBLISHED",
                "PLAN_FILED_AND_PUBLISHED", "REINSPECTION_PASSED", "CASE_CLOSED");
    }

    @Test
    void leadAtThreePointTwoTimesProposesSuspensionPeriodEndsFailedReinspectionDailyFinesUntilCorrected() {
        EnforcementCase c = referral(ViolationKind.EXCEEDS_STANDARD, "Pb", "3.20");
        assertThat(c.getProposedMeasure()).isEqualTo(Measure.SUSPEND_FOR_RECTIFICATION);
        assertThat(c.getProposedGrounds()).contains("第六条（二）").contains("三倍以上");
        act(reviewer, c, TASK_DECIDE_MEASURE, F_MEASURE, "SUSPEND_FOR_RECTIFICATION", F_ORDER_TEXT, "责令停产整治",
                F_RECTIFICATION_MONTHS, 1);
        act(supervisor, c, TASK_APPROVE_MEASURE, F_APPROVAL, "APPROVE");
        act(enterprise, c, TASK_SUBMIT_PLAN, F_PLAN_TEXT, "停产整治方案");
        assertThat(LocalDate.ofInstant(reload(c).getRectificationDue(), SHANGHAI)).isEqualTo(LocalDate.of(2026, 4, 2));

        // the period ends without a completion report: the re-inspection follows
        moveClockTo(ZonedDateTime.of(2026, 4, 3, 0, 5, 0, 0, SHANGHAI));
        fireTimers(c);
        assertThat(openTaskKeys(c)).containsExactly(TASK_REINSPECT);
        assertThat(actions(c)).contains("RECTIFICATION_PERIOD_ENDED");

        moveClockTo(ZonedDateTime.of(2026, 4, 7, 10, 0, 0, 0, SHANGHAI));
        reinspect(c, "0.25");
        assertThat(reload(c).getState()).isEqualTo(CaseState.REINSPECTION_FAILED);
        // penalty outside its article's range refused, naming the field
        InvalidInputException bad = invalidInput(() -> act(reviewer, c, TASK_CHOOSE_ESCALATION, F_ESCALATION,
                "DAILY_FINES", F_ESCALATION_REASON, "拒不改正", F_DAILY_FINE_BASE_ARTICLE, "PDPR-34",
                F_DAILY_FINE_BASE_AMOUNT, "100000"));
        assertThat(bad.problems()).extracting(InvalidInputException.FieldProblem::field)
                .containsExactly(F_DAILY_FINE_BASE_AMOUNT);
        act(reviewer, c, TASK_CHOOSE_ESCALATION, F_ESCALATION, "DAILY_FINES", F_ESCALATION_REASON, "拒不改正",
                F_DAILY_FINE_BASE_ARTICLE, "PDPR-34", F_DAILY_FINE_BASE_AMOUNT, "200000");
        assertThat(reload(c).getDailyFineSince()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(openTaskKeys(c)).containsExactly(TASK_RECTIFY);

        // corrected: found so on 17 April → 10 days (8 Apr .. 17 Apr) × 200,000
        moveClockTo(ZonedDateTime.of(2026, 4, 16, 10, 0, 0, 0, SHANGHAI));
        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "已整改");
        moveClockTo(ZonedDateTime.of(2026, 4, 17, 10, 0, 0, 0, SHANGHAI));
        reinspect(c, "0.09");
        List<Penalty> penalties = service.penaltiesOf(reviewer, c.getId());
        assertThat(penalties).hasSize(1);
        Penalty daily = penalties.get(0);
        assertThat(daily.getKind()).isEqualTo(Penalty.Kind.DAILY_FINE);
        assertThat(daily.getArticleCode()).isEqualTo(ARTICLE_DAILY_FINE);
        assertThat(daily.getDays()).isEqualTo(10);
        assertThat(daily.getFromDay()).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(daily.getToDay()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(daily.getAmount()).isEqualByComparingTo("2000000");
        assertThat(reload(c).getLiftedOn()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(reload(c).getDailyFineSince()).isNull();
    }

    @Test
    void failedUnderLimitedProductionProposesSuspensionThenExtensionOnceThenPassed() {
        EnforcementCase c = limitedAndPlanned();
        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "整改完成");
        reinspect(c, "0.15");
        EnforcementCase failed = reload(c);
        // 部令第30号 Art 6(四): still exceeding under 限制生产
        assertThat(failed.getProposedMeasure()).isEqualTo(Measure.SUSPEND_FOR_RECTIFICATION);
        assertThat(failed.getProposedGrounds()).contains("第六条（四）");
        Instant before = failed.getRectificationDue();
        act(reviewer, c, TASK_CHOOSE_ESCALATION, F_ESCALATION, "EXTENSION", F_ESCALATION_REASON, "设备到货延迟",
                F_EXTENSION_MONTHS, 2);
        assertThat(openTaskKeys(c)).containsExactly(TASK_APPROVE_EXTENSION);
        assertThatThrownBy(() -> act(reviewer, c, TASK_APPROVE_EXTENSION, F_APPROVAL, "APPROVE"))
                .hasMessageContaining("hmc.error.not-your-task");
        act(supervisor, c, TASK_APPROVE_EXTENSION, F_APPROVAL, "APPROVE");
        EnforcementCase extended = reload(c);
        assertThat(extended.isExtensionUsed()).isTrue();
        // 2 June + 2 months = Sun 2 August, a day off: the next working day (民法典 Art 203)
        assertThat(LocalDate.ofInstant(before, SHANGHAI)).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(LocalDate.ofInstant(extended.getRectificationDue(), SHANGHAI)).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(openTaskKeys(c)).containsExactly(TASK_RECTIFY);

        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "延期内完成");
        reinspect(c, "0.10");
        assertThat(reload(c).getState()).isEqualTo(CaseState.CLOSING);
        assertThat(actions(c)).containsSubsequence("REINSPECTION_FAILED", "ESCALATION_EXTENSION",
                "EXTENSION_APPROVED", "REINSPECTION_PASSED");
    }

    @Test
    void aSecondExtensionIsRefusedWithAClearError() {
        EnforcementCase c = limitedAndPlanned();
        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "整改完成");
        reinspect(c, "0.15");
        act(reviewer, c, TASK_CHOOSE_ESCALATION, F_ESCALATION, "EXTENSION", F_ESCALATION_REASON, "延期",
                F_EXTENSION_MONTHS, 3);
        act(supervisor, c, TASK_APPROVE_EXTENSION, F_APPROVAL, "APPROVE");
        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "完成");
        reinspect(c, "0.12");
        InvalidInputException refused = invalidInput(() -> act(reviewer, c, TASK_CHOOSE_ESCALATION, F_ESCALATION,
                "EXTENSION", F_ESCALATION_REASON, "再延期", F_EXTENSION_MONTHS, 1));
        assertThat(refused.problems()).extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(F_ESCALATION, "hmc.validation.extension-used"));
        assertThat(openTaskKeys(c)).containsExactly(TASK_CHOOSE_ESCALATION);
    }

    @Test
    void failedReinspectionClosureProposedGovernmentApprovesBlacklisted() {
        EnforcementCase c = limitedAndPlanned();
        act(enterprise, c, TASK_RECTIFY, F_COMPLETION_REPORT, "整改完成");
        reinspect(c, "0.40");
        act(reviewer, c, TASK_CHOOSE_ESCALATION, F_ESCALATION, "CLOSURE", F_ESCALATION_REASON, "整改无望，报请关闭");
        OpenTask closure = service.openTasks(reviewer, c.getId()).get(0);
        assertThat(closure.key()).isEqualTo(TASK_APPROVE_CLOSURE);
        // the enterprise is in 清城区: its district government decides (demo user county)
        assertThat(closure.candidateGroups()).containsExactly("gov-qingcheng");
        Actor government = users.actor("county").orElseThrow();
        assertThatThrownBy(() -> act(reviewer, c, TASK_APPROVE_CLOSURE, F_APPROVAL, "APPROVE",
                F_APPROVAL_COMMENT, "同意")).hasMessageContaining("hmc.error.not-your-task");
        act(government, c, TASK_APPROVE_CLOSURE, F_APPROVAL, "APPROVE", F_APPROVAL_COMMENT, "同意关闭");
        InvalidInputException noGrounds = invalidInput(() -> act(reviewer, c, TASK_CLOSE_CASE, F_BLACKLIST, true,
                F_CLOSING_COMMENT, "结案"));
        assertThat(noGrounds.problems()).extracting(InvalidInputException.FieldProblem::field)
                .containsExactly(F_BLACKLIST_GROUNDS);
        act(reviewer, c, TASK_CLOSE_CASE, F_BLACKLIST, true, F_BLACKLIST_GROUNDS, "限制生产后仍超标，拒不改正",
                F_CLOSING_COMMENT, "报请关闭获批，结案");
        EnforcementCase closed = reload(c);
        assertThat(closed.getOutcome()).isEqualTo("CLOSURE_APPROVED");
        assertThat(closed.isBlacklisted()).isTrue();
        assertThat(credit.publicList()).anySatisfy(e -> assertThat(e.getCaseId()).isEqualTo(closed.getId()));
        assertThat(actions(c)).containsSubsequence("ESCALATION_CLOSURE", "CLOSURE_APPROVED", "CASE_CLOSED");
    }

    @Test
    void policeTransferIsRemindedAndEscalatedUntilAccepted() {
        EnforcementCase c = referral(ViolationKind.EVASIVE_DISCHARGE, null, null);
        assertThat(c.getProposedMeasure()).isEqualTo(Measure.SUSPEND_FOR_RECTIFICATION);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> service.transferToPolice(enterprise, c.getId(),
                PoliceTransfer.Kind.CRIMINAL, "清远市公安局", LocalDate.of(2026, 3, 2))))
                .hasMessageContaining("hmc.error.enforcing-bureau-only");
        PoliceTransfer t = tx.execute(s -> service.transferToPolice(reviewer, c.getId(),
                PoliceTransfer.Kind.ADMINISTRATIVE_DETENTION, "清远市公安局清城分局", LocalDate.of(2026, 3, 2)));
        assertThat(openTaskKeys(c)).containsExactlyInAnyOrder(TASK_DECIDE_MEASURE, TASK_RECORD_POLICE_ANSWER);

        Instant due = deadlines.due("enforcement.police-acceptance");
        moveClockTo(ZonedDateTime.ofInstant(deadlines.reminderBefore(due, "enforcement.police-acceptance"), SHANGHAI)
                .plusMinutes(1));
        fireTimers(c);
        assertThat(notifications.ofCase(KEY, c.getId().toString())).anySatisfy(n -> {
            assertThat(n.getTaskKey()).isEqualTo(TASK_RECORD_POLICE_ANSWER);
            assertThat(n.getKind()).isEqualTo(Notification.Kind.REMINDER);
        });
        moveClockTo(ZonedDateTime.ofInstant(due, SHANGHAI).plusMinutes(1));
        fireTimers(c);
        assertThat(notifications.ofCase(KEY, c.getId().toString())).anySatisfy(n -> {
            assertThat(n.getTaskKey()).isEqualTo(TASK_RECORD_POLICE_ANSWER);
            assertThat(n.getKind()).isEqualTo(Notification.Kind.ESCALATION);
            assertThat(n.getRecipientGroup()).isEqualTo(Role.SUPERVISOR.group());
        });
        act(reviewer, c, TASK_RECORD_POLICE_ANSWER, F_POLICE_ANSWER, "ACCEPTED", F_POLICE_ANSWER_NOTE, "已立案");
        assertThat(service.transfersOf(reviewer, c.getId())).singleElement().satisfies(x -> {
            assertThat(x.getId()).isEqualTo(t.getId());
            assertThat(x.getState()).isEqualTo(PoliceTransfer.State.ACCEPTED);
        });
        assertThat(openTaskKeys(c)).containsExactly(TASK_DECIDE_MEASURE);
        assertThat(actions(c)).containsSubsequence("POLICE_TRANSFER_SENT", "POLICE_TRANSFER_ACCEPTED");
    }

    @Test
    void aReviewerMayChooseAnotherMeasureOnlyWithAReasonAndTheRejectionGoesBackToTheDecision() {
        EnforcementCase c = referral(ViolationKind.EXCEEDS_STANDARD, "Cd", "1.20");
        InvalidInputException noReason = invalidInput(() -> act(reviewer, c, TASK_DECIDE_MEASURE, F_MEASURE,
                "SUSPEND_FOR_RECTIFICATION", F_ORDER_TEXT, "停产整治", F_RECTIFICATION_MONTHS, 2));
        assertThat(noReason.problems()).extracting(InvalidInputException.FieldProblem::field)
                .containsExactly(F_MEASURE_REASON);
        act(reviewer, c, TASK_DECIDE_MEASURE, F_MEASURE, "SUSPEND_FOR_RECTIFICATION", F_ORDER_TEXT, "停产整治",
                F_RECTIFICATION_MONTHS, 2, F_MEASURE_REASON, "屡查屡犯");
        assertThat(actions(c)).contains("MEASURE_CHANGED");
        act(supervisor, c, TASK_APPROVE_MEASURE, F_APPROVAL, "REJECT", F_APPROVAL_COMMENT, "证据不足");
        assertThat(openTaskKeys(c)).containsExactly(TASK_DECIDE_MEASURE);
        assertThat(reload(c).getState()).isEqualTo(CaseState.PROPOSED);
        assertThatThrownBy(() -> act(enterprise2, c, TASK_DECIDE_MEASURE, F_MEASURE, "ORDER_TO_CORRECT"))
                .hasMessageContaining("enforcement case");
    }
}
