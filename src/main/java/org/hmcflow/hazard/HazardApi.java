package org.hmcflow.hazard;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.shared.workflow.OpenTask;

/** Request and response bodies of the hazard API. Records, never entities. */
final class HazardApi {

    private HazardApi() {
    }

    @Schema(description = "A hazard report (隐患报告)")
    record ReportRequest(
            @Schema(description = "The enterprise; required for bureau staff, implied for an enterprise user") Long enterpriseId,
            @Schema(description = "SELF_INSPECTION for enterprises; BUREAU_INSPECTION or PUBLIC_COMPLAINT for bureau staff") HazardSource source,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String description,
            @NotBlank @Size(max = 300) String location,
            @NotNull @Size(min = 1, max = 14) List<@NotBlank String> pollutants) {
    }

    // Step requests: field names are the process's form variables, so an error names the same field whether the
    // step was done through this API or a Camunda form.

    record TriageRequest(
            @NotNull @Pattern(regexp = "DISMISS|FIXED_ON_SPOT|GENERAL|MAJOR") String triageDecision,
            @Size(max = 40) String responsibleGroup,
            @Min(1) @Max(365) Integer rectificationWorkingDays,
            @NotBlank @Size(max = 2000) String triageComment) {
    }

    record PlanRequest(@NotBlank @Size(max = 2000) String planTargets, @NotBlank @Size(max = 4000) String planMeasures,
                       @Schema(description = "整改资金, 万元 (CNY 10,000)") @NotNull @PositiveOrZero BigDecimal planFunds,
                       @NotBlank @Size(max = 100) String planResponsiblePerson,
                       @NotBlank @Size(max = 2000) String planInterimMeasures) {
    }

    record PlanReviewRequest(@NotNull @Pattern(regexp = "APPROVE|RETURN") String planDecision,
                             @NotBlank @Size(max = 2000) String reviewComment) {
    }

    record RectificationRequest(@NotBlank @Size(max = 4000) String rectificationSummary) {
    }

    /** The experts as rows; each row is checked by the step, as the form's rows are ({@code experts[1].name}). */
    record ExpertOpinionRequest(@Size(max = 10) List<Expert> experts,
                                @NotBlank @Size(max = 4000) String expertOpinion) {
    }

    /** 评估专家 — one expert who signed the opinion. */
    record Expert(String name, String organisation) {
    }

    record VerificationRequest(@NotNull @Pattern(regexp = "PASS|FAIL") String verificationResult,
                               @NotBlank @Size(max = 2000) String verificationComment,
                               @Min(1) @Max(365) Integer nextRectificationWorkingDays) {
    }

    record SupervisionRequest(@NotNull @Pattern(regexp = "LIFT|CONTINUE") String supervisionDecision,
                              @NotBlank @Size(max = 2000) String supervisionComment,
                              @Min(1) @Max(365) Integer nextRectificationWorkingDays) {
    }

    record RecheckRequest(@NotNull @Pattern(regexp = "CONFIRMED|REOPEN") String recheckResult,
                          @NotBlank @Size(max = 2000) String recheckComment,
                          @Min(1) @Max(365) Integer nextRectificationWorkingDays) {
    }

    record HazardSummary(Long id, String reference, Long enterpriseId, HazardSource source, HazardGrade grade,
                         HazardState state, String title, String responsibleDepartment, LocalDate rectificationDue,
                         int roundNo, boolean supervised, boolean overdue, Instant reportedAt, Instant closedAt) {
        static HazardSummary of(Hazard h) {
            return new HazardSummary(h.getId(), h.getReference(), h.getEnterpriseId(), h.getSource(), h.getGrade(),
                    h.getState(), h.getTitle(), h.getResponsibleDepartment(), h.getRectificationDue(), h.getRoundNo(),
                    h.isSupervised(), h.isOverdue(), h.getReportedAt(), h.getClosedAt());
        }
    }

    record RoundView(int roundNo, LocalDate dueDate, String planTargets, String planMeasures, BigDecimal planFunds,
                     String planResponsiblePerson, String planInterimMeasures, Boolean planApproved,
                     String reportSummary, Instant reportedAt, String expertNames, String expertOpinion,
                     Boolean verificationPassed, String verificationComment, String verifiedBy, Instant verifiedAt) {
        static RoundView of(RectificationRound r) {
            return new RoundView(r.getRoundNo(), r.getDueDate(), r.getPlanTargets(), r.getPlanMeasures(),
                    r.getPlanFunds(), r.getPlanResponsiblePerson(), r.getPlanInterimMeasures(), r.getPlanApproved(),
                    r.getReportSummary(), r.getReportedAt(), r.getExpertNames(), r.getExpertOpinion(),
                    r.getVerificationPassed(), r.getVerificationComment(), r.getVerifiedBy(), r.getVerifiedAt());
        }
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, Instant created, Instant due) {
        static TaskView of(OpenTask t) {
            return new TaskView(t.id(), t.key(), t.name(), t.candidateGroups(), t.created(), t.due());
        }
    }

    record HazardDetail(HazardSummary hazard, String description, String location, List<String> pollutants,
                        String reportedBy, Long originInspectionId, List<RoundView> rounds, List<EvidenceSummary> evidence,
                        List<TaskView> openTasks) {
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
