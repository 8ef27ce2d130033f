package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;
import static org.hmcflow.support.ProcessTests.invalidInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hmcflow.escalation.Notification;
import org.hmcflow.permit.application.Applications;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitStatus;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code permit-cancellation}: 注销 on the enterprise's request (行政许可法 Art 70), 撤销 for fraud
 * (排污许可管理条例 Art 40) and 吊销 (Art 41) started by the bureau, approval by a supervisor, the three-year bar and the
 * end of the permit's renewal watch. From Monday 2 March 2026.
 */
@H2AppTest
class PermitCancellationProcessTest extends PermitLifecycleTestSupport {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2029, 12, 31);

    private ProcessInstance instance(PermitCancellation c) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
    }

    @Test
    void anEnterprisesCancellationRequestApprovedBySupervisorCancelsThePermitAndEndsItsRenewalWatch() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance watch = watch(permit);
        PermitCancellation request = lifecycle.requestCancellation(enterprise, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.ENTITY_TERMINATED, "公司已注销登记", null, null));
        ProcessInstance pi = instance(request);
        assertThat(pi).isWaitingAt(TASK_APPROVE_CANCELLATION);
        assertThat(ProcessTests.visibleTasks(identityService, taskService, supervisor, pi.getId()))
                .containsExactly(TASK_APPROVE_CANCELLATION);
        assertThat(ProcessTests.visibleTasks(identityService, taskService, reviewer2, pi.getId())).isEmpty();
        assertThat(runtimeService.getVariable(pi.getId(), VAR_LEGAL_BASIS)).isEqualTo("行政许可法 Art 70(二)");

        // a second proceeding while one runs is refused
        assertThatThrownBy(() -> lifecycle.requestCancellation(enterprise, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FORCE_MAJEURE, "洪水", null, null)))
                .isInstanceOf(ConflictException.class);

        moveTo(2026, 3, 4, 15, 0, 0);
        complete(pi, supervisor, TASK_APPROVE_CANCELLATION, Map.of(F_CANCELLATION_DECISION, "APPROVE",
                F_CANCELLATION_COMMENT, "同意注销"));
        assertThat(pi).hasPassed("ServiceTask_ApplyCancellation", "EndEvent_PermitEnded").isEnded();
        Permit cancelled = reload(permit);
        assertThat(cancelled.getStatus()).isEqualTo(PermitStatus.CANCELLED);
        assertThat(cancelled.getStatusReason()).isEqualTo("ENTITY_TERMINATED");
        assertThat(cancelled.getStatusOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(watch).hasPassed(END_WATCH_ENDED).isEnded();
        PermitCancellation done = cancellations.findById(request.getId()).orElseThrow();
        assertThat(done.getState()).isEqualTo(PermitCancellation.State.APPROVED);
        assertThat(done.getPublishedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(done.getBarredUntil()).as("注销 bars nothing").isNull();
        assertThat(actions(permit)).containsExactly("RENEWAL_WATCH_STARTED", "CANCELLATION_PROPOSED",
                "CANCELLATION_APPROVED", "CANCELLED", "DECISION_PUBLISHED", "RENEWAL_WATCH_ENDED");
        // the enterprise may apply again at once
        PermitApplication again = applications.file(enterprise, Applications.existingLeadBatterySite().build());
        runtimeService.deleteProcessInstance(again.getProcessInstanceId(), "test over");
        // nothing more can happen to an ended permit
        assertThatThrownBy(() -> lifecycle.fileChange(enterprise, permit.getId(), new PermitLifecycleService.ChangeRequest(
                "新名称", null, null, LocalDate.of(2026, 3, 1), null, null, null))).isInstanceOf(ConflictException.class);
    }

    @Test
    void revocationForFraudWithAFineInRangeBarsTheEnterpriseForThreeYears() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        watch(permit);
        PermitCancellation revocation = lifecycle.requestCancellation(reviewer, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FRAUD, "申请时提供虚假监测数据",
                        new BigDecimal("300000"), LocalDate.of(2026, 2, 20)));
        assertThat(revocation.getKind()).isEqualTo(CancellationKind.REVOKE);
        assertThat(revocation.getLegalBasis()).isEqualTo("排污许可管理条例 Art 40");
        ProcessInstance pi = instance(revocation);
        assertThat(ProcessTests.visibleTasks(identityService, taskService, enterprise, pi.getId())).isEmpty();
        complete(pi, supervisor, TASK_APPROVE_CANCELLATION, Map.of(F_CANCELLATION_DECISION, "APPROVE",
                F_CANCELLATION_COMMENT, "经听证，决定撤销"));

        Permit revoked = reload(permit);
        assertThat(revoked.getStatus()).isEqualTo(PermitStatus.REVOKED);
        PermitLifecycleService.Lifecycle view = lifecycle.lifecycle(enterprise, permit.getId());
        assertThat(view.bar()).hasValueSatisfying(bar -> {
            assertThat(bar.getBarredUntil()).isEqualTo(LocalDate.of(2029, 3, 2));
            assertThat(bar.getLegalBasis()).isEqualTo("排污许可管理条例 Art 40");
        });
        assertThat(actions(permit)).contains("REVOKED", "DECISION_PUBLISHED", "RENEWAL_WATCH_ENDED");

        // a new application is refused when filed, naming the article and the last barred day
        assertThatThrownBy(() -> applications.file(enterprise, Applications.existingLeadBatterySite().build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("hmc.error.permit-barred");
                    assertThat(e.args()).containsExactly("排污许可管理条例 Art 40", "2029-03-02");
                });
        // the bar ends with its last day
        moveTo(2029, 3, 3, 9, 0, 0);
        PermitApplication after = applications.file(enterprise, Applications.existingLeadBatterySite().build());
        runtimeService.deleteProcessInstance(after.getProcessInstanceId(), "test over");
    }

    @Test
    void withdrawalIsRejectedByTheSupervisorAndThePermitStaysValidUnderWatch() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        ProcessInstance watch = watch(permit);
        PermitCancellation withdrawal = lifecycle.requestCancellation(reviewer, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FORGED_OR_TRANSFERRED, "涉嫌出租许可证",
                        new BigDecimal("100000"), null));
        ProcessInstance pi = instance(withdrawal);
        // the approval reminds two working days before its 10-working-day limit (Mon 16 Mar) and escalates after it
        moveTo(2026, 3, 12, 9, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        moveTo(2026, 3, 17, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(CANCELLATION_KEY, withdrawal.getId())).extracting(Notification::getKind,
                Notification::getRecipientGroup).containsExactlyInAnyOrder(tuple(Notification.Kind.REMINDER, "hmc-supervisor"),
                tuple(Notification.Kind.ESCALATION, "hmc-supervisor"));

        assertThat(invalidInput(() -> complete(pi, supervisor, TASK_APPROVE_CANCELLATION,
                Map.of(F_CANCELLATION_DECISION, "MAYBE"))).problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(F_CANCELLATION_DECISION, F_CANCELLATION_COMMENT);
        complete(pi, supervisor, TASK_APPROVE_CANCELLATION, Map.of(F_CANCELLATION_DECISION, "REJECT",
                F_CANCELLATION_COMMENT, "证据不足"));
        assertThat(pi).hasPassed("EndEvent_CancellationRejected").isEnded();
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.VALID);
        assertThat(watch).isWaitingAt(TASK_FILE_RENEWAL);
        assertThat(actions(permit)).endsWith("CANCELLATION_REJECTED");
    }

    @Test
    void badProceedingsAreRefusedWithEveryFieldNamedAndNothingStored() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(FROM, UNTIL);
        // a fine outside Art 41's range, no facts, a hearing notice in the future
        InvalidInputException outOfRange = invalid(() -> lifecycle.requestCancellation(reviewer, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FORGED_OR_TRANSFERRED, " ",
                        new BigDecimal("50000"), LocalDate.of(2026, 4, 1))));
        assertThat(outOfRange.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactlyInAnyOrder(tuple("facts", "hmc.validation.required"),
                        tuple("penaltyYuan", "hmc.validation.penalty-range"),
                        tuple("hearingNoticeOn", "hmc.validation.not-future"));
        // revocation needs its fine; 注销 has none
        assertThat(invalid(() -> lifecycle.requestCancellation(reviewer, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FRAUD, "虚假材料", null, null))).problems())
                .extracting(FieldProblem::field).containsExactly("penaltyYuan");
        assertThat(invalid(() -> lifecycle.requestCancellation(reviewer, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FORCE_MAJEURE, "台风",
                        new BigDecimal("1000"), null))).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("penaltyYuan", "hmc.validation.no-penalty"));
        // an enterprise cannot revoke its own permit, nor use the system's ground
        assertThat(invalid(() -> lifecycle.requestCancellation(enterprise, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FRAUD, "x", new BigDecimal("200000"), null)))
                .problems()).extracting(FieldProblem::field).containsExactly("ground");
        assertThat(invalid(() -> lifecycle.requestCancellation(reviewer, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.EXPIRY_WITHOUT_RENEWAL, "x", null, null)))
                .problems()).extracting(FieldProblem::field).containsExactly("ground");
        // only the permit-approving bureau starts a proceeding
        assertThatThrownBy(() -> lifecycle.requestCancellation(reviewer2, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.FRAUD, "x", new BigDecimal("200000"), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(cancellations.findByPermitIdOrderByIdAsc(permit.getId())).isEmpty();
        assertThat(actions(permit)).isEmpty();
    }

    private static InvalidInputException invalid(Runnable call) {
        return invalidInput(call::run);
    }
}
