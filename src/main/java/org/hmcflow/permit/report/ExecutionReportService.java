package org.hmcflow.permit.report;

import static org.hmcflow.permit.report.ExecutionReportProcess.TASK_FILE;
import static org.hmcflow.permit.report.ExecutionReportProcess.TASK_REVIEW;

import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执行报告 — the execution reports of a permit for the web layer: read them, file them (holder) and review them (bureau).
 * The permit itself is read through {@link PermitService}, which decides who may see it.
 */
@Service
class ExecutionReportService {

    private final PermitService permits;
    private final ExecutionReportRepository reports;
    private final Workflow workflow;
    private final AuditTrail audit;

    ExecutionReportService(PermitService permits, ExecutionReportRepository reports, Workflow workflow,
                           AuditTrail audit) {
        this.permits = permits;
        this.reports = reports;
        this.workflow = workflow;
        this.audit = audit;
    }

    /** The reports of a permit the reader was allowed to see, by due day. */
    @Transactional(readOnly = true)
    public List<ExecutionReport> of(Permit permit) {
        return reports.findByPermitIdOrderByDueOnAscIdAsc(permit.getId());
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
        Permit permit = permits.visible(actor, id);
        return reports.findByPermitIdAndPeriod(permit.getId(), period)
                .orElseThrow(() -> new NotFoundException("execution report " + period + " of permit " + id));
    }
}
