package org.hmcflow.permit.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.calendar.DayUnit;
import org.hmcflow.calendar.StatutoryClock;
import org.hmcflow.enterprise.ValidUscc;
import org.hmcflow.permit.application.ApplicationContents.Document;
import org.hmcflow.permit.application.ApplicationContents.Facility;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.permit.application.ApplicationContents.OutletPollutant;
import org.hmcflow.shared.workflow.OpenTask;

/** Request and response bodies of the permit application API. Records, never entities. */
public final class PermitApi {

    private static final String NOT_NEGATIVE = "{hmc.validation.not-negative}";

    private PermitApi() {
    }

    @Schema(description = "排污许可申请 — the contents of 排污许可管理条例 Art 7 for one site. Heavy metals only: amounts in kg/a, "
            + "concentrations in mg/m³ (DA waste-gas outlets) or mg/L (DW wastewater outlets).")
    public record ApplicationRequest(
            @Schema(description = "统一社会信用代码 — your own enterprise's") @NotBlank @ValidUscc String uscc,
            @NotBlank @Size(max = 200) String unitName,
            @NotBlank @Size(max = 300) String address,
            @NotBlank @Size(max = 100) String legalRepresentative,
            @Schema(description = "生产经营场所 — the site the permit is for") @NotBlank @Size(max = 300) String siteAddress,
            @Schema(description = "建设性质") @NotNull ProjectType projectType,
            @Schema(description = "Restricted process or product code of permit-admission.dmn, if any") @Size(max = 60) String processCode,
            @Schema(description = "On the city's 重点排污单位名录") Boolean onKeyDischargerList,
            @Schema(description = "新增重金属排放量 kg/a (≤ 0: none)") BigDecimal heavyMetalEmissionChange,
            @Schema(description = "区域削减量 kg/a") @PositiveOrZero(message = NOT_NEGATIVE) BigDecimal regionalReduction,
            @Schema(description = "总量替代量 kg/a") @PositiveOrZero(message = NOT_NEGATIVE) BigDecimal offsetAmount,
            Boolean outputIncrease,
            @Schema(description = "单纯混合、分装或组装") Boolean mixingOrAssemblyOnly,
            @NotBlank @Size(max = 2000) String productsAndCapacity,
            @NotBlank @Size(max = 2000) String rawMaterials,
            @Schema(description = "环评批复（备案）文号") @NotBlank @Size(max = 100) String eiaApprovalReference,
            @Schema(description = "自行监测方案") @NotBlank @Size(max = 4000) String selfMonitoringPlan,
            @Size(max = 2000) String tradeSecretStatement,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid FacilityRequest> facilities,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid OutletRequest> outlets,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid DocumentRequest> documents) {

        /** The request that would file these contents as they are (the starting point of a re-application). */
        public static ApplicationRequest of(ApplicationContents c) {
            return new ApplicationRequest(c.uscc(), c.unitName(), c.address(), c.legalRepresentative(), c.siteAddress(),
                    c.projectType(), c.processCode(), c.onKeyDischargerList(), c.heavyMetalEmissionChange(),
                    c.regionalReduction(), c.offsetAmount(), c.outputIncrease(), c.mixingOrAssemblyOnly(),
                    c.productsAndCapacity(), c.rawMaterials(), c.eiaApprovalReference(), c.selfMonitoringPlan(),
                    c.tradeSecretStatement(),
                    c.facilities().stream().map(f -> new FacilityRequest(f.kind(), f.name(), f.parameters())).toList(),
                    c.outlets().stream().map(o -> new OutletRequest(o.code(), o.location(), o.destination(),
                            o.pollutants().stream().map(p -> new OutletPollutantRequest(p.pollutant(),
                                    p.concentrationLimit(), p.annualQuantityKg(), p.emissionStandard(), p.totalQuotaKg()))
                                    .toList())).toList(),
                    c.documents().stream().map(d -> new DocumentRequest(d.kind(), d.title(), d.reference())).toList());
        }

        public ApplicationContents toContents() {
            return new ApplicationContents(uscc, unitName, address, legalRepresentative, siteAddress, projectType,
                    processCode, onKeyDischargerList, heavyMetalEmissionChange, regionalReduction, offsetAmount,
                    outputIncrease, mixingOrAssemblyOnly, productsAndCapacity, rawMaterials, eiaApprovalReference,
                    selfMonitoringPlan, tradeSecretStatement,
                    facilities.stream().map(f -> new Facility(f.kind(), f.name(), f.parameters())).toList(),
                    outlets.stream().map(o -> new Outlet(o.code(), o.location(), o.destination(), o.pollutants().stream()
                            .map(p -> new OutletPollutant(p.pollutant(), p.concentrationLimit(), p.annualQuantityKg(),
                                    p.emissionStandard(), p.totalQuotaKg())).toList())).toList(),
                    documents.stream().map(d -> new Document(d.kind(), d.title(), d.reference())).toList());
        }
    }

