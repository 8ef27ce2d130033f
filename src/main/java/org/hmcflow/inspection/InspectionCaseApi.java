package org.hmcflow.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.shared.workflow.OpenTask;

/** Request and response bodies of the inspection-lifecycle API (监督检查). Records, never entities. */
final class InspectionCaseApi {

    private InspectionCaseApi() {
    }

    // ---- requests: each step's values, sent to the step as its form would send them ----

    @Schema(description = "专项/举报检查 — an ad hoc inspection of one enterprise by at least two registered inspectors")
    record AdHocRequest(@NotNull Long enterpriseId, List<Long> inspectorIds, String reason, Boolean samplingRequired) {
    }

    @Schema(description = "有目的的检查 — for a case of another lifecycle (origin e.g. RELOCATION, originRef its case id); purpose picks the checklist (e.g. production-stopped)")
    record ForCaseRequest(@NotNull Long enterpriseId, String origin, String originRef, String purpose,
                          List<Long> inspectorIds, String reason, Boolean samplingRequired) {
    }

    @Schema(description = "检查准备 — preparation done; whether the monitoring station samples")
    record PreparationRequest(String preparationNote, Boolean samplingRequired) {
    }

    @Schema(description = "检查表一项 — COMPLIANT, NON_COMPLIANT (note required) or NOT_APPLICABLE")
    record AnswerRequest(String itemCode, String answer, String note) {
    }

    @Schema(description = "现场检查笔录 — every checklist item answered, at least two inspectors present (register ids)")
    record OnSiteRequest(LocalDate inspectedOn, List<Long> presentInspectorIds, List<@Valid AnswerRequest> answers,
                         String recordSummary, @Schema(description = "见证人") String witness) {
    }

    @Schema(description = "笔录确认 — CONFIRM, or DISPUTE with a reason (enterprise)")
    record ConfirmationRequest(String recordConfirmation, String representative, String disputeReason) {
    }

    @Schema(description = "异议复核 — UPHELD, or AMENDED with the amended record (inspectors)")
    record DisputeAnswerRequest(String disputeOutcome, String disputeResponse, String amendedSummary) {
    }

    @Schema(description = "监测结果一项 — value, limit and units as the station reports them; ratio and exceedance are computed")
    record ResultRequest(String pollutant, String point, BigDecimal value, String unit, BigDecimal limit,
                         String limitUnit) {
    }

    @Schema(description = "监督性监测结果 (monitoring station)")
    record MonitoringRequest(String monitoringReportNo, LocalDate sampledOn, List<ResultRequest> results) {
    }

    @Schema(description = "违法行为 chosen from a non-compliant checklist item (exceedances come from the measurements)")
    record ViolationRequest(String itemCode, String kind, String description) {
    }

    @Schema(description = "认定结果 — no problem (both false), a hazard, violations, or both")
    record FindingsRequest(Boolean hazardFound, Boolean violationFound, String findingsComment, String hazardTitle,
                           String hazardLocation, List<ViolationRequest> violations) {
    }

    // ---- responses ----

    record InspectionSummary(Long id, Long enterpriseId, Inspection.Origin origin, Long planId, InspectionState state,
                             RecordStatus recordStatus, String inspectorsGroup, String checklistCode,
                             boolean samplingRequired, LocalDate inspectedOn, String result, Long hazardId,
                             boolean overdue, Instant createdAt, Instant decidedAt, String originType,
                             String originRef) {
        static InspectionSummary of(Inspection i) {
            return new InspectionSummary(i.getId(), i.getEnterpriseId(), i.getOrigin(), i.getPlanId(), i.getState(),
                    i.getRecordStatus(), i.getInspectorsGroup(), i.getChecklistCode(), i.isSamplingRequired(),
                    i.getInspectedOn(), i.result(), i.getHazardId(), i.isOverdue(), i.getCreatedAt(), i.getDecidedAt(),
                    i.getOriginType(), i.getOriginRef());
        }
    }

    record AnswerView(String itemCode, ChecklistAnswer.Answer answer, String note) {
    }

