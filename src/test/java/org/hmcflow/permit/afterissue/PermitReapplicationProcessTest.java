package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.END_WATCH_ENDED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.permit.application.ApplicationContents;
import org.hmcflow.permit.application.ApplicationState;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitStatus;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;

/**
 * 重新申请 (排污许可管理条例 Art 15): a change of quantities needs a new permit. The holder re-applies from the permit's
 * contents; the new application runs the ordinary process; issuing its permit cancels (注销) the old permit through the
 * ordinary ending (status, cancellation row, audit, publication, end of the renewal watch). From Monday 2 March 2026.
 */
@H2AppTest
class PermitReapplicationProcessTest extends PermitLifecycleTestSupport {

    @Test
    void issuingThePermitOfAReapplicationCancelsThePermitItReplaces() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit old = permit(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31));
        ProcessInstance oldWatch = watch(old);

        ApplicationContents draft = applications.reapplicationDraft(enterprise, old.getId());
        PermitApplication original = applications.details(enterprise, old.getApplicationId()).application();
        assertThat(draft.siteAddress()).isEqualTo(original.getSiteAddress());
        assertThat(draft.outlets()).isEqualTo(original.getOutlets());
        // the enterprise raises one quantity, nothing else retyped
        List<ApplicationContents.Outlet> outlets = new ArrayList<>(draft.outlets());
        ApplicationContents.Outlet first = outlets.get(0);
        ApplicationContents.OutletPollutant p = first.pollutants().get(0);
        List<ApplicationContents.OutletPollutant> pollutants = new ArrayList<>(first.pollutants());
        pollutants.set(0, new ApplicationContents.OutletPollutant(p.pollutant(), p.concentrationLimit(),
                p.annualQuantityKg().add(BigDecimal.ONE), p.emissionStandard(), p.totalQuotaKg().add(BigDecimal.ONE)));
        outlets.set(0, new ApplicationContents.Outlet(first.code(), first.location(), first.destination(), pollutants));
        ApplicationContents edited = new ApplicationContents(draft.uscc(), draft.unitName(), draft.address(),
                draft.legalRepresentative(), draft.siteAddress(), draft.projectType(), draft.processCode(),
                draft.onKeyDischargerList(), draft.heavyMetalEmissionChange(), draft.regionalReduction(),
                draft.offsetAmount(), draft.outputIncrease(), draft.mixingOrAssemblyOnly(), draft.productsAndCapacity(),
                draft.rawMaterials(), draft.eiaApprovalReference(), draft.selfMonitoringPlan(),
                draft.tradeSecretStatement(), draft.facilities(), outlets, draft.documents());

        // a re-application must name an Art 15 item; only the holder re-applies
        assertThatThrownBy(() -> applications.reapply(enterprise, old.getId(), edited, List.of("ADDRESS"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple("changedItems", "hmc.validation.reapplication-not-needed")));
        assertThatThrownBy(() -> applications.reapply(reviewer, old.getId(), edited, List.of("QUANTITIES"), null))
                .isInstanceOf(ForbiddenException.class);

        PermitApplication reapplication = applications.reapply(enterprise, old.getId(), edited, List.of("QUANTITIES"),
                "扩大产能，许可排放量增加");
        assertThat(reapplication.getReplacesPermitId()).isEqualTo(old.getId());
        assertThat(reapplication.getState()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(reapplication.getOutlets().get(0).pollutants().get(0).annualQuantityKg())
                .isEqualByComparingTo(p.annualQuantityKg().add(BigDecimal.ONE));
        assertThatThrownBy(() -> applications.reapply(enterprise, old.getId(), edited, List.of("QUANTITIES"), null))
                .isInstanceOf(ConflictException.class);
        assertThat(reload(old).getStatus()).isEqualTo(PermitStatus.VALID);

        moveTo(2026, 3, 4, 15, 0, 0);
        decideToIssue(reapplication);
        Permit replacement = permits.findByApplicationId(reapplication.getId()).orElseThrow();
        Permit ended = reload(old);
        assertThat(ended.getStatus()).isEqualTo(PermitStatus.CANCELLED);
        assertThat(ended.getStatusReason()).isEqualTo("REPLACED_BY_NEW_PERMIT");
        assertThat(ended.getStatusOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(cancellations.findByPermitIdOrderByIdAsc(old.getId()))
                .extracting(PermitCancellation::getKind, PermitCancellation::getGround, PermitCancellation::getState,
                        PermitCancellation::getDecidedBy, PermitCancellation::getPublishedOn)
                .containsExactly(tuple(CancellationKind.CANCEL, CancellationGround.REPLACED_BY_NEW_PERMIT,
                        PermitCancellation.State.APPROVED, "reviewer", LocalDate.of(2026, 3, 4)));
        assertThat(cancellations.findByPermitIdOrderByIdAsc(old.getId()).get(0).getFacts())
                .isEqualTo("由新许可证 " + replacement.getPermitNumber() + " 取代 / replaced by new permit "
                        + replacement.getPermitNumber());
        assertThat(actions(old)).containsSubsequence("RENEWAL_WATCH_STARTED", "REAPPLICATION_FILED",
                "CANCELLATION_APPROVED", "CANCELLED", "DECISION_PUBLISHED", "RENEWAL_WATCH_ENDED");
        AuditEvent cancelled = auditTrail.trailOf(PermitLifecycleProcess.CASE_TYPE, old.getId()).stream()
                .filter(e -> e.getAction().equals("CANCELLED")).findFirst().orElseThrow();
        assertThat(cancelled.getChanges()).contains("REPLACED_BY_NEW_PERMIT");
        assertThat(oldWatch).hasPassed(END_WATCH_ENDED).isEnded();
        assertThat(replacement.getStatus()).isEqualTo(PermitStatus.VALID);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PermitLifecycleProcess.RENEWAL_KEY)
                .processInstanceBusinessKey(String.valueOf(replacement.getId())).count()).as("the new permit is watched")
                .isEqualTo(1);
    }
}
