package org.hmcflow.permit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;
import static org.hmcflow.support.ProcessTests.at;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.permit.afterissue.CancellationGround;
import org.hmcflow.permit.afterissue.PermitCancellation;
import org.hmcflow.permit.afterissue.PermitLifecycleService;
import org.hmcflow.permit.afterissue.PermitLifecycleTestSupport;
import org.hmcflow.permit.application.Applications;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.permit.issued.PermitStatus;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The execution-report schedule follows the permit's validity: an approved renewal (延续) schedules the reports of the
 * new period and starts their processes, without touching the old period's; a permit that ends (注销) stops the
 * reports whose period had not ended, while a report already due stays due. The permit is issued through the
 * application process on Monday 2 March 2026 (重点管理: annual and quarterly reports), valid until 1 March 2031.
 */
@H2AppTest
class PermitReportScheduleFollowsValidityTest extends PermitLifecycleTestSupport {

    @Autowired
    ExecutionReportRepository reports;

    @Test
    void anApprovedRenewalSchedulesTheNewPeriodsReportsOnceAndStartsTheirProcesses() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = issuePermit();
        List<ExecutionReport> before = reports.findByPermitIdOrderByDueOnAscIdAsc(permit.getId());
        Map<String, String> processesBefore = before.stream()
                .collect(Collectors.toMap(ExecutionReport::getPeriod, ExecutionReport::getProcessInstanceId));
        // annual 2026–2030 and quarterly 2026-Q2 … 2031-Q1; 2031 (held 2 months) needs no annual report yet
        assertThat(before).hasSize(25);
        assertThat(processesBefore).containsKey("2031-Q1").doesNotContainKey("2031");

        ProcessInstance watch = runtimeService.createProcessInstanceQuery().processDefinitionKey(RENEWAL_KEY)
                .processInstanceBusinessKey(String.valueOf(permit.getId())).singleResult();
        moveTo(2030, 12, 2, 10, 0, 0);
        complete(watch, enterprise, TASK_FILE_RENEWAL, Map.of(F_CONTENTS_UNCHANGED, true,
                F_RENEWAL_STATEMENT, "许可事项未变化，申请延续"));
        complete(watch, reviewer, TASK_ACCEPT_RENEWAL, Map.of(F_RENEWAL_ACCEPTANCE, "ACCEPT"));
        complete(watch, reviewer, TASK_DECIDE_RENEWAL, Map.of(F_RENEWAL_DECISION, "APPROVE",
                F_RENEWAL_DECISION_COMMENT, "准予延续"));

