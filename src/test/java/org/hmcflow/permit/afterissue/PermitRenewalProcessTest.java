package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;

import java.time.LocalDate;
import java.util.Date;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.escalation.Notification;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitStatus;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code permit-renewal} (延续), time moved only through the engine clock. The permit of most tests was
 * issued on 1 Jan 2022 and is valid until Thu 31 Dec 2026: 60 days before is Sun 1 Nov, so the last day to file and
 * the first reminder move to Fri 30 Oct; 30 days before is Tue 1 Dec; 7 days before is Thu 24 Dec; it lapses when
 * 31 Dec ends (1 Jan 2027 00:00 in Qingyuan).
 */
@H2AppTest
class PermitRenewalProcessTest extends PermitLifecycleTestSupport {

    private static final LocalDate FROM = LocalDate.of(2022, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);

    @Test
    void remindersGoOutSixtyThirtyAndSevenDaysBeforeExpiryAndAnUnrenewedPermitLapsesAndIsCancelled() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance pi = watch(permit);
        assertThat(pi).isWaitingAt(TASK_FILE_RENEWAL);
        assertThat(task(pi, TASK_FILE_RENEWAL).getDueDate()).isEqualTo(at(2026, 10, 30, 23, 59));
        assertThat(identityLinks(pi, TASK_FILE_RENEWAL)).containsExactly("enterprise-1");
        assertThat(ProcessTests.timer(managementService, pi.getId(), TIMER_NEXT_REMINDER).getDuedate())
                .isEqualTo(at(2026, 10, 30, 9, 0));
        assertThat(ProcessTests.timer(managementService, pi.getId(), TIMER_PERMIT_EXPIRED).getDuedate())
                .isEqualTo(at(2027, 1, 1, 0, 0));
        assertThat(actions(permit)).containsExactly("RENEWAL_WATCH_STARTED");

        // 60 days before expiry (moved back from Sunday 1 Nov): the enterprise alone
        moveTo(2026, 10, 30, 8, 59, 0);
        assertThat(fire(pi)).isZero();
        moveTo(2026, 10, 30, 9, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(RENEWAL_KEY, permit.getId()))
                .extracting(Notification::getKind, Notification::getRecipientGroup, Notification::getTaskKey)
                .containsExactly(tuple(Notification.Kind.REMINDER, "enterprise-1", "permit.renewal.filing.2026-12-31.60d"));
        assertThat(ProcessTests.timer(managementService, pi.getId(), TIMER_NEXT_REMINDER).getDuedate())
                .isEqualTo(at(2026, 12, 1, 9, 0));

        // 30 days before: the supervisors too
        moveTo(2026, 12, 1, 9, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(RENEWAL_KEY, permit.getId())).filteredOn(n -> n.getTaskKey().endsWith(".30d"))
                .extracting(Notification::getKind, Notification::getRecipientGroup)
                .containsExactlyInAnyOrder(tuple(Notification.Kind.REMINDER, "enterprise-1"),
                        tuple(Notification.Kind.REMINDER, "hmc-supervisor"));

        // 7 days before: escalated to the enterprise, the bureau and the supervisors
        moveTo(2026, 12, 24, 9, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(RENEWAL_KEY, permit.getId())).filteredOn(n -> n.getTaskKey().endsWith(".7d"))
                .extracting(Notification::getKind, Notification::getRecipientGroup)
                .containsExactlyInAnyOrder(tuple(Notification.Kind.ESCALATION, "enterprise-1"),
                        tuple(Notification.Kind.ESCALATION, "city-epb"), tuple(Notification.Kind.ESCALATION, "hmc-supervisor"));
        assertThat(pi).hasPassed("EndEvent_RemindersDone").isWaitingAt(TASK_FILE_RENEWAL);
        assertThat(actions(permit)).containsExactly("RENEWAL_WATCH_STARTED", "RENEWAL_REMINDER_SENT",
                "RENEWAL_REMINDER_SENT", "RENEWAL_REMINDER_ESCALATED");

