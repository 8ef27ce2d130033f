package org.hmcflow.permit;

import static org.hmcflow.permit.ExecutionReportProcess.TASK_FILE;
import static org.hmcflow.permit.ExecutionReportProcess.TASK_REVIEW;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 排污许可证 — the issued permit's one entry for the web layer: read it (holder and bureau only; another enterprise's
 * permit is "not found"), its execution reports (执行报告) filed and reviewed, and its record (许可证记录).
 */
@Service
public class PermitService {

    /** The audit case type of a permit (its record and scheduling); its reports are {@link ExecutionReportProcess#CASE_TYPE}. */
    public static final String CASE_TYPE = PermitLifecycleProcess.CASE_TYPE;

    /** A permit with what a reader sees with it. */
    public record Details(Permit permit, PermitApplication application, List<ExecutionReport> reports,
                          List<PermitRecordEntry> record) {
    }

    private final PermitRepository permits;
    private final PermitApplicationRepository applications;
    private final ExecutionReportRepository reports;
    private final PermitRecords records;
    private final Workflow workflow;
    private final AuditTrail audit;

    PermitService(PermitRepository permits, PermitApplicationRepository applications, ExecutionReportRepository reports,
                  PermitRecords records, Workflow workflow, AuditTrail audit) {
        this.permits = permits;
        this.applications = applications;
        this.reports = reports;
        this.records = records;
        this.workflow = workflow;
        this.audit = audit;
    }

    /** The permits the actor may see, newest first: an enterprise's own, or all for the bureau's staff. */
    @Transactional(readOnly = true)
    public List<Details> list(Actor actor) {
        List<Permit> found = actor.is(Role.ENTERPRISE)
                ? (actor.enterpriseId() == null ? List.of() : permits.findByEnterpriseIdOrderByIdDesc(actor.enterpriseId()))
                : permits.findAllByOrderByIdDesc();
        return found.stream().map(this::details).toList();
    }

    @Transactional(readOnly = true)
    public Details details(Actor actor, Long id) {
        return details(visible(actor, permits.findById(id), String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Details byNumber(Actor actor, String number) {
        return details(visible(actor, permits.findByPermitNumber(number), number));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(Actor actor, Long id) {
        Permit permit = visible(actor, permits.findById(id), String.valueOf(id));
        return audit.trailOf(CASE_TYPE, permit.getId());
    }

    /** The audit trail of one report of a permit the actor may see. */
    @Transactional(readOnly = true)
    public List<AuditEvent> reportTrail(Actor actor, Long id, String period) {
        return audit.trailOf(ExecutionReportProcess.CASE_TYPE, report(actor, id, period).getId());
    }

    /**
     * 提交执行报告 — the holder files (or refiles after a return) the report of that period; the report must be open
     * for filing (409 otherwise: its period has not ended, or it is with the bureau) and only the holder files (403).
     */
    @Transactional
    public void fileReport(Actor actor, Long id, String period, Map<String, Object> values) {
        act(actor, report(actor, id, period), TASK_FILE, values);
    }

    /** 审核执行报告 — the bureau accepts or returns a filed report. */
    @Transactional
    public void reviewReport(Actor actor, Long id, String period, Map<String, Object> values) {
        act(actor, report(actor, id, period), TASK_REVIEW, values);
    }

    /** The open tasks of a report's process (for the reader: what is expected next, by whom, until when). */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(ExecutionReport report) {
        return report.getProcessInstanceId() == null ? List.of() : workflow.openTasks(report.getProcessInstanceId());
    }

    private void act(Actor actor, ExecutionReport report, String taskKey, Map<String, Object> values) {
        OpenTask task = openTasks(report).stream().filter(t -> t.key().equals(taskKey)).findFirst()
                .orElseThrow(() -> new ConflictException("hmc.error.not-at-step", report.getState().name()));
        if (!workflow.mayWork(actor, task)) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
        workflow.complete(task.id(), values, actor);
    }

    private ExecutionReport report(Actor actor, Long id, String period) {
        Permit permit = visible(actor, permits.findById(id), String.valueOf(id));
        return reports.findByPermitIdAndPeriod(permit.getId(), period)
                .orElseThrow(() -> new NotFoundException("execution report " + period + " of permit " + id));
    }

    private Details details(Permit permit) {
        permit.getReports().size();
        PermitApplication application = applications.findById(permit.getApplicationId()).orElseThrow();
        application.getOutlets();
        return new Details(permit, application, reports.findByPermitIdOrderByDueOnAscIdAsc(permit.getId()),
                records.of(permit.getId()));
    }

    private static Permit visible(Actor actor, Optional<Permit> permit, String key) {
        Permit p = permit.orElseThrow(() -> new NotFoundException("permit " + key));
        if (actor.is(Role.ENTERPRISE) && !p.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("permit " + key);
        }
        return p;
    }
}
