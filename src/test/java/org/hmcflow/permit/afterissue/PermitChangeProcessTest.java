package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hmcflow.escalation.Notification;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitHolder;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code permit-change} (变更, 排污许可管理条例 Arts 14–15), time moved through the engine clock from
 * Monday 2 March 2026.
 */
@H2AppTest
class PermitChangeProcessTest extends PermitLifecycleTestSupport {

    @Autowired
    PermitChangeRepository changes;

    private PermitChange file(Permit permit, PermitLifecycleService.ChangeRequest request) {
        return lifecycle.fileChange(enterprise, permit.getId(), request);
    }

    private ProcessInstance instance(PermitChange change) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(change.getProcessInstanceId()).singleResult();
    }

    @Test
    void aChangeFiledInTimeAndApprovedIsWrittenOntoThePermitWithItsHistoryKept() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31));
        PermitChange change = file(permit, new PermitLifecycleService.ChangeRequest("清远尤尼新能源有限公司", null,
                "林晓东", LocalDate.of(2026, 2, 20), List.of(), List.of(11L, 12L), "更名并更换法定代表人"));
        assertThat(change.isLate()).isFalse();
        assertThat(change.getFilingDue()).as("30 calendar days after Fri 20 Feb: Sun 22 Mar → Mon 23 Mar")
                .isEqualTo(LocalDate.of(2026, 3, 23));
        ProcessInstance pi = instance(change);
        assertThat(pi).isWaitingAt(TASK_REVIEW_CHANGE);
        assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(change.getId()));
        // 20 working days from Mon 2 Mar 2026: Mon 30 Mar
        assertThat(task(pi, TASK_REVIEW_CHANGE).getDueDate()).isEqualTo(at(2026, 3, 30, 23, 59));
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CHANGE_SUMMARY).toString())
                .contains("清远市尤尼电源科技有限公司 → 清远尤尼新能源有限公司", "陈志强 → 林晓东");

        complete(pi, reviewer, TASK_REVIEW_CHANGE, Map.of(F_CHANGE_DECISION, "APPROVE"));
        assertThat(pi).hasPassed("ServiceTask_ApplyChange", "EndEvent_ChangeApplied").isEnded();
        Permit changed = reload(permit);
        assertThat(lifecycle.holder(changed)).isEqualTo(new PermitHolder("清远尤尼新能源有限公司", "清远市清城区龙塘镇工业园 8 号", "林晓东"));
        assertThat(changes.findByPermitIdOrderByIdAsc(permit.getId()))
                .extracting(PermitChange::getState, PermitChange::getOldUnitName, PermitChange::getNewUnitName,
                        PermitChange::getOldLegalRepresentative, PermitChange::getNewLegalRepresentative,
                        PermitChange::getNewAddress, PermitChange::getDocumentIds)
                .containsExactly(tuple(PermitChange.State.APPROVED, "清远市尤尼电源科技有限公司", "清远尤尼新能源有限公司",
                        "陈志强", "林晓东", null, "11,12"));
        assertThat(actions(permit)).containsExactly("CHANGE_FILED", "CHANGE_APPROVED", "CHANGED");

        // the next change starts from the changed values
        PermitChange second = file(changed, new PermitLifecycleService.ChangeRequest(null, "清远市清城区龙塘镇工业园 10 号",
                null, LocalDate.of(2026, 3, 1), null, null, null));
        assertThat(second.getOldUnitName()).isEqualTo("清远尤尼新能源有限公司");
    }

    @Test
    void aLateChangeIsTakenAndFlaggedTheReviewRemindsAndEscalatesAndARefusalLeavesThePermitAsItWas() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31));
        PermitChange change = file(permit, new PermitLifecycleService.ChangeRequest(null, "清远市清城区石角镇 1 号", null,
                LocalDate.of(2026, 1, 5), null, null, null));
        assertThat(change.isLate()).isTrue();
        ProcessInstance pi = instance(change);
        assertThat(runtimeService.getVariable(pi.getId(), VAR_CHANGE_LATE)).isEqualTo(true);

        moveTo(2026, 3, 25, 9, 0, 30); // 3 working days before Mon 30 Mar
        assertThat(fire(pi)).isEqualTo(1);
        moveTo(2026, 3, 31, 0, 0, 30);
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(CHANGE_KEY, change.getId()))
                .extracting(Notification::getKind, Notification::getRecipientGroup)
                .containsExactlyInAnyOrder(tuple(Notification.Kind.REMINDER, "city-epb"),
                        tuple(Notification.Kind.ESCALATION, "city-epb"), tuple(Notification.Kind.ESCALATION, "hmc-supervisor"));
        assertThat(actions(permit)).contains("REMINDER_SENT", "OVERDUE_ESCALATED");

        // a refusal needs its reasons
        assertThat(invalidInput(() -> complete(pi, reviewer, TASK_REVIEW_CHANGE, Map.of(F_CHANGE_DECISION, "REFUSE")))
                .problems()).extracting(FieldProblem::field).containsExactly(F_CHANGE_DECISION_COMMENT);
        complete(pi, reviewer, TASK_REVIEW_CHANGE, Map.of(F_CHANGE_DECISION, "REFUSE",
                F_CHANGE_DECISION_COMMENT, "未提供工商变更登记材料"));
        assertThat(pi).hasPassed("EndEvent_ChangeRefused").isEnded();
        assertThat(lifecycle.holder(reload(permit)).address()).isEqualTo("清远市清城区龙塘镇工业园 8 号");
        assertThat(actions(permit)).endsWith("CHANGE_REFUSED");
    }

    @Test
    void anArt15ChangeOrAnEmptyOneIsRefusedWithEveryFieldNamedAndNothingStored() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = permit(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31));
        InvalidInputException reapply = assertThrowsInvalid(() -> file(permit, new PermitLifecycleService.ChangeRequest(
                "新名称", null, null, LocalDate.of(2026, 3, 1), List.of("MORE_OUTLETS", "POLLUTANT_TYPES"), null, null)));
        assertThat(reapply.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("otherChangedItems", "hmc.validation.reapplication-route"));
        assertThat(reapply.problems().get(0).args()).containsExactly("MORE_OUTLETS, POLLUTANT_TYPES", "排污许可管理条例 Art 15",
                "/api/permits/" + permit.getId() + "/reapplication");

        InvalidInputException empty = assertThrowsInvalid(() -> file(permit, new PermitLifecycleService.ChangeRequest(
                "清远市尤尼电源科技有限公司", null, null, LocalDate.of(2026, 3, 9), List.of("COLOUR"), null, "x".repeat(2001))));
        assertThat(empty.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("unitName", "effectiveOn", "otherChangedItems", "reason");

        assertThat(changes.findByPermitIdOrderByIdAsc(permit.getId())).isEmpty();
        assertThat(actions(permit)).isEmpty();

        // only the holder files a change; another enterprise does not even see the permit
        PermitLifecycleService.ChangeRequest fine = new PermitLifecycleService.ChangeRequest("新名称", null, null,
                LocalDate.of(2026, 3, 1), null, null, null);
        assertThatThrownBy(() -> lifecycle.fileChange(reviewer, permit.getId(), fine)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> lifecycle.fileChange(enterprise2, permit.getId(), fine)).isInstanceOf(NotFoundException.class);
    }

    private static InvalidInputException assertThrowsInvalid(Runnable call) {
        return invalidInput(call::run);
    }
}