    record FacilityRequest(@NotNull FacilityKind kind, @NotBlank @Size(max = 200) String name,
                           @Schema(description = "Capacity, treatment process, design parameters") @NotBlank @Size(max = 1000) String parameters) {
    }

    @Schema(description = "排放口 — DA### (waste gas) or DW### (wastewater), HJ 608-2017")
    record OutletRequest(
            @NotBlank @Pattern(regexp = "D[AW]\\d{3}", message = "{hmc.validation.outlet-code}") String code,
            @NotBlank @Size(max = 300) String location,
            @Schema(description = "排放去向") @NotBlank @Size(max = 300) String destination,
            @NotNull @Size(min = 1, max = 14) List<@NotNull @Valid OutletPollutantRequest> pollutants) {
    }

    record OutletPollutantRequest(
            @Schema(description = "Element symbol: Pb, Hg, Cd, Cr, As, Tl, Sb, Ni, Cu, Zn, Ag, V, Mn, Co") @NotBlank @HeavyMetal String pollutant,
            @Schema(description = "许可排放浓度, mg/m³ or mg/L") @NotNull @PositiveOrZero(message = NOT_NEGATIVE) BigDecimal concentrationLimit,
            @Schema(description = "许可排放量, kg/a") @NotNull @PositiveOrZero(message = NOT_NEGATIVE) BigDecimal annualQuantityKg,
            @Schema(description = "执行标准") @NotBlank @Size(max = 200) String emissionStandard,
            @Schema(description = "总量控制指标, kg/a") @NotNull @PositiveOrZero(message = NOT_NEGATIVE) BigDecimal totalQuotaKg) {
    }

    record DocumentRequest(@NotNull DocumentKind kind, @NotBlank @Size(max = 200) String title,
                           @Size(max = 100) String reference) {
    }

    @Schema(description = "补正 — the corrected application with a statement of what was corrected")
    record CorrectionRequest(@NotBlank @Size(max = 2000) String correctionStatement,
                             @NotNull @Valid ApplicationRequest application) {
    }

    // Step requests: field names are the process's form variables, so an error names the same field whether the
    // step was done through this API or a Camunda form.

    record AcceptanceRequest(
            @NotNull @Pattern(regexp = "ACCEPT|RETURN|REFUSE") String acceptanceDecision,
            @Schema(description = "RETURN: everything missing, one item each (Art 9: one notice)")
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> missingItems,
            @Schema(description = "REFUSE: the reason") @Size(max = 2000) String notAcceptedReason,
            @Size(max = 2000) String acceptanceComment) {
    }

    record TechnicalReviewRequest(
            @NotNull @Pattern(regexp = "PROCEED|REQUEST_CORRECTION") String reviewOutcome,
            @Schema(description = "PROCEED: KEY (重点) or SIMPLIFIED (简化)") @Pattern(regexp = "KEY|SIMPLIFIED") String managementCategory,
            @Schema(description = "PROCEED: the site is inspected (重点: 45 days instead of 30)") Boolean siteInspectionRequired,
            @Schema(description = "PROCEED: department codes for the joint review, e.g. city-eit") @Size(max = 10)
            List<@NotBlank @Size(max = 40) String> jointDepartments,
            @Schema(description = "REQUEST_CORRECTION: what is missing, one item each; stops the statutory clock")
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> reviewCorrectionItems,
            @NotBlank @Size(max = 2000) String reviewComment) {
    }

    record JointOpinionRequest(@NotNull @Pattern(regexp = "AGREE|AGREE_WITH_CONDITIONS|DISAGREE") String jointOpinion,
                               @NotBlank @Size(max = 2000) String jointComment) {
    }

    record SiteInspectionRequest(@NotNull LocalDate inspectionDate,
                                 @NotNull @Pattern(regexp = "CONFORMS|NON_CONFORMING") String inspectionResult,
                                 @NotBlank @Size(max = 4000) String inspectionFindings) {
    }

    record DecisionRequest(@NotNull @Pattern(regexp = "ISSUE|REFUSE") String decision,
                           @Schema(description = "The decision text; for a refusal, its reasons (Art 12)")
                           @NotBlank @Size(max = 4000) String decisionComment) {
    }

