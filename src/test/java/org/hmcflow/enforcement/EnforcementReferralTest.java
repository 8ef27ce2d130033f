package org.hmcflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.enforcement.EnforcementProcess.*;
import static org.hmcflow.support.ProcessTests.SHANGHAI;
import static org.hmcflow.support.ProcessTests.invalidInput;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.inspection.ViolationsFound;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 移送执法 — referrals from other lifecycles through the public contract ({@link EnforcementReferral}), as the
 * cleaner-production, relocation and plan lifecycles will send them: the mapped measure, idempotency, the audit row,
 * what a bad referral gets, and the referral published as an event.
 */
@H2AppTest
class EnforcementReferralTest {

    @Autowired
    EnforcementService service;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserService users;

    Actor reviewer;

    @BeforeEach
    void setUp() {
        moveClockTo(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI));
        reviewer = users.actor("reviewer").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    EnforcementReferral.Outcome refer(EnforcementReferral r) {
        return tx.execute(s -> service.refer(r));
    }

    EnforcementReferral missedAudit(String ref) {
        return new EnforcementReferral(CaseSource.CLEANER_PRODUCTION_AUDIT, ref, 1L,
                ViolationKind.CLEANER_PRODUCTION_AUDIT_NOT_DONE, "逾期未开展强制性清洁生产审核", "system");
    }

    List<String> actions(Long caseId) {
        return service.trail(reviewer, caseId).stream().map(AuditEvent::getAction).toList();
    }

    @Test
    void aMissedAuditOpensAnOrderToCorrectUnderTheCleanerProductionLawNeverAProductionMeasure() {
        EnforcementReferral.Outcome out = refer(missedAudit(unique("QJSC")));
        assertThat(out.opened()).isTrue();
        assertThat(out.caseReference()).startsWith("ZF-2026-");
        EnforcementCase c = service.visible(reviewer, out.caseId());
        assertThat(c.getSource()).isEqualTo(CaseSource.CLEANER_PRODUCTION_AUDIT);
        assertThat(c.getOpenedBy()).isEqualTo("system");
        assertThat(c.getInspectionId()).isNull();
        assertThat(c.getProposedMeasure()).isEqualTo(Measure.ORDER_TO_CORRECT);
        assertThat(c.getProposedGrounds()).contains("清洁生产促进法").contains("第三十九条").contains("责令限期改正")
                .doesNotContain("限制生产").doesNotContain("停产整治");
        assertThat(service.violationsOf(reviewer, c.getId())).singleElement().satisfies(v -> {
            assertThat(v.getKind()).isEqualTo(ViolationKind.CLEANER_PRODUCTION_AUDIT_NOT_DONE);
            assertThat(v.getMeasure()).isEqualTo(Measure.ORDER_TO_CORRECT);
            assertThat(v.getRuleCode()).isEqualTo("CPP_AUDIT");
            assertThat(v.getDescription()).isEqualTo("逾期未开展强制性清洁生产审核");
        });
        assertThat(service.openTasks(reviewer, c.getId())).extracting(OpenTask::key).containsExactly(TASK_DECIDE_MEASURE);
        AuditEvent opened = service.trail(reviewer, c.getId()).get(0);
        assertThat(opened.getAction()).isEqualTo("CASE_OPENED");
        assertThat(opened.getActor()).isEqualTo("system");
        assertThat(opened.getChanges()).contains("CLEANER_PRODUCTION_AUDIT").contains(c.getSourceReference())
                .contains("CPP_AUDIT");

        // 停产整治 is refused as the decision too; the order to correct goes on to its correction period
        InvalidInputException refused = invalidInput(() -> tx.executeWithoutResult(s -> service.act(reviewer,
                c.getId(), TASK_DECIDE_MEASURE, Map.of(F_MEASURE, "SUSPEND_FOR_RECTIFICATION", F_ORDER_TEXT, "停产",
                        F_MEASURE_REASON, "加重", F_RECTIFICATION_MONTHS, 2))));
        assertThat(refused.problems()).extracting(InvalidInputException.FieldProblem::field).contains(F_MEASURE);
        tx.executeWithoutResult(s -> service.act(reviewer, c.getId(), TASK_DECIDE_MEASURE,
                Map.of(F_MEASURE, "ORDER_TO_CORRECT", F_ORDER_TEXT, "责令于期限内完成强制性清洁生产审核并提交审核报告")));
        assertThat(service.visible(reviewer, c.getId()).getState()).isEqualTo(CaseState.RECTIFYING);
    }

