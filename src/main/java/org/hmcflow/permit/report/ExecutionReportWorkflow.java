package org.hmcflow.permit.report;

import static org.hmcflow.permit.report.ExecutionReportProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.permit.application.PermitApplicationRepository;
import org.hmcflow.permit.application.PermitApplicationWorkflow;
import org.hmcflow.permit.application.PermitProperties;
import org.hmcflow.permit.issued.ExecutionReportSchedule;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitEnded;
import org.hmcflow.permit.issued.PermitIssued;
import org.hmcflow.permit.issued.PermitRecordEntry;
import org.hmcflow.permit.issued.PermitRecords;
import org.hmcflow.permit.issued.PermitRenewed;
import org.hmcflow.permit.issued.PermitRepository;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code permit-execution-report} (执行报告, 排污许可管理条例 Art 22) does to a report: scheduling
 * every report of a permit when it is issued, opening it after its period, checking and recording a filing (late by
 * the days after its due day), the bureau's review, and what the shared deadline mechanism did. Called from the task
 * listeners and delegates, so Tasklist and our API follow the same rules.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ExecutionReportWorkflow {

    /** At most this many emission rows (the permit's pollutants are far fewer). */
    private static final int MAX_EMISSION_ROWS = 20;

    private final ExecutionReportRepository reports;
    private final PermitRepository permits;
    private final PermitApplicationRepository applications;
    private final PermitRecords records;
    private final EnterpriseService enterprises;
    private final Workflow workflow;
    private final DeadlineService deadlines;
    private final WorkingDayCalendar calendar;
    private final PermitProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    ExecutionReportWorkflow(ExecutionReportRepository reports, PermitRepository permits,
                            PermitApplicationRepository applications, PermitRecords records,
                            EnterpriseService enterprises, Workflow workflow, DeadlineService deadlines,
                            WorkingDayCalendar calendar, PermitProperties properties, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.permits = permits;
        this.applications = applications;
        this.records = records;
        this.enterprises = enterprises;
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * 核发 — a permit was issued: its record starts, and each report of its schedule gets its row and its process,
     * which waits for the end of the report's period. Runs in the transaction that issues the permit.
     */
    @EventListener
    @Order(PermitIssued.RECORD_AND_REPORTS)
    void on(PermitIssued event) {
        Permit permit = permits.findById(event.permitId()).orElseThrow();
        records.write(permit.getId(), PermitRecordEntry.Kind.ISSUED, permit.getIssuedAt(), permit.getIssuedBy(),
                permit.getPermitNumber(), null, "核发排污许可证 " + permit.getPermitNumber() + "，有效期 "
                        + permit.getValidFrom() + " 至 " + permit.getValidUntil() + " / Permit issued",
                "issued:" + permit.getId());
        start(permit, permit.getReports());
        audit.record(PermitService.CASE_TYPE, permit.getId(), "EXECUTION_REPORTS_SCHEDULED", AuditTrail.SYSTEM, null,
                Map.of("reports", permit.getReports().size()));
    }

    /**
     * 延续 — a renewal extended the permit: the reports of the periods after the old last valid day join its schedule
     * (computed over the whole, now continuous validity, so a period straddling the old expiry is judged on all the
     * days it is now held) and each new one gets its row and process. A period already scheduled is not scheduled
     * again; the old period's reports are left as they are. Runs in the transaction that approves the renewal.
     */
    @EventListener
    void on(PermitRenewed event) {
        Permit permit = permits.findById(event.permitId()).orElseThrow();
        List<Permit.ReportDue> newPeriod = ExecutionReportSchedule.schedule(permit.getValidFrom(), permit.getValidUntil(),
                        properties.reportsFor(permit.getManagementCategory()), properties.reportDueDayOfMonth(),
                        properties.minimumHeld(), d -> calendar.plusWorkingDays(d, 0)).stream()
                .filter(due -> due.getPeriodEnd().isAfter(event.oldValidUntil()))
                .filter(due -> reports.findByPermitIdAndPeriod(permit.getId(), due.getPeriod()).isEmpty())
                .toList();
        List<Permit.ReportDue> added = permit.addReports(newPeriod);
        start(permit, added);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("oldValidUntil", event.oldValidUntil().toString());
        changes.put("validUntil", permit.getValidUntil().toString());
        changes.put("reports", added.size());
        changes.put("periods", added.stream().map(Permit.ReportDue::getPeriod).toList());
        audit.record(PermitService.CASE_TYPE, permit.getId(), "EXECUTION_REPORTS_EXTENDED", AuditTrail.SYSTEM, null,
                changes);
    }

    /**
     * 失效/注销/撤销/吊销 — the permit ended: a report whose period had not ended by then is no longer required, and its
     * process, still waiting for the period's end, stops. A report whose period had ended stays due (filing, reminders
     * and escalation go on). Runs in the transaction that ends the permit.
     */
    @EventListener
    void on(PermitEnded event) {
        int stopped = 0;
        for (ExecutionReport report : reports.findByPermitIdOrderByDueOnAscIdAsc(event.permitId())) {
            if (report.getPeriodEnd().isBefore(event.endedOn()) || !report.stop()) {
                continue;
            }
            workflow.tellCase(KEY, report.getId(), MESSAGE_PERMIT_ENDED);
            audit.record(CASE_TYPE, report.getId(), "STOPPED", AuditTrail.SYSTEM, null,
                    Map.of("period", report.getPeriod(), "permitEndedOn", event.endedOn().toString()));
            stopped++;
        }
        if (stopped > 0) {
            audit.record(PermitService.CASE_TYPE, event.permitId(), "EXECUTION_REPORTS_STOPPED", AuditTrail.SYSTEM, null,
                    Map.of("reports", stopped, "endedOn", event.endedOn().toString()));
        }
    }

    /** Each report line gets its row and its process, which waits for the end of the report's period. */
    private void start(Permit permit, List<Permit.ReportDue> lines) {
        String enterpriseGroup = enterprises.find(permit.getEnterpriseId()).orElseThrow().candidateGroup();
        for (Permit.ReportDue due : lines) {
            ExecutionReport report = reports.save(new ExecutionReport(permit, due));
            Instant dueAt = deadlines.endOf(report.getDueOn());
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put(VAR_REPORT_ID, report.getId());
            vars.put(VAR_PERMIT_ID, permit.getId());
            vars.put(VAR_PERMIT_NUMBER, permit.getPermitNumber());
            vars.put(VAR_PERIOD, report.getPeriod());
            vars.put(VAR_ENTERPRISE_GROUP, enterpriseGroup);
            vars.put(VAR_BUREAU_GROUP, properties.bureauGroup());
            vars.put(VAR_OPENS_AT, Date.from(report.getPeriodEnd().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            vars.put(VAR_DUE, Date.from(dueAt));
            vars.put(VAR_REMINDER_AT, Date.from(deadlines.reminderBefore(dueAt, SLA_REMINDER)));
            vars.put(VAR_LATE_AT, Date.from(deadlines.due(SLA_GRACE, dueAt)));
            report.started(workflow.startAsApplication(KEY, report.getId(), vars));
        }
    }

    /** The report's period ended: it may be filed now. */
    public void open(Long reportId) {
        ExecutionReport report = report(reportId);
        report.open();
        audit.record(CASE_TYPE, reportId, "OPENED", AuditTrail.SYSTEM, null,
                Map.of("period", report.getPeriod(), "dueOn", report.getDueOn().toString(), "state", report.getState().name()));
    }

    /**
     * The rows the filing form offers: one per pollutant the permit covers, in the permit's order, the kg to fill in.
     * Tasklist does not submit the offered (read-only) pollutant cell, so a submitted row without a pollutant is the
     * offered row at its place.
     */
    public List<Map<String, Object>> offeredEmissions(Long reportId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        permittedPollutants(report(reportId)).forEach(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(C_POLLUTANT, p);
            row.put(C_ACTUAL_KG, null);
            rows.add(row);
        });
        return rows;
    }

    /** The filed emissions as one line for the review form to show: {@code Pb 3.3 kg；Cd 0.8 kg}. */
    public String reportedEmissions(Long reportId) {
        return String.join("；", report(reportId).getEmissions().stream()
                .map(e -> e.getPollutant() + " " + e.getActualKg().toPlainString() + " kg").toList());
    }

    /**
     * 提交执行报告 — actual emissions of every pollutant the permit covers (rows of pollutant and kg), exceedances,
     * abnormal operation of the control facilities and self-monitoring completeness (0–100 %). Filed after the due day
     * it is late by the calendar days since.
     */
    public void file(Long reportId, FormValues form, Actor actor) {
        ExecutionReport report = report(reportId);
        List<ExecutionReport.Emission> emissions = emissions(form, List.copyOf(permittedPollutants(report)));
        String exceedances = form.text(F_EXCEEDANCES, true, 4000);
        String abnormal = form.text(F_ABNORMAL_OPERATION, true, 4000);
        BigDecimal completeness = form.decimal(F_MONITORING_COMPLETENESS, true, BigDecimal.ZERO);
        if (completeness != null && completeness.compareTo(BigDecimal.valueOf(100)) > 0) {
            form.reject(F_MONITORING_COMPLETENESS, "hmc.validation.percent");
        }
        form.check();

        report.file(emissions, exceedances, abnormal, completeness, actor.username(), clock.instant(), today());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("period", report.getPeriod());
        changes.put("emissions", emissions.stream().map(e -> e.getPollutant() + "=" + e.getActualKg().toPlainString()).toList());
        changes.put("monitoringCompleteness", completeness.toPlainString());
        changes.put("late", report.isLate());
        changes.put("daysLate", report.getDaysLate());
        changes.put("state", report.getState().name());
        audit.record(CASE_TYPE, reportId, "FILED", actor, null, changes);
        records.write(report.getPermitId(), PermitRecordEntry.Kind.REPORT_FILED, clock.instant(), actor.username(),
                report.getPeriod(), null, (report.isLate() ? "逾期 " + report.getDaysLate() + " 天提交执行报告 "
                        : "按期提交执行报告 ") + report.getPeriod() + (report.isLate() ? " / Filed " + report.getDaysLate()
                        + " days late" : " / Filed on time"), "filed:" + reportId + ":" + report.getReturns());
    }

    /** 审核 — the bureau accepts the report or returns it; a returned report is due again after the correction period. */
    public void review(Long reportId, FormValues form, Actor actor, PermitApplicationWorkflow.Variables vars) {
        String outcome = form.choice(F_REPORT_REVIEW, List.of("ACCEPT", "RETURN"));
        String comment = form.text(F_REPORT_REVIEW_COMMENT, true, 2000);
        form.check();
        ExecutionReport report = report(reportId);
        boolean accepted = "ACCEPT".equals(outcome);
        report.review(accepted, comment, actor.username(), clock.instant());
        vars.accept(VAR_REPORT_ACCEPTED, accepted);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("period", report.getPeriod());
        changes.put("outcome", outcome);
        changes.put("state", report.getState().name());
        if (!accepted) {
            Instant due = deadlines.due(SLA_CORRECTION);
            vars.accept(VAR_DUE, Date.from(due));
            vars.accept(VAR_REMINDER_AT, Date.from(deadlines.reminderBefore(due, SLA_CORRECTION)));
            vars.accept(VAR_LATE_AT, Date.from(due));
            changes.put("correctionDue", due.toString());
        }
        audit.record(CASE_TYPE, reportId, accepted ? "ACCEPTED" : "RETURNED", actor, comment, changes);
        records.write(report.getPermitId(), accepted ? PermitRecordEntry.Kind.REPORT_ACCEPTED
                        : PermitRecordEntry.Kind.REPORT_RETURNED, clock.instant(), actor.username(), report.getPeriod(), null,
                (accepted ? "执行报告已接收 " : "执行报告退回补正 ") + report.getPeriod() + "：" + comment,
                "reviewed:" + reportId + ":" + report.getReturns() + ":" + outcome);
    }

    /** A reminder went out (before the due day, or the bureau's review). */
    public void reminded(Long reportId, String taskKey, List<String> groups) {
        audit.record(CASE_TYPE, reportId, "REMINDER_SENT", AuditTrail.SYSTEM, null, Map.of("task", taskKey, "groups", groups));
    }

    /**
     * A deadline passed: the report not filed by its due day plus the grace is overdue (条例 Art 37 fines a missing
     * report) and goes on the permit's record; an overdue review is only audited.
     */
    public void escalated(Long reportId, String taskKey, List<String> groups) {
        ExecutionReport report = report(reportId);
        if (TASK_FILE.equals(taskKey)) {
            report.markOverdue();
            audit.record(CASE_TYPE, reportId, "OVERDUE_ESCALATED", AuditTrail.SYSTEM, null,
                    Map.of("task", taskKey, "groups", groups, "dueOn", report.getDueOn().toString()));
            records.write(report.getPermitId(), PermitRecordEntry.Kind.REPORT_OVERDUE, clock.instant(),
                    AuditTrail.SYSTEM.username(), report.getPeriod(), null, "执行报告 " + report.getPeriod()
                            + " 逾期未提交（应于 " + report.getDueOn() + " 前提交；排污许可管理条例第三十七条）/ Report overdue",
                    "overdue:" + reportId + ":" + report.getReturns());
            return;
        }
        audit.record(CASE_TYPE, reportId, "OVERDUE_ESCALATED", AuditTrail.SYSTEM, null, Map.of("task", taskKey, "groups", groups));
    }

    /** The pollutants the permit covers: those of its application's outlets. */
    private Set<String> permittedPollutants(ExecutionReport report) {
        Permit permit = permits.findById(report.getPermitId()).orElseThrow();
        Set<String> pollutants = new LinkedHashSet<>();
        applications.findById(permit.getApplicationId()).orElseThrow().getOutlets()
                .forEach(o -> o.pollutants().forEach(p -> pollutants.add(p.pollutant())));
        return pollutants;
    }

    /**
     * The emission rows: a row names its pollutant, or (Tasklist's offered row) is the permitted pollutant at its
     * place. Problems are named by row ({@code actualEmissions[1].actualKg}); a permitted pollutant without a row is a
     * problem of the list.
     */
    private static List<ExecutionReport.Emission> emissions(FormValues form, List<String> permitted) {
        List<ExecutionReport.Emission> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<FormValues.Row> rows = form.rows(F_ACTUAL_EMISSIONS, true, MAX_EMISSION_ROWS);
        for (FormValues.Row row : rows) {
            FormValues cells = row.values();
            String symbol = cells.text(C_POLLUTANT, false, 2);
            if (symbol == null && row.index() < permitted.size()) {
                symbol = permitted.get(row.index());
            }
            BigDecimal kg = cells.decimal(C_ACTUAL_KG, true, BigDecimal.ZERO);
            if (symbol == null) {
                cells.reject(C_POLLUTANT, "hmc.validation.required");
            } else if (!Pollutant.isKnown(symbol)) {
                cells.reject(C_POLLUTANT, "hmc.validation.heavy-metal");
            } else if (!seen.add(symbol)) {
                cells.reject(C_POLLUTANT, "hmc.validation.emission-duplicate", symbol);
            } else if (kg != null) {
                result.add(new ExecutionReport.Emission(symbol, kg));
            }
        }
        List<String> missing = permitted.stream().filter(p -> !seen.contains(p)).toList();
        if (!missing.isEmpty() && !rows.isEmpty()) {
            form.reject(F_ACTUAL_EMISSIONS, "hmc.validation.emission-missing", String.join(", ", missing));
        }
        return result;
    }

    private ExecutionReport report(Long id) {
        return reports.findById(id).orElseThrow(() -> new IllegalStateException("execution report " + id + " missing"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