    record PauseRequest(@Schema(description = "EXPERT_REVIEW or HEARING (行政许可法 Art 45)") @NotNull PauseReason reason,
                        @NotBlank @Size(max = 2000) String note) {
    }

    record ResumeRequest(@Size(max = 2000) String note) {
    }

    // --- responses ---------------------------------------------------------------------------------------------------

    @Schema(description = "An application as listed, with its statutory clock today")
    public record ApplicationSummary(Long id, String reference, Long enterpriseId, String unitName, String siteAddress,
                              ApplicationState state, ManagementCategory managementCategory, LocalDate receivedOn,
                              LocalDate acceptedOn, boolean deemedAccepted, boolean statutoryOverdue,
                              @Schema(description = "Statutory days left; null before acceptance") Integer remainingDays,
                              boolean clockStopped, LocalDate decisionDue, Instant filedAt,
                              @Schema(description = "重新申请: the permit this application replaces") Long replacesPermitId) {
        public static ApplicationSummary of(PermitApplication a, Optional<StatutoryClock> clock) {
            return new ApplicationSummary(a.getId(), a.getReference(), a.getEnterpriseId(), a.getUnitName(),
                    a.getSiteAddress(), a.getState(), a.getManagementCategory(), a.getReceivedOn(), a.getAcceptedOn(),
                    a.isDeemedAccepted(), a.isStatutoryOverdue(), clock.map(StatutoryClock::remainingDays).orElse(null),
                    clock.map(StatutoryClock::suspended).orElse(false), clock.map(StatutoryClock::dueDay).orElse(null),
                    a.getFiledAt(), a.getReplacesPermitId());
        }
    }

    record ContentsView(String uscc, String unitName, String address, String legalRepresentative, String siteAddress,
                        String industry, boolean inKeyControlArea, boolean onKeyDischargerList, ProjectType projectType,
                        String processCode, BigDecimal heavyMetalEmissionChange, BigDecimal regionalReduction,
                        BigDecimal offsetAmount, boolean outputIncrease, boolean mixingOrAssemblyOnly,
                        String productsAndCapacity, String rawMaterials, String eiaApprovalReference,
                        String selfMonitoringPlan, String tradeSecretStatement, List<Facility> facilities,
                        List<Outlet> outlets, List<Document> documents) {
        static ContentsView of(PermitApplication a) {
            return new ContentsView(a.getUscc(), a.getUnitName(), a.getAddress(), a.getLegalRepresentative(),
                    a.getSiteAddress(), a.getIndustry(), a.isInKeyControlArea(), a.isOnKeyDischargerList(),
                    a.getProjectType(), a.getProcessCode(), a.getEmissionChangeKg(), a.getRegionalReductionKg(),
                    a.getOffsetKg(), a.isOutputIncrease(), a.isMixingOrAssemblyOnly(), a.getProductsAndCapacity(),
                    a.getRawMaterials(), a.getEiaApprovalReference(), a.getSelfMonitoringPlan(),
                    a.getTradeSecretStatement(), a.getFacilities(), a.getOutlets(), a.getDocuments());
        }
    }

    record AcceptanceView(LocalDate receivedOn, Instant acceptanceDue, int returns, LocalDate acceptedOn,
                          boolean deemedAccepted, String notAcceptedReason) {
    }

    @Schema(description = "准入审查 — the admission verdict and the management category, each with the rule that fired")
    record AdmissionView(Verdict verdict, String ruleCode, String grounds, ManagementCategory proposedCategory,
                         String categoryRuleCode, String categoryGrounds) {
    }

    record ReviewView(ManagementCategory managementCategory, boolean siteInspectionRequired, String reviewComment,
                      LocalDate inspectionDate, String inspectionResult, String inspectionFindings, String decision,
                      String decisionComment, String decidedBy, Instant decidedAt) {
    }

    record PauseView(Long id, PauseReason reason, String legalBasis, LocalDate startedOn, LocalDate endedOn,
                     String note, String startedBy, String endedBy) {
        static PauseView of(ClockPause p) {
            return new PauseView(p.getId(), p.getReason(), p.getReason().legalBasis(), p.getStartedOn(), p.getEndedOn(),
                    p.getNote(), p.getStartedBy(), p.getEndedBy());
        }
    }

