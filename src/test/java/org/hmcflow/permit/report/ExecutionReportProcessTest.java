package org.hmcflow.permit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hmcflow.permit.report.ExecutionReportProcess.*;
import static org.hmcflow.support.ProcessTests.SHANGHAI;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.permit.application.Applications;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationProcess;
import org.hmcflow.permit.application.PermitApplicationService;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitRecordEntry;
import org.hmcflow.permit.issued.PermitRepository;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code permit-execution-report} (执行报告, 排污许可管理条例 Art 22) by moving the engine clock: a permit issued on
 * Monday 2 March 2026 (重点管理: annual and quarterly reports) gets one process per report of its schedule; its
 * 2026-Q2 report opens on 1 July and is due Wednesday 15 July. Filed on time; filed late after the escalation, returned
 * and refiled. Steps are completed through the engine as the demo users, the way Tasklist completes them.
 */
@H2AppTest
class ExecutionReportProcessTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PermitApplicationService applications;
    @Autowired
    PermitRepository permits;
    @Autowired
    ExecutionReportRepository reports;
    @Autowired
    PermitService permitService;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    NotificationService notifications;
    @Autowired
    UserService users;

    Actor enterprise;
    Actor reviewer;
    Actor supervisor;

    @BeforeEach
    void setUp() {
        init(processEngine);
        moveClockTo(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI));
        enterprise = users.actor("enterprise").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
        supervisor = users.actor("supervisor").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void issuingAPermitSchedulesOneProcessPerReportAndAReportFiledOnTimeIsAccepted() {
        Permit permit = issuePermit();
        List<ExecutionReport> scheduled = reports.findByPermitIdOrderByDueOnAscIdAsc(permit.getId());
        assertThat(scheduled).hasSize(permit.getReports().size()).hasSizeGreaterThan(20);
        assertThat(scheduled).allSatisfy(r -> {
            assertThat(r.getState()).isEqualTo(ExecutionReport.State.SCHEDULED);
            assertThat(r.getProcessInstanceId()).isNotNull();
        });
        // 2 to 31 March is less than the month a quarter needs: the first quarterly report is 2026-Q2
        assertThat(scheduled.get(0).getPeriod()).isEqualTo("2026-Q2");
        assertThat(permitService.details(enterprise, permit.getId()).record()).extracting(PermitRecordEntry::getKind)
                .containsExactly(PermitRecordEntry.Kind.ISSUED);

        ExecutionReport q2 = report(permit, "2026-Q2");
        ProcessInstance pi = instance(q2);
        assertThat(pi).isWaitingAt(TIMER_PERIOD_ENDS);
        assertThat(ProcessTests.timer(managementService, pi.getId(), TIMER_PERIOD_ENDS).getDuedate())
                .isEqualTo(at(2026, 7, 1, 0, 0));
        assertThat(variable(pi, VAR_DUE)).isEqualTo(at(2026, 7, 15, 23, 59));
        // reminded five working days before the due day; late after five more working days: Wed 22 July
        assertThat(variable(pi, VAR_REMINDER_AT)).isEqualTo(at(2026, 7, 8, 9, 0));
        assertThat(variable(pi, VAR_LATE_AT)).isEqualTo(at(2026, 7, 22, 23, 59));

        moveClockTo(ZonedDateTime.of(2026, 7, 1, 0, 0, 30, 0, SHANGHAI));
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_FILE);
        Task file = task(pi, TASK_FILE);
        assertThat(file.getDueDate()).isEqualTo(at(2026, 7, 15, 23, 59));
        assertThat(taskService.getIdentityLinksForTask(file.getId())).extracting(l -> l.getGroupId())
                .containsExactly("enterprise-1");
        assertThat(report(permit, "2026-Q2").getState()).isEqualTo(ExecutionReport.State.OPEN);
        assertThat(ProcessTests.visibleTasks(identityService, taskService, reviewer, pi.getId())).isEmpty();

        moveClockTo(ZonedDateTime.of(2026, 7, 8, 9, 0, 30, 0, SHANGHAI));
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(notificationsOf(q2, Notification.Kind.REMINDER)).extracting(Notification::getRecipientGroup)
                .containsExactly("enterprise-1");

        // every bad field named, nothing written
        moveClockTo(ZonedDateTime.of(2026, 7, 10, 15, 0, 0, 0, SHANGHAI));
        Map<String, Object> bad = new HashMap<>();
        // the step offers a row per permitted pollutant: Pb
        assertThat(taskService.getVariableLocal(task(pi, TASK_FILE).getId(), F_ACTUAL_EMISSIONS).toString())
                .isEqualTo("[{\"pollutant\":\"Pb\",\"actualKg\":null}]");
        bad.put(F_ACTUAL_EMISSIONS, FormLists.value(List.of(Map.of(C_POLLUTANT, "Pb", C_ACTUAL_KG, "abc"),
                Map.of(C_POLLUTANT, "Xx", C_ACTUAL_KG, "1"), Map.of(C_POLLUTANT, "Pb", C_ACTUAL_KG, "-1"))));
        bad.put(F_MONITORING_COMPLETENESS, 120);
        InvalidInputException invalid = invalidInput(() -> complete(enterprise, task(pi, TASK_FILE), bad));
        assertThat(invalid.problems()).extracting(InvalidInputException.FieldProblem::field,
                        InvalidInputException.FieldProblem::messageKey)
                .containsExactlyInAnyOrder(tuple("actualEmissions[0].actualKg", "hmc.validation.number"),
                        tuple("actualEmissions[1].pollutant", "hmc.validation.heavy-metal"),
                        tuple("actualEmissions[2].actualKg", "hmc.validation.min"),
                        tuple("actualEmissions[2].pollutant", "hmc.validation.emission-duplicate"),
                        tuple(F_EXCEEDANCES, "hmc.validation.required"),
                        tuple(F_ABNORMAL_OPERATION, "hmc.validation.required"),
                        tuple(F_MONITORING_COMPLETENESS, "hmc.validation.percent"));
        assertThat(report(permit, "2026-Q2").getState()).isEqualTo(ExecutionReport.State.OPEN);

        complete(enterprise, task(pi, TASK_FILE), filing("Pb", "2.9"));
        ExecutionReport filed = report(permit, "2026-Q2");
        assertThat(filed.getState()).isEqualTo(ExecutionReport.State.FILED);
        assertThat(filed.isLate()).isFalse();
        assertThat(filed.getDaysLate()).isZero();
        assertThat(filed.getEmissions()).extracting(ExecutionReport.Emission::getPollutant).containsExactly("Pb");
        assertThat(filed.getEmissions().get(0).getActualKg()).isEqualByComparingTo("2.9");
        Task review = task(pi, TASK_REVIEW);
        // 10 working days from Fri 10 July: Fri 24 July
        assertThat(review.getDueDate()).isEqualTo(at(2026, 7, 24, 23, 59));
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId())
                .containsExactly("city-epb");

        complete(reviewer, review, Map.of(F_REPORT_REVIEW, "ACCEPT", F_REPORT_REVIEW_COMMENT, "内容完整"));
        assertThat(pi).isEnded().hasPassed(END_ACCEPTED);
        assertThat(report(permit, "2026-Q2").getState()).isEqualTo(ExecutionReport.State.ACCEPTED);
        assertThat(notificationsOf(q2, Notification.Kind.ESCALATION)).isEmpty();
        assertThat(actions(q2)).containsExactly("OPENED", "REMINDER_SENT", "FILED", "ACCEPTED");
        assertThat(auditTrail.trailOf(ExecutionReportProcess.CASE_TYPE, q2.getId()).get(2).getActor()).isEqualTo("enterprise");
        assertThat(permitService.details(enterprise, permit.getId()).record()).extracting(PermitRecordEntry::getKind)
                .containsExactly(PermitRecordEntry.Kind.ISSUED, PermitRecordEntry.Kind.REPORT_FILED,
                        PermitRecordEntry.Kind.REPORT_ACCEPTED);
    }

    @Test
    void aReportNotFiledInTimeIsEscalatedToTheSupervisorsFiledLateReturnedAndRefiled() {
        Permit permit = issuePermit();
        ExecutionReport q2 = report(permit, "2026-Q2");
        ProcessInstance pi = instance(q2);
        moveClockTo(ZonedDateTime.of(2026, 7, 22, 23, 0, 0, 0, SHANGHAI));
        assertThat(fire(pi)).as("period end and reminder").isEqualTo(2);
        assertThat(notificationsOf(q2, Notification.Kind.ESCALATION)).isEmpty();
        assertThat(report(permit, "2026-Q2").isOverdue()).isFalse();

        moveClockTo(ZonedDateTime.of(2026, 7, 22, 23, 59, 30, 0, SHANGHAI));
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(pi).hasPassed("ServiceTask_EscalateLateReport").isWaitingAt(TASK_FILE);
        assertThat(notificationsOf(q2, Notification.Kind.ESCALATION)).extracting(Notification::getRecipientGroup)
                .containsExactlyInAnyOrder("enterprise-1", "hmc-supervisor");
        assertThat(report(permit, "2026-Q2").isOverdue()).isTrue();
        assertThat(permitService.details(supervisor, permit.getId()).record()).extracting(PermitRecordEntry::getKind)
                .containsExactly(PermitRecordEntry.Kind.ISSUED, PermitRecordEntry.Kind.REPORT_OVERDUE);

        // still fileable, and marked late: Friday 24 July is 9 days after the due day
        moveClockTo(ZonedDateTime.of(2026, 7, 24, 10, 0, 0, 0, SHANGHAI));
        complete(enterprise, task(pi, TASK_FILE), filing("Pb", "3.1"));
        assertThat(report(permit, "2026-Q2").getDaysLate()).isEqualTo(9);
        assertThat(report(permit, "2026-Q2").isLate()).isTrue();

        // the review is shown what was filed; an instance filed before emissions were rows kept them as text
        assertThat(taskService.getVariableLocal(task(pi, TASK_REVIEW).getId(), VAR_REPORTED_EMISSIONS)).isEqualTo("Pb 3.1 kg");
        runtimeService.setVariable(pi.getId(), F_ACTUAL_EMISSIONS, "Pb=3.1");
        complete(reviewer, task(pi, TASK_REVIEW), Map.of(F_REPORT_REVIEW, "RETURN", F_REPORT_REVIEW_COMMENT, "缺少废气排放量"));
        assertThat(pi).isWaitingAt(TASK_FILE);
        assertThat(variable(pi, F_ACTUAL_EMISSIONS)).as("old text cleared when the filing starts again").isNull();
        ExecutionReport returned = report(permit, "2026-Q2");
        assertThat(returned.getState()).isEqualTo(ExecutionReport.State.RETURNED);
        assertThat(returned.getReturns()).isEqualTo(1);
        // refile within 10 working days of Fri 24 July: Fri 7 August
        assertThat(task(pi, TASK_FILE).getDueDate()).isEqualTo(at(2026, 8, 7, 23, 59));
        // the review's answer does not carry over into the next round
        assertThat(variable(pi, F_REPORT_REVIEW)).isEqualTo("RETURN");

        moveClockTo(ZonedDateTime.of(2026, 7, 27, 10, 0, 0, 0, SHANGHAI));
        complete(enterprise, task(pi, TASK_FILE), filing("Pb", "3.4"));
        assertThat(variable(pi, F_REPORT_REVIEW)).as("cleared when the review starts again").isNull();
        complete(reviewer, task(pi, TASK_REVIEW), Map.of(F_REPORT_REVIEW, "ACCEPT", F_REPORT_REVIEW_COMMENT, "已补正"));
        assertThat(pi).isEnded();
        ExecutionReport accepted = report(permit, "2026-Q2");
        assertThat(accepted.getState()).isEqualTo(ExecutionReport.State.ACCEPTED);
        assertThat(accepted.getDaysLate()).as("the lateness of the first filing").isEqualTo(9);
        assertThat(accepted.getEmissions().get(0).getActualKg()).isEqualByComparingTo("3.4");
        assertThat(actions(q2)).containsExactly("OPENED", "REMINDER_SENT", "OVERDUE_ESCALATED", "FILED", "RETURNED",
                "FILED", "ACCEPTED");
        assertThat(permitService.details(enterprise, permit.getId()).record()).extracting(PermitRecordEntry::getKind)
                .containsExactly(PermitRecordEntry.Kind.ISSUED, PermitRecordEntry.Kind.REPORT_OVERDUE,
                        PermitRecordEntry.Kind.REPORT_FILED, PermitRecordEntry.Kind.REPORT_RETURNED,
                        PermitRecordEntry.Kind.REPORT_FILED, PermitRecordEntry.Kind.REPORT_ACCEPTED);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** A 重点管理 permit for demo enterprise 1, decided and issued today. */
    private Permit issuePermit() {
        PermitApplication a = applications.file(enterprise, Applications.existingLeadBatterySite().build());
        String pi = a.getProcessInstanceId();
        complete(reviewer, appTask(pi, PermitApplicationProcess.TASK_ACCEPT),
                Map.of(PermitApplicationProcess.F_ACCEPTANCE_DECISION, "ACCEPT"));
        Map<String, Object> review = new HashMap<>();
        review.put(PermitApplicationProcess.F_REVIEW_OUTCOME, "PROCEED");
        review.put(PermitApplicationProcess.F_CATEGORY, "KEY");
        review.put(PermitApplicationProcess.F_SITE_INSPECTION, false);
        review.put(PermitApplicationProcess.F_REVIEW_COMMENT, "材料齐全");
        complete(reviewer, appTask(pi, PermitApplicationProcess.TASK_TECHNICAL_REVIEW), review);
        complete(reviewer, appTask(pi, PermitApplicationProcess.TASK_DECIDE),
                Map.of(PermitApplicationProcess.F_DECISION, "ISSUE", PermitApplicationProcess.F_DECISION_COMMENT, "准予许可"));
        Permit permit = permits.findByApplicationId(a.getId()).orElseThrow();
        assertThat(permit.getValidFrom()).isEqualTo(LocalDate.of(2026, 3, 2));
        return permit;
    }

    /** A filing with one emission row (pollutant, kg), as the form's dynamic list submits it. */
    static Map<String, Object> filing(String pollutant, String kg) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_ACTUAL_EMISSIONS, FormLists.value(List.of(Map.of(C_POLLUTANT, pollutant, C_ACTUAL_KG, kg))));
        values.put(F_EXCEEDANCES, "无");
        values.put(F_ABNORMAL_OPERATION, "无");
        values.put(F_MONITORING_COMPLETENESS, 100);
        return values;
    }

    private Task appTask(String processInstanceId, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    private void complete(Actor actor, Task task, Map<String, Object> values) {
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ExecutionReport report(Permit permit, String period) {
        return reports.findByPermitIdAndPeriod(permit.getId(), period).orElseThrow();
    }

    private ProcessInstance instance(ExecutionReport report) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(report.getProcessInstanceId()).singleResult();
    }

    private Task task(ProcessInstance pi, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    private Object variable(ProcessInstance pi, String name) {
        return runtimeService.getVariable(pi.getId(), name);
    }

    private int fire(ProcessInstance pi) {
        return ProcessTests.fireDueTimers(managementService, pi.getId());
    }

    private List<String> actions(ExecutionReport report) {
        return auditTrail.trailOf(ExecutionReportProcess.CASE_TYPE, report.getId()).stream().map(AuditEvent::getAction).toList();
    }

    private List<Notification> notificationsOf(ExecutionReport report, Notification.Kind kind) {
        return notifications.ofCase(KEY, String.valueOf(report.getId())).stream().filter(n -> n.getKind() == kind).toList();
    }
}
