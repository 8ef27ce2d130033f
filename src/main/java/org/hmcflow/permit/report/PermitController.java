package org.hmcflow.permit.report;

import static org.hmcflow.permit.report.ExecutionReportProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.permit.application.ManagementCategory;
import org.hmcflow.permit.application.PermitApi.AuditView;
import org.hmcflow.permit.application.PermitApi.TaskView;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.ReportKind;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitHolder;
import org.hmcflow.permit.issued.PermitRecordEntry;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.permit.issued.PermitStatus;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.workflow.FormLists;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 排污许可证 API: the issued permits as JSON (holder and bureau), their execution reports (执行报告, 排污许可管理条例
 * Art 22) filed by the holder and reviewed by the bureau, and each permit's record (许可证记录).
 */
@RestController
@RequestMapping("/api/permits")
@Tag(name = "Permits 排污许可证", description = "Issued permits, execution reports (Art 22) and the permit's record")
class PermitController {

    private final PermitService service;
    private final ExecutionReportService reports;

    PermitController(PermitService service, ExecutionReportService reports) {
        this.service = service;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Permits I may see: my enterprise's, or all for the bureau")
    List<PermitSummary> list() {
        return service.list(CurrentActor.get()).stream().map(PermitSummary::of).toList();
    }

    @GetMapping("/{id:\\d+}")
    @Operation(summary = "A permit: holder, validity, outlets and pollutants, execution reports, record")
    PermitDetail read(@PathVariable Long id) {
        return detail(service.details(CurrentActor.get(), id));
    }

    @GetMapping("/by-number/{permitNumber}")
    @Operation(summary = "A permit by its number (USCC + site + P)")
    PermitDetail byNumber(@PathVariable String permitNumber) {
        return detail(service.byNumber(CurrentActor.get(), permitNumber));
    }

    @GetMapping("/{id:\\d+}/audit")
    @Operation(summary = "The audit trail of a permit (scheduling, record entries)")
    List<AuditView> audit(@PathVariable Long id) {
        return service.trail(CurrentActor.get(), id).stream().map(AuditView::of).toList();
    }

    @GetMapping("/{id:\\d+}/execution-reports/{period}/audit")
    @Operation(summary = "The audit trail of one execution report")
    List<AuditView> reportAudit(@PathVariable Long id, @PathVariable String period) {
        return reports.reportTrail(CurrentActor.get(), id, period).stream().map(AuditView::of).toList();
    }

    @PostMapping("/{id:\\d+}/execution-reports/{period}")
    @Operation(summary = "执行报告 — file (or refile after a return) the report of a period that has ended (holder)")
    ResponseEntity<Void> file(@PathVariable Long id, @PathVariable String period,
                              @Valid @RequestBody ExecutionReportRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        // the rows the form's dynamic list submits, so the step reads API and Tasklist with one reader
        values.put(F_ACTUAL_EMISSIONS, body.actualEmissions() == null ? null : FormLists.value(body.actualEmissions()
                .stream().map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(C_POLLUTANT, e.pollutant());
                    row.put(C_ACTUAL_KG, e.actualKg() == null ? null : e.actualKg().toPlainString());
                    return row;
                }).toList()));
        values.put(F_EXCEEDANCES, body.exceedances());
        values.put(F_ABNORMAL_OPERATION, body.abnormalOperation());
        values.put(F_MONITORING_COMPLETENESS, body.monitoringCompleteness() == null ? null
                : body.monitoringCompleteness().toPlainString());
        reports.fileReport(CurrentActor.get(), id, period, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id:\\d+}/execution-reports/{period}/review")
    @Operation(summary = "审核执行报告 — accept or return a filed report (bureau)")
    ResponseEntity<Void> review(@PathVariable Long id, @PathVariable String period,
                                @Valid @RequestBody ReportReviewRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_REPORT_REVIEW, body.reportReview());
        values.put(F_REPORT_REVIEW_COMMENT, body.reportReviewComment());
        reports.reviewReport(CurrentActor.get(), id, period, values);
        return ResponseEntity.noContent().build();
    }

    private PermitDetail detail(PermitService.Details d) {
        return PermitDetail.of(d, reports.of(d.permit()).stream()
                .map(r -> ExecutionReportView.of(r, reports.openTasks(r))).toList());
    }

    // --- bodies ------------------------------------------------------------------------------------------------------

    @Schema(description = "执行报告 — the contents of an execution report")
    record ExecutionReportRequest(
            @Schema(description = "实际排放量 — every pollutant of the permit, kg over the period")
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid EmissionRequest> actualEmissions,
            @Schema(description = "超标排放情况 (无 if none)") @NotBlank @Size(max = 4000) String exceedances,
            @Schema(description = "污染防治设施异常运转情况 (无 if none)") @NotBlank @Size(max = 4000) String abnormalOperation,
            @Schema(description = "自行监测完成率 % (0–100)") @NotNull BigDecimal monitoringCompleteness) {
    }

    record EmissionRequest(@NotBlank @Size(max = 2) String pollutant, @NotNull BigDecimal actualKg) {
    }

    record ReportReviewRequest(@Schema(description = "ACCEPT or RETURN") @NotBlank String reportReview,
                               @NotBlank @Size(max = 2000) String reportReviewComment) {
    }

    record PermitSummary(Long id, String permitNumber, String unitName, String uscc, ManagementCategory managementCategory,
                         LocalDate validFrom, LocalDate validUntil, PermitStatus status, Instant issuedAt) {
        static PermitSummary of(PermitService.Details d) {
            Permit p = d.permit();
            return new PermitSummary(p.getId(), p.getPermitNumber(), PermitHolder.of(p, d.application()).unitName(),
                    d.application().getUscc(), p.getManagementCategory(), p.getValidFrom(), p.getValidUntil(),
                    p.getStatus(), p.getIssuedAt());
        }
    }

    record OutletView(String code, String location, String destination, List<PollutantView> pollutants) {
    }

    record PollutantView(String pollutant, BigDecimal concentrationLimit, BigDecimal annualQuantityKg,
                         String emissionStandard, BigDecimal totalQuotaKg) {
    }

    record EmissionView(String pollutant, BigDecimal actualKg) {
    }

    record ExecutionReportView(Long id, ReportKind kind, String period, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
                               ExecutionReport.State state, boolean overdue, boolean late, Integer daysLate,
                               Instant filedAt, String filedBy, List<EmissionView> actualEmissions, String exceedances,
                               String abnormalOperation, BigDecimal monitoringCompleteness, int returns,
                               String reviewComment, String reviewedBy, Instant reviewedAt, List<TaskView> openTasks) {
        static ExecutionReportView of(ExecutionReport r, List<org.hmcflow.shared.workflow.OpenTask> tasks) {
            return new ExecutionReportView(r.getId(), r.getKind(), r.getPeriod(), r.getPeriodStart(), r.getPeriodEnd(), r.getDueOn(),
                    r.getState(), r.isOverdue(), r.isLate(), r.getDaysLate(), r.getFiledAt(), r.getFiledBy(),
                    r.getEmissions().stream().map(e -> new EmissionView(e.getPollutant(), e.getActualKg())).toList(),
                    r.getExceedances(), r.getAbnormalOperation(), r.getMonitoringCompleteness(), r.getReturns(),
                    r.getReviewComment(), r.getReviewedBy(), r.getReviewedAt(), tasks.stream().map(TaskView::of).toList());
        }
    }

    record RecordEntryView(Long id, PermitRecordEntry.Kind kind, Instant occurredAt, String actor, String reference,
                           String violationKind, String summary) {
        static RecordEntryView of(PermitRecordEntry e) {
            return new RecordEntryView(e.getId(), e.getKind(), e.getOccurredAt(), e.getActor(), e.getReference(),
                    e.getViolationKind(), e.getSummary());
        }
    }

    record PermitDetail(Long id, String permitNumber, int siteNumber, Long applicationId, Long enterpriseId,
                        String unitName, String uscc, String address, String legalRepresentative, String siteAddress,
                        ManagementCategory managementCategory, LocalDate validFrom, LocalDate validUntil,
                        PermitStatus status, String statusReason, LocalDate statusOn,
                        String issuedBy, Instant issuedAt, List<OutletView> outlets,
                        List<ExecutionReportView> executionReports, List<RecordEntryView> record) {
        static PermitDetail of(PermitService.Details d, List<ExecutionReportView> reports) {
            Permit p = d.permit();
            PermitApplication a = d.application();
            PermitHolder h = PermitHolder.of(p, a);
            return new PermitDetail(p.getId(), p.getPermitNumber(), p.getSiteNumber(), p.getApplicationId(),
                    p.getEnterpriseId(), h.unitName(), a.getUscc(), h.address(), h.legalRepresentative(),
                    a.getSiteAddress(), p.getManagementCategory(), p.getValidFrom(), p.getValidUntil(),
                    p.getStatus(), p.getStatusReason(), p.getStatusOn(), p.getIssuedBy(),
                    p.getIssuedAt(), a.getOutlets().stream().map(o -> new OutletView(o.code(), o.location(),
                    o.destination(), o.pollutants().stream().map(x -> new PollutantView(x.pollutant(),
                    x.concentrationLimit(), x.annualQuantityKg(), x.emissionStandard(), x.totalQuotaKg())).toList())).toList(),
                    reports, d.record().stream().map(RecordEntryView::of).toList());
        }
    }
}
