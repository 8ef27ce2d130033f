package org.hmcflow.permit.afterissue;

import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.permit.application.PermitApi.AuditView;
import org.hmcflow.permit.application.PermitApi;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationService;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitHolder;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.user.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 许可证后续管理 API — the permit after issue: its status and history; renewal (延续) filed by the enterprise, accepted
 * and decided by the bureau; changes (变更); ending it (注销 by request, 撤销/吊销 by the bureau) with approval.
 */
@RestController
@RequestMapping("/api/permits/{permitId}")
@Tag(name = "Permit lifecycle 许可证延续、变更、注销",
        description = "Renewal reminders and decision, lapse at expiry, changes, cancellation / revocation / withdrawal")
class PermitLifecycleController {

    private final PermitLifecycleService service;
    private final PermitApplicationService applications;

    PermitLifecycleController(PermitLifecycleService service, PermitApplicationService applications) {
        this.service = service;
        this.applications = applications;
    }

    @GetMapping("/lifecycle")
    @Operation(summary = "The permit's status, holder, validity, renewals, changes, cancellations, open steps and audit trail")
    LifecycleView lifecycle(@PathVariable Long permitId) {
        return LifecycleView.of(service.lifecycle(actor(), permitId));
    }

    @PostMapping("/renewal")
    @Operation(summary = "延续申请 — file the renewal (enterprise); at least 60 days before expiry, later is marked late")
    ResponseEntity<Void> fileRenewal(@PathVariable Long permitId, @Valid @RequestBody RenewalRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_CONTENTS_UNCHANGED, Boolean.TRUE.equals(body.contentsUnchanged()));
        // the codes as the rows the form's dynamic list submits, so the step reads both with one reader
        values.put(F_CHANGED_ITEMS, body.changedItems() == null ? null : FormLists.value(body.changedItems().stream()
                .map(code -> java.util.Collections.singletonMap(C_CHANGED_ITEM, code)).toList()));
        values.put(F_RENEWAL_STATEMENT, body.renewalStatement());
        service.actOnRenewal(actor(), permitId, TASK_FILE_RENEWAL, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/renewal/acceptance")
    @Operation(summary = "受理 — accept the renewal or not (bureau); not acting in time counts as accepted")
    ResponseEntity<Void> acceptRenewal(@PathVariable Long permitId, @Valid @RequestBody RenewalAcceptanceRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_RENEWAL_ACCEPTANCE, body.renewalAcceptance());
        values.put(F_RENEWAL_ACCEPTANCE_COMMENT, body.renewalAcceptanceComment());
        service.actOnRenewal(actor(), permitId, TASK_ACCEPT_RENEWAL, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/renewal/decision")
    @Operation(summary = "延续决定 — approve (five more years from the day after expiry) or refuse (bureau)")
    ResponseEntity<Void> decideRenewal(@PathVariable Long permitId, @Valid @RequestBody RenewalDecisionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_RENEWAL_DECISION, body.renewalDecision());
        values.put(F_RENEWAL_DECISION_COMMENT, body.renewalDecisionComment());
        service.actOnRenewal(actor(), permitId, TASK_DECIDE_RENEWAL, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/changes")
    @Operation(summary = "变更 — file a change of name, address or legal representative (enterprise)")
    ResponseEntity<ChangeView> fileChange(@PathVariable Long permitId, @Valid @RequestBody ChangeBody body) {
        PermitChange change = service.fileChange(actor(), permitId, new PermitLifecycleService.ChangeRequest(
                body.unitName(), body.address(), body.legalRepresentative(), body.effectiveOn(),
                body.otherChangedItems(), body.documentIds(), body.reason()));
        return ResponseEntity.created(URI.create("/api/permits/" + permitId + "/lifecycle")).body(ChangeView.of(change));
    }

    @PostMapping("/changes/{changeId}/decision")
    @Operation(summary = "变更审查 — approve or refuse a change (bureau)")
    ResponseEntity<Void> decideChange(@PathVariable Long permitId, @PathVariable Long changeId,
                                      @Valid @RequestBody ChangeDecisionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_CHANGE_DECISION, body.changeDecision());
        values.put(F_CHANGE_DECISION_COMMENT, body.changeDecisionComment());
        service.actOnChange(actor(), permitId, changeId, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cancellations")
    @Operation(summary = "注销 request (enterprise) or 注销/撤销/吊销 proceeding with ground, fine and hearing notice (bureau)")
    ResponseEntity<CancellationView> requestCancellation(@PathVariable Long permitId,
                                                         @Valid @RequestBody CancellationBody body) {
        PermitCancellation cancellation = service.requestCancellation(actor(), permitId,
                new PermitLifecycleService.CancellationRequest(body.ground(), body.facts(), body.penaltyYuan(),
                        body.hearingNoticeOn()));
        return ResponseEntity.created(URI.create("/api/permits/" + permitId + "/lifecycle"))
                .body(CancellationView.of(cancellation));
    }

    @PostMapping("/cancellations/{cancellationId}/decision")
    @Operation(summary = "审批 — approve or reject ending the permit (supervisor / head)")
    ResponseEntity<Void> decideCancellation(@PathVariable Long permitId, @PathVariable Long cancellationId,
                                            @Valid @RequestBody CancellationDecisionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_CANCELLATION_DECISION, body.cancellationDecision());
        values.put(F_CANCELLATION_COMMENT, body.cancellationComment());
        service.actOnCancellation(actor(), permitId, cancellationId, values);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reapplication")
    @Operation(summary = "重新申请 — the contents of the permit's application as they stand, to edit and file as a "
            + "re-application (holder)")
    PermitApi.ApplicationRequest reapplicationDraft(@PathVariable Long permitId) {
        return PermitApi.ApplicationRequest.of(applications.reapplicationDraft(actor(), permitId));
    }

    @PostMapping("/reapplication")
    @Operation(summary = "重新申请 — a change of an Art 15 item needs a new permit: file a new application replacing this "
            + "permit (holder); the permit is cancelled when the new one is issued")
    ResponseEntity<PermitApi.ApplicationSummary> reapply(@PathVariable Long permitId,
                                                         @Valid @RequestBody ReapplicationBody body) {
        PermitApplication application = applications.reapply(actor(), permitId,
                body.application() == null ? null : body.application().toContents(), body.changedItems(), body.reason());
        return ResponseEntity.created(URI.create("/api/permits/applications/" + application.getId()))
                .body(PermitApi.ApplicationSummary.of(application, applications.clockOf(application)));
    }

    private static Actor actor() {
        return CurrentActor.get();
    }

    // --- bodies and views ------------------------------------------------------------------------------------------

    record RenewalRequest(Boolean contentsUnchanged, @Size(max = 12) List<String> changedItems, String renewalStatement) {
    }

    record RenewalAcceptanceRequest(String renewalAcceptance, String renewalAcceptanceComment) {
    }

    record RenewalDecisionRequest(String renewalDecision, String renewalDecisionComment) {
    }

    record ChangeBody(String unitName, String address, String legalRepresentative, LocalDate effectiveOn,
                      @Size(max = 12) List<String> otherChangedItems, List<Long> documentIds, String reason) {
    }

    /**
     * 重新申请 — the Art 15 items that changed (PermitItem codes) and the new application's contents (start from
     * {@code GET /reapplication}).
     */
    record ReapplicationBody(@Size(max = 12) List<String> changedItems, String reason,
                             @Valid PermitApi.ApplicationRequest application) {
    }

    record ChangeDecisionRequest(String changeDecision, String changeDecisionComment) {
    }

    record CancellationBody(CancellationGround ground, String facts, BigDecimal penaltyYuan, LocalDate hearingNoticeOn) {
    }

    record CancellationDecisionRequest(String cancellationDecision, String cancellationComment) {
    }

    record RenewalView(Long id, String state, LocalDate filedOn, LocalDate filingDue, boolean late,
                       boolean contentsUnchanged, String changedItems, String statement, LocalDate acceptedOn,
                       boolean deemedAccepted, Instant decisionDue, String decision, String decisionComment,
                       String decidedBy, LocalDate oldValidUntil, LocalDate newValidUntil) {
        static RenewalView of(PermitRenewal r) {
            return new RenewalView(r.getId(), r.getState().name(), r.getFiledOn(), r.getFilingDue(), r.isLate(),
                    r.isContentsUnchanged(), r.getChangedItems(), r.getStatement(), r.getAcceptedOn(),
                    r.isDeemedAccepted(), r.getDecisionDue(), r.getDecision(), r.getDecisionComment(), r.getDecidedBy(),
                    r.getOldValidUntil(), r.getNewValidUntil());
        }
    }

    record ChangeView(Long id, String state, LocalDate effectiveOn, LocalDate filedOn, LocalDate filingDue, boolean late,
                      PermitHolder before, PermitHolder requested, String documentIds, String decision,
                      String decisionComment, String decidedBy) {
        static ChangeView of(PermitChange c) {
            return new ChangeView(c.getId(), c.getState().name(), c.getEffectiveOn(), c.getFiledOn(), c.getFilingDue(),
                    c.isLate(), new PermitHolder(c.getOldUnitName(), c.getOldAddress(), c.getOldLegalRepresentative()),
                    new PermitHolder(c.getNewUnitName(), c.getNewAddress(), c.getNewLegalRepresentative()),
                    c.getDocumentIds(), c.getDecision(), c.getDecisionComment(), c.getDecidedBy());
        }
    }

    record CancellationView(Long id, String kind, String ground, String legalBasis, BigDecimal penaltyYuan,
                            LocalDate hearingNoticeOn, String facts, String state, String requestedBy, String decidedBy,
                            String decisionComment, LocalDate publishedOn, LocalDate barredUntil) {
        static CancellationView of(PermitCancellation c) {
            return new CancellationView(c.getId(), c.getKind().name(), c.getGround().name(), c.getLegalBasis(),
                    c.getPenaltyYuan(), c.getHearingNoticeOn(), c.getFacts(), c.getState().name(), c.getRequestedBy(),
                    c.getDecidedBy(), c.getDecisionComment(), c.getPublishedOn(), c.getBarredUntil());
        }
    }

    record TaskView(String key, String name, List<String> candidateGroups, Instant due) {
        static TaskView of(OpenTask t) {
            return new TaskView(t.key(), t.name(), t.candidateGroups(), t.due());
        }
    }

    record LifecycleView(Long permitId, String permitNumber, Long enterpriseId, String status, String statusReason,
                         LocalDate statusOn, LocalDate validFrom, LocalDate validUntil, LocalDate renewalFilingDue,
                         PermitHolder holder, LocalDate barredUntil, String barLegalBasis, List<RenewalView> renewals,
                         List<ChangeView> changes, List<CancellationView> cancellations, List<TaskView> openTasks,
                         List<AuditView> history) {
        static LifecycleView of(PermitLifecycleService.Lifecycle l) {
            Permit p = l.permit();
            return new LifecycleView(p.getId(), p.getPermitNumber(), p.getEnterpriseId(), p.getStatus().name(),
                    p.getStatusReason(), p.getStatusOn(), p.getValidFrom(), p.getValidUntil(), l.filingDue(), l.holder(),
                    l.bar().map(PermitBar::getBarredUntil).orElse(null), l.bar().map(PermitBar::getLegalBasis).orElse(null),
                    l.renewals().stream().map(RenewalView::of).toList(), l.changes().stream().map(ChangeView::of).toList(),
                    l.cancellations().stream().map(CancellationView::of).toList(),
                    l.openTasks().stream().map(TaskView::of).toList(), l.trail().stream().map(AuditView::of).toList());
        }
    }
}