    @Test
    void aRelocationPlansMissedSoilSurveyOpensAnOrderToCorrectUnderTheSoilLaw() {
        EnforcementReferral.Outcome out = refer(new EnforcementReferral(CaseSource.RELOCATION_PLAN, unique("BQ"), 1L,
                ViolationKind.SOIL_RISK_DUTY_NOT_DONE, "关闭搬迁后未按期开展土壤污染状况调查", "system"));
        EnforcementCase c = service.visible(reviewer, out.caseId());
        assertThat(c.getSource()).isEqualTo(CaseSource.RELOCATION_PLAN);
        assertThat(c.getProposedMeasure()).isEqualTo(Measure.ORDER_TO_CORRECT);
        assertThat(c.getProposedGrounds()).contains("土壤污染防治法").contains("第九十四条").doesNotContain("停产整治");
        assertThat(service.violationsOf(reviewer, c.getId())).singleElement()
                .satisfies(v -> assertThat(v.getRuleCode()).isEqualTo("SOIL_RISK_DUTY"));
        // the law gives no production measure: 限制生产 is refused as the decision
        InvalidInputException refused = invalidInput(() -> tx.executeWithoutResult(s -> service.act(reviewer,
                c.getId(), TASK_DECIDE_MEASURE, Map.of(F_MEASURE, "LIMIT_PRODUCTION", F_ORDER_TEXT, "限产",
                        F_MEASURE_REASON, "加重", F_RECTIFICATION_MONTHS, 2))));
        assertThat(refused.problems()).extracting(InvalidInputException.FieldProblem::field).contains(F_MEASURE);

        EnforcementReferral.Outcome demolition = refer(new EnforcementReferral(CaseSource.RELOCATION_PLAN,
                unique("BQ"), 1L, ViolationKind.DEMOLITION_WITHOUT_SOIL_PROTECTION, "拆除车间未采取防渗措施", "system"));
        EnforcementCase d = service.visible(reviewer, demolition.caseId());
        assertThat(d.getProposedMeasure()).isEqualTo(Measure.ORDER_TO_CORRECT);
        assertThat(d.getProposedGrounds()).contains("第八十六条");
    }

    @Test
    void aRepeatedReferralOpensNoSecondCaseAndIsRecordedOnTheFirst() {
        String ref = unique("QJSC");
        EnforcementReferral.Outcome first = refer(missedAudit(ref));
        EnforcementReferral.Outcome second = refer(missedAudit(ref));
        assertThat(second.opened()).isFalse();
        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(service.list(reviewer)).filteredOn(c -> ref.equals(c.getSourceReference())).hasSize(1);
        assertThat(actions(first.caseId())).containsExactly("CASE_OPENED", "REFERRAL_REPEATED");

        // the same reference from another lifecycle is another referral
        EnforcementReferral.Outcome other = refer(new EnforcementReferral(CaseSource.RELOCATION_PLAN, ref, 1L,
                ViolationKind.OTHER, "搬迁方案规定日期后仍在生产", "reviewer"));
        assertThat(other.opened()).isTrue();
        assertThat(other.caseId()).isNotEqualTo(first.caseId());
    }

    @Test
    void aReferralPublishedAsAnEventOpensTheCaseInThePublishersTransaction() {
        String ref = unique("PLAN");
        tx.executeWithoutResult(s -> events.publishEvent(new EnforcementReferral(CaseSource.PLAN_MEASURE, ref, 1L,
                ViolationKind.OTHER, "整治方案措施逾期未完成", "reviewer")));
        assertThat(service.list(reviewer)).filteredOn(c -> ref.equals(c.getSourceReference())).singleElement()
                .satisfies(c -> {
                    assertThat(c.getSource()).isEqualTo(CaseSource.PLAN_MEASURE);
                    assertThat(c.getProposedMeasure()).isEqualTo(Measure.ORDER_TO_CORRECT);
                });
    }

    @Test
    void anInspectionAlreadyReferredByItsFindingsOpensNoSecondCase() {
        long inspectionId = 770000L + (System.nanoTime() % 10000);
        tx.executeWithoutResult(s -> events.publishEvent(new ViolationsFound(inspectionId, 1L, "inspector1",
                ClockUtil.getCurrentTime().toInstant(), List.of(new ViolationsFound.Violation(
                        ViolationKind.PERMIT_CONDITION_BREACH, null, null, null, null, null, null, null, false, null,
                        "台账缺失")))));
        EnforcementReferral.Outcome out = refer(new EnforcementReferral(CaseSource.INSPECTION,
                String.valueOf(inspectionId), 1L, ViolationKind.PERMIT_CONDITION_BREACH, "台账缺失", "inspector1"));
        assertThat(out.opened()).isFalse();
        assertThat(service.visible(reviewer, out.caseId()).getInspectionId()).isEqualTo(inspectionId);
    }

    @Test
    void aBadReferralIsRefusedWithEveryFieldNamedAndOpensNothing() {
        int before = service.list(reviewer).size();
        InvalidInputException e = invalidInput(() -> refer(new EnforcementReferral(CaseSource.REVIEWER, " ", 999999L,
                null, "", null)));
        assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactlyInAnyOrder(
                "sourceType", "sourceReference", "enterpriseId", "violationKind", "facts", "referredBy");
        assertThat(service.list(reviewer)).hasSize(before);
    }
}