    record MeasurementView(String pollutant, String point, BigDecimal value, String unit, BigDecimal limit,
                           String limitUnit, BigDecimal ratioToLimit, boolean exceeds) {
    }

    record ViolationView(String itemCode, ViolationKind kind, String description) {
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, Instant created, Instant due) {
        static TaskView of(OpenTask t) {
            return new TaskView(t.id(), t.key(), t.name(), t.candidateGroups(), t.created(), t.due());
        }
    }

    record InspectionDetail(InspectionSummary inspection, String reason, List<Long> inspectorIds,
                            String preparationNote, List<Long> presentInspectorIds, String recordSummary,
                            String witness, String representative, String disputeReason, String disputeOutcome,
                            String disputeResponse, String originalSummary, List<AnswerView> answers,
                            String monitoringReportNo, LocalDate sampledOn, List<MeasurementView> measurements,
                            String findingsComment, List<ViolationView> violations,
                            List<InspectionEvidenceSummary> evidence, List<TaskView> openTasks) {
        static InspectionDetail of(Inspection i, List<InspectionEvidenceSummary> evidence, List<OpenTask> tasks) {
            return new InspectionDetail(InspectionSummary.of(i), i.getReason(), i.getInspectorIds(),
                    i.getPreparationNote(), i.getPresentInspectorIds(), i.getRecordSummary(), i.getWitness(),
                    i.getRepresentative(), i.getDisputeReason(), i.getDisputeOutcome(), i.getDisputeResponse(),
                    i.getOriginalSummary(),
                    i.getAnswers().stream().map(a -> new AnswerView(a.getItemCode(), a.getAnswer(), a.getNote())).toList(),
                    i.getMonitoringReportNo(), i.getSampledOn(),
                    i.getMeasurements().stream().map(m -> new MeasurementView(m.getPollutant(), m.getPoint(), m.getValue(),
                            m.getUnit(), m.getLimit(), m.getLimitUnit(), m.getRatioToLimit(), m.isExceeds())).toList(),
                    i.getFindingsComment(),
                    i.getViolations().stream().map(v -> new ViolationView(v.getItemCode(), v.getKind(), v.getDescription())).toList(),
                    evidence, tasks.stream().map(TaskView::of).toList());
        }
    }

    record ChecklistView(String code, String zh, String en, String source, List<InspectionChecklists.Item> items) {
        static ChecklistView of(InspectionChecklists.Checklist c) {
            return new ChecklistView(c.code(), c.zh(), c.en(), c.source(), c.items());
        }
    }

    record InspectorView(Long id, String name, String departmentCode, String certificateNo) {
    }

    record HazardView(Long id, String reference, String state, String grade, String title, LocalDate rectificationDue) {
        static HazardView of(Hazard h) {
            return new HazardView(h.getId(), h.getReference(), h.getState().name(),
                    h.getGrade() == null ? null : h.getGrade().name(), h.getTitle(), h.getRectificationDue());
        }
    }

    record PreparationView(Long inspectionId, Long enterpriseId, String enterpriseName, String industry, String county,
                           ChecklistView checklist, List<PermitService.PermitLimit> permitLimits,
                           List<HazardView> openHazards, List<InspectorView> inspectors, boolean samplingRequired) {
        static PreparationView of(InspectionCaseService.Preparation p) {
            return new PreparationView(p.inspection().getId(), p.enterprise().getId(), p.enterprise().getName(),
                    p.enterprise().getIndustry(), p.enterprise().getCounty(), ChecklistView.of(p.checklist()),
                    p.permitLimits(), p.openHazards().stream().map(HazardView::of).toList(),
                    p.inspectors().stream().map(i -> new InspectorView(i.getId(), i.getName(), i.getDepartmentCode(),
                            i.getCertificateNo())).toList(), p.inspection().isSamplingRequired());
        }
    }

    record AuditView(Long id, String action, String actor, String actorRole, String actorDepartment,
                     Instant occurredAt, String comment, String changes, String hash) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.getId(), e.getAction(), e.getActor(), e.getActorRole(), e.getActorDepartment(),
                    e.getOccurredAt(), e.getComment(), e.getChanges(), e.getHash());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