        Permit renewed = reload(permit);
        assertThat(renewed.getValidUntil()).isEqualTo(LocalDate.of(2036, 3, 1));
        List<ExecutionReport> after = reports.findByPermitIdOrderByDueOnAscIdAsc(permit.getId());
        // the whole validity is now continuous: 2031 is held all year (its annual report is due), 2031-Q1 is not
        // scheduled twice; 2036 (held 2 months) needs no annual report
        List<ExecutionReport> added = after.stream().filter(r -> !processesBefore.containsKey(r.getPeriod())).toList();
        assertThat(added).hasSize(25);
        assertThat(added).extracting(ExecutionReport::getPeriod)
                .contains("2031", "2031-Q2", "2035", "2036-Q1").doesNotContain("2031-Q1", "2036");
        assertThat(after).extracting(r -> r.getKind() + " " + r.getPeriod()).doesNotHaveDuplicates();
        assertThat(renewed.getReports()).hasSize(50);
        // the old period's reports are untouched: same rows, same processes
        assertThat(after.stream().filter(r -> processesBefore.containsKey(r.getPeriod())))
                .hasSize(25).allSatisfy(r -> assertThat(r.getProcessInstanceId()).isEqualTo(processesBefore.get(r.getPeriod())));
        assertThat(added).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(ExecutionReport.State.SCHEDULED);
            assertThat(instance(r)).isWaitingAt(ExecutionReportProcess.TIMER_PERIOD_ENDS);
        });
        ExecutionReport q2 = reports.findByPermitIdAndPeriod(permit.getId(), "2031-Q2").orElseThrow();
        assertThat(ProcessTests.timer(managementService, q2.getProcessInstanceId(), ExecutionReportProcess.TIMER_PERIOD_ENDS)
                .getDuedate()).isEqualTo(at(2031, 7, 1, 0, 0));
        assertThat(runtimeService.getVariable(q2.getProcessInstanceId(), ExecutionReportProcess.VAR_DUE))
                .isEqualTo(at(2031, 7, 15, 23, 59));
        assertThat(actions(permit)).contains("RENEWED");
        assertThat(auditTrail.trailOf(PermitService.CASE_TYPE, permit.getId())).extracting(AuditEvent::getAction)
                .containsSubsequence("EXECUTION_REPORTS_SCHEDULED", "EXECUTION_REPORTS_EXTENDED");

        // the new period's report opens after its period like any other
        moveTo(2031, 7, 1, 0, 0, 30);
        assertThat(ProcessTests.fireDueTimers(managementService, q2.getProcessInstanceId())).isEqualTo(1);
        assertThat(instance(q2)).isWaitingAt(ExecutionReportProcess.TASK_FILE);
    }

    @Test
    void aCancelledPermitStopsTheReportsOfPeriodsNotEndedAndThePastDueReportStaysDue() {
        moveTo(2026, 3, 2, 10, 0, 0);
        Permit permit = issuePermit();
        ExecutionReport q2 = reports.findByPermitIdAndPeriod(permit.getId(), "2026-Q2").orElseThrow();
        moveTo(2026, 7, 1, 0, 0, 30);
        assertThat(ProcessTests.fireDueTimers(managementService, q2.getProcessInstanceId())).isEqualTo(1);
        assertThat(instance(q2)).isWaitingAt(ExecutionReportProcess.TASK_FILE);

        // due 15 July, not filed; the permit is cancelled on 20 July, in its 2026-Q3 period
        moveTo(2026, 7, 20, 10, 0, 0);
        PermitCancellation request = lifecycle.requestCancellation(enterprise, permit.getId(),
                new PermitLifecycleService.CancellationRequest(CancellationGround.ENTITY_TERMINATED, "公司已注销登记", null, null));
        ProcessInstance cancellation = runtimeService.createProcessInstanceQuery()
                .processInstanceId(request.getProcessInstanceId()).singleResult();
        complete(cancellation, supervisor, TASK_APPROVE_CANCELLATION, Map.of(F_CANCELLATION_DECISION, "APPROVE",
                F_CANCELLATION_COMMENT, "同意注销"));
        assertThat(reload(permit).getStatus()).isEqualTo(PermitStatus.CANCELLED);

        List<ExecutionReport> all = reports.findByPermitIdOrderByDueOnAscIdAsc(permit.getId());
        List<ExecutionReport> stopped = all.stream().filter(r -> r.getState() == ExecutionReport.State.STOPPED).toList();
        assertThat(stopped).hasSize(24).extracting(ExecutionReport::getPeriod).contains("2026-Q3", "2026", "2031-Q1");
        assertThat(stopped).allSatisfy(r -> {
            assertThat(r.getPeriodEnd()).isAfterOrEqualTo(LocalDate.of(2026, 7, 20));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcessInstanceId()).count())
                    .as(r.getPeriod() + " process gone").isZero();
            assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(r.getProcessInstanceId()).activityId(ExecutionReportProcess.END_STOPPED).count())
                    .isEqualTo(1);
            assertThat(auditTrail.trailOf(ExecutionReportProcess.CASE_TYPE, r.getId())).extracting(AuditEvent::getAction)
                    .containsExactly("STOPPED");
        });
        // the report already due stays due: still open for filing, and still escalated when late
        ExecutionReport due = reports.findById(q2.getId()).orElseThrow();
        assertThat(due.getState()).isEqualTo(ExecutionReport.State.OPEN);
        assertThat(instance(due)).isWaitingAt(ExecutionReportProcess.TASK_FILE);
        moveTo(2026, 7, 23, 0, 0, 30);
        assertThat(ProcessTests.fireDueTimers(managementService, q2.getProcessInstanceId()))
                .as("the reminder (8 July) and the late escalation (22 July)").isEqualTo(2);
        assertThat(reports.findById(q2.getId()).orElseThrow().isOverdue()).isTrue();
        assertThat(auditTrail.trailOf(PermitService.CASE_TYPE, permit.getId())).extracting(AuditEvent::getAction)
                .contains("EXECUTION_REPORTS_STOPPED");
        assertThat(actions(permit)).contains("CANCELLED");
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private ProcessInstance instance(ExecutionReport report) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(report.getProcessInstanceId()).singleResult();
    }

    /** A 重点管理 permit for demo enterprise 1, decided and issued today through the application process. */
    private Permit issuePermit() {
        PermitApplication a = applications.file(enterprise, Applications.existingLeadBatterySite().build());
        decideToIssue(a);
        return permits.findByApplicationId(a.getId()).orElseThrow();
    }
}