        // the last valid day is still valid
        moveTo(2026, 12, 31, 23, 59, 0);
        assertThat(fire(pi)).isZero();
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.VALID);

        moveTo(2027, 1, 1, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(pi).hasPassed(TIMER_PERMIT_EXPIRED, "ServiceTask_LapsePermit").isEnded();
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(END_LAPSED).count()).isEqualTo(1);
        Permit lapsed = reload(permit);
        assertThat(lapsed.getStatus()).isEqualTo(PermitStatus.CANCELLED);
        assertThat(lapsed.getStatusReason()).isEqualTo("EXPIRY_WITHOUT_RENEWAL");
        assertThat(lapsed.getStatusOn()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(actions(permit)).endsWith("EXPIRED", "CANCELLED");
        assertThat(cancellations.findByPermitIdOrderByIdAsc(permit.getId()))
                .extracting(PermitCancellation::getKind, PermitCancellation::getGround, PermitCancellation::getLegalBasis,
                        PermitCancellation::getState)
                .containsExactly(tuple(CancellationKind.CANCEL, CancellationGround.EXPIRY_WITHOUT_RENEWAL,
                        "行政许可法 Art 70(一)", PermitCancellation.State.APPROVED));
    }

    @Test
    void aRenewalFiledInTimeAcceptedAndApprovedExtendsThePermitFiveYearsAndTheWatchStartsOver() {
        moveTo(2026, 9, 1, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance pi = watch(permit);

        moveTo(2026, 10, 12, 10, 0, 0);
        complete(pi, enterprise, TASK_FILE_RENEWAL, Map.of(F_CONTENTS_UNCHANGED, true,
                F_RENEWAL_STATEMENT, "许可事项未变化，申请延续"));
        assertThat(pi).isWaitingAt(TASK_ACCEPT_RENEWAL);
        assertThat(pi).hasPassed("EndEvent_RenewalFiled");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_NEXT_REMINDER).count())
                .as("filing ends the reminders").isZero();
        PermitRenewal renewal = renewals.findByPermitIdOrderByIdAsc(permit.getId()).get(0);
        assertThat(renewal.isLate()).isFalse();
        assertThat(renewal.getFilingDue()).isEqualTo(LocalDate.of(2026, 10, 30));

        complete(pi, reviewer, TASK_ACCEPT_RENEWAL, Map.of(F_RENEWAL_ACCEPTANCE, "ACCEPT"));
        assertThat(pi).isWaitingAt(TASK_DECIDE_RENEWAL);
        // 20 working days from Mon 12 Oct 2026: Mon 9 Nov
        Date decisionDue = at(2026, 11, 9, 23, 59);
        assertThat(task(pi, TASK_DECIDE_RENEWAL).getDueDate()).isEqualTo(decisionDue);
        assertThat(identityLinks(pi, TASK_DECIDE_RENEWAL)).containsExactly("city-epb");

        // the decision step reminds (5 working days before) and escalates like every step
        moveTo(2026, 11, 2, 9, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        moveTo(2026, 11, 10, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(RENEWAL_KEY, permit.getId()))
                .extracting(Notification::getKind, Notification::getRecipientGroup, Notification::getTaskKey)
                .containsExactlyInAnyOrder(tuple(Notification.Kind.REMINDER, "city-epb", TASK_DECIDE_RENEWAL),
                        tuple(Notification.Kind.ESCALATION, "city-epb", TASK_DECIDE_RENEWAL),
                        tuple(Notification.Kind.ESCALATION, "hmc-supervisor", TASK_DECIDE_RENEWAL));

        complete(pi, reviewer, TASK_DECIDE_RENEWAL, Map.of(F_RENEWAL_DECISION, "APPROVE",
                F_RENEWAL_DECISION_COMMENT, "准予延续"));
        Permit renewed = reload(permit);
        assertThat(renewed.getValidUntil()).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(renewed.getStatus()).isEqualTo(PermitStatus.VALID);
        assertThat(renewals.findByPermitIdOrderByIdAsc(permit.getId()))
                .extracting(PermitRenewal::getState, PermitRenewal::getOldValidUntil, PermitRenewal::getNewValidUntil)
                .containsExactly(tuple(PermitRenewal.State.APPROVED, UNTIL, LocalDate.of(2031, 12, 31)));
        // the watch starts over for the new period: the old expiry passes without effect
        assertThat(pi).hasPassed("EndEvent_PeriodRenewed", "Gateway_JoinPeriod").isWaitingAt(TASK_FILE_RENEWAL);
        assertThat(task(pi, TASK_FILE_RENEWAL).getDueDate()).as("60 days before 31 Dec 2031 is Sat 1 Nov → Fri 31 Oct")
                .isEqualTo(at(2031, 10, 31, 23, 59));
        assertThat(runtimeService.getVariable(pi.getId(), F_RENEWAL_DECISION)).as("last period's answer cleared").isNull();
        moveTo(2027, 1, 1, 0, 0, 30);
        assertThat(fire(pi)).isZero();
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.VALID);
        assertThat(actions(permit)).containsSubsequence("RENEWAL_FILED", "RENEWAL_ACCEPTED", "RENEWED",
                "RENEWAL_WATCH_STARTED");
    }

    @Test
    void aLateRenewalIsTakenAndMarkedButLapsesWhenTheDeemedAcceptedDecisionDoesNotComeBeforeExpiry() {
        moveTo(2026, 12, 1, 8, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance pi = watch(permit);
        // started inside the 60-day window: the missed 60-day reminder goes out at once, then the 30-day one
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(RENEWAL_KEY, permit.getId())).extracting(Notification::getTaskKey)
                .containsExactly("permit.renewal.filing.2026-12-31.60d");

        moveTo(2026, 12, 14, 10, 0, 0); // Monday
        complete(pi, enterprise, TASK_FILE_RENEWAL, Map.of(F_CONTENTS_UNCHANGED, false, F_CHANGED_ITEMS, items("LEGAL_REPRESENTATIVE"),
                F_RENEWAL_STATEMENT, "法定代表人已变更，已另行申请变更"));
        PermitRenewal renewal = renewals.findByPermitIdOrderByIdAsc(permit.getId()).get(0);
        assertThat(renewal.isLate()).isTrue();
        assertThat(renewal.getChangedItems()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(task(pi, TASK_ACCEPT_RENEWAL).getDueDate()).isEqualTo(at(2026, 12, 17, 23, 59));

        // the bureau does not act: deemed accepted on the day filed, decision due 20 working days later (Tue 12 Jan)
        moveTo(2026, 12, 18, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(pi).hasPassed("ServiceTask_DeemRenewalAccepted").isWaitingAt(TASK_DECIDE_RENEWAL);
        renewal = renewals.findById(renewal.getId()).orElseThrow();
        assertThat(renewal.isDeemedAccepted()).isTrue();
        assertThat(renewal.getAcceptedOn()).isEqualTo(LocalDate.of(2026, 12, 14));

        // no decision by the end of 31 Dec: the permit lapses though the decision limit runs on
        moveTo(2027, 1, 1, 0, 0, 30);
        fire(pi);
        assertThat(pi).hasPassed(TIMER_PERMIT_EXPIRED, "ServiceTask_LapsePermit").isEnded();
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.CANCELLED);
        assertThat(renewals.findById(renewal.getId()).orElseThrow().getState()).isEqualTo(PermitRenewal.State.LAPSED);
        assertThat(actions(permit)).containsSubsequence("RENEWAL_FILED", "RENEWAL_DEEMED_ACCEPTED", "EXPIRED",
                "RENEWAL_LAPSED", "CANCELLED");
    }

    @Test
    void aRefusedRenewalLetsThePermitRunToItsExpiryAndLapse() {
        moveTo(2026, 9, 1, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance pi = watch(permit);
        moveTo(2026, 10, 12, 10, 0, 0);
        complete(pi, enterprise, TASK_FILE_RENEWAL, Map.of(F_CONTENTS_UNCHANGED, true, F_RENEWAL_STATEMENT, "申请延续"));
        complete(pi, reviewer, TASK_ACCEPT_RENEWAL, Map.of(F_RENEWAL_ACCEPTANCE, "ACCEPT"));
        complete(pi, reviewer, TASK_DECIDE_RENEWAL, Map.of(F_RENEWAL_DECISION, "REFUSE",
                F_RENEWAL_DECISION_COMMENT, "执行报告长期未提交，不予延续"));
        assertThat(pi).hasPassed("EndEvent_RenewalRefused", "Gateway_PeriodOutcome").isWaitingAt(TIMER_AWAIT_EXPIRY);
        assertThat(reload(permit).getStatus()).as("valid until its last day").isEqualTo(PermitStatus.VALID);

        moveTo(2027, 1, 1, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(pi).hasPassed("ServiceTask_LapsePermit").isEnded();
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.CANCELLED);
        assertThat(actions(permit)).containsSubsequence("RENEWAL_REFUSED", "EXPIRED", "CANCELLED");
    }

    @Test
    void aRenewalNotAcceptedAlsoLetsThePermitLapse() {
        moveTo(2026, 9, 1, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance pi = watch(permit);
        complete(pi, enterprise, TASK_FILE_RENEWAL, Map.of(F_CONTENTS_UNCHANGED, true, F_RENEWAL_STATEMENT, "申请延续"));
        complete(pi, reviewer, TASK_ACCEPT_RENEWAL, Map.of(F_RENEWAL_ACCEPTANCE, "NOT_ACCEPT",
                F_RENEWAL_ACCEPTANCE_COMMENT, "申请材料非本单位"));
        assertThat(pi).hasPassed("EndEvent_RenewalNotAccepted").isWaitingAt(TIMER_AWAIT_EXPIRY);
        assertThat(renewals.findByPermitIdOrderByIdAsc(permit.getId())).extracting(PermitRenewal::getState)
                .containsExactly(PermitRenewal.State.NOT_ACCEPTED);
        moveTo(2027, 1, 1, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.CANCELLED);
    }

    @Test
    void badFilingsAreRefusedWithEveryFieldNamedAndNothingStored() {
        moveTo(2026, 9, 1, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance pi = watch(permit);

        // a change Art 15 reserves for a new application
        Map<String, Object> reapply = new HashMap<>();
        reapply.put(F_CONTENTS_UNCHANGED, false);
        reapply.put(F_CHANGED_ITEMS, items("OUTLET_LOCATION", "QUANTITIES"));
        reapply.put(F_RENEWAL_STATEMENT, "排放口位置调整");
        assertThat(invalidInput(() -> complete(pi, enterprise, TASK_FILE_RENEWAL, reapply)).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple(F_CHANGED_ITEMS, "hmc.validation.reapplication-required"));

        // nothing confirmed, no statement, an unknown item
        Map<String, Object> empty = new HashMap<>();
        assertThat(invalidInput(() -> complete(pi, enterprise, TASK_FILE_RENEWAL, empty)).problems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(F_CONTENTS_UNCHANGED, F_RENEWAL_STATEMENT);
        assertThat(invalidInput(() -> complete(pi, enterprise, TASK_FILE_RENEWAL, Map.of(F_CONTENTS_UNCHANGED, true,
                F_CHANGED_ITEMS, items("QUANTITIES", "COLOUR")))).problems()).extracting(FieldProblem::field)
                .as("an unknown item is named by its row").containsExactlyInAnyOrder(F_CHANGED_ITEMS,
                        F_CHANGED_ITEMS + "[1].item", F_RENEWAL_STATEMENT);

        assertThat(pi).isWaitingAt(TASK_FILE_RENEWAL);
        assertThat(renewals.findByPermitIdOrderByIdAsc(permit.getId())).isEmpty();
        assertThat(actions(permit)).containsExactly("RENEWAL_WATCH_STARTED");

        // another enterprise cannot see the step at all
        assertThat(ProcessTests.visibleTasks(identityService, taskService, enterprise2, pi.getId())).isEmpty();
        assertThat(ProcessTests.visibleTasks(identityService, taskService, enterprise, pi.getId()))
                .containsExactly(TASK_FILE_RENEWAL);
    }

    private List<String> identityLinks(ProcessInstance pi, String taskKey) {
        return taskService.getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
                .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    /** The changed items as the rows the form's dynamic list submits (a Json value). */
    private static TypedValue items(String... codes) {
        return FormLists.value(Arrays.stream(codes).map(code -> Map.of(C_CHANGED_ITEM, code)).toList());
    }
}