    @Schema(description = "法定时限台账 — the statutory decision clock today and every stop with its legal reason")
    record ClockView(String rule, Integer limit, DayUnit unit, LocalDate startedOn, Integer usedDays,
                     Integer remainingDays, boolean stopped, Integer stoppedDays, LocalDate dueDay, Instant due,
                     boolean overdue, List<PauseView> pauses) {
        static ClockView of(Optional<StatutoryClock> clock, boolean overdue, List<ClockPause> pauses) {
            List<PauseView> ledger = pauses.stream().map(PauseView::of).toList();
            return clock.map(c -> new ClockView(c.rule(), c.limit(), c.unit(), c.startedOn(), c.usedDays(),
                            c.remainingDays(), c.suspended(), c.suspendedDays(), c.dueDay(), c.due(), overdue, ledger))
                    .orElse(new ClockView(null, null, null, null, null, null, false, null, null, null, overdue, ledger));
        }
    }

    record CorrectionView(Long id, CorrectionStage stage, List<String> items, LocalDate notifiedOn, String notifiedBy,
                          LocalDate resubmittedOn, String statement) {
        static CorrectionView of(CorrectionNotice n) {
            return new CorrectionView(n.getId(), n.getStage(), n.getItems(), n.getNotifiedOn(), n.getNotifiedBy(),
                    n.getResubmittedOn(), n.getStatement());
        }
    }

    record JointReviewView(String department, LocalDate requestedOn, Instant due, JointOpinion opinion, String comment,
                           String givenBy, Instant givenAt, boolean late) {
        static JointReviewView of(JointReview r) {
            return new JointReviewView(r.getDepartmentCode(), r.getRequestedOn(), r.getDueAt(), r.getOpinion(),
                    r.getComment(), r.getGivenBy(), r.getGivenAt(), r.isLate());
        }
    }

    public record ReportView(ReportKind kind, String period, LocalDate periodStart, LocalDate periodEnd,
                             LocalDate dueOn) {
    }

    /** The permit issued on the application; the issued permit makes it ({@link IssuedPermits#ofApplication}). */
    @Schema(description = "排污许可证 — number (USCC + site number + P), validity and the execution-report schedule")
    public record PermitView(String permitNumber, int siteNumber, ManagementCategory managementCategory,
                             LocalDate validFrom, LocalDate validUntil, Instant issuedAt,
                             List<ReportView> executionReports) {
    }

    public record TaskView(String id, String key, String name, List<String> candidateGroups, Instant created,
                           Instant due) {
        public static TaskView of(OpenTask t) {
            return new TaskView(t.id(), t.key(), t.name(), t.candidateGroups(), t.created(), t.due());
        }
    }

    record ApplicationDetail(ApplicationSummary application, ContentsView contents, AcceptanceView acceptance,
                             AdmissionView admission, ReviewView review, ClockView clock,
                             List<CorrectionView> corrections, List<JointReviewView> jointReviews, PermitView permit,
                             List<TaskView> openTasks) {
        static ApplicationDetail of(PermitApplicationService.Details d) {
            PermitApplication a = d.application();
            return new ApplicationDetail(ApplicationSummary.of(a, d.clock()), ContentsView.of(a),
                    new AcceptanceView(a.getReceivedOn(), a.getAcceptanceDue(), a.getAcceptanceReturns(),
                            a.getAcceptedOn(), a.isDeemedAccepted(), a.getNotAcceptedReason()),
                    a.getAdmissionVerdict() == null ? null : new AdmissionView(a.getAdmissionVerdict(),
                            a.getAdmissionRuleCode(), a.getAdmissionGrounds(), a.getProposedCategory(),
                            a.getProposedCategoryRuleCode(), a.getProposedCategoryGrounds()),
                    new ReviewView(a.getManagementCategory(), a.isSiteInspectionRequired(), a.getReviewComment(),
                            a.getInspectionDate(), a.getInspectionResult(), a.getInspectionFindings(), a.getDecision(),
                            a.getDecisionComment(), a.getDecidedBy(), a.getDecidedAt()),
                    ClockView.of(d.clock(), a.isStatutoryOverdue(), d.pauses()),
                    d.corrections().stream().map(CorrectionView::of).toList(),
                    d.jointReviews().stream().map(JointReviewView::of).toList(),
                    d.permit().orElse(null),
                    d.openTasks().stream().map(TaskView::of).toList());
        }
    }

    public record AuditView(Long id, String action, String actor, String actorRole, String actorDepartment,
                     Instant occurredAt, String comment, String changes, String hash) {
        public static AuditView of(AuditEvent e) {
            return new AuditView(e.getId(), e.getAction(), e.getActor(), e.getActorRole(), e.getActorDepartment(),
                    e.getOccurredAt(), e.getComment(), e.getChanges(), e.getHash());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
