package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
import org.hmcflow.permit.application.ManagementCategory;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationProcess;
import org.hmcflow.permit.application.PermitApplicationService;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitRepository;
import org.hmcflow.permit.issued.TestPermits;
import org.hmcflow.permit.report.ExecutionReportProcess;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the after-issue process tests share: a permit of demo enterprise 1 issued directly (as an existing permit is),
 * its processes, Tasklist-style completion and clean-up (the application is shared by every test class: the
 * processes these tests leave running are deleted and a bar they create is lifted).
 */
public abstract class PermitLifecycleTestSupport {

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected PermitApplicationService applications;
    @Autowired
    protected PermitLifecycleService lifecycle;
    @Autowired
    protected PermitRepository permits;
    @Autowired
    protected PermitRenewalRepository renewals;
    @Autowired
    protected PermitCancellationRepository cancellations;
    @Autowired
    protected AuditTrail auditTrail;
    @Autowired
    protected NotificationService notifications;
    @Autowired
    protected UserService users;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${hmc.db.schema}")
    protected String schema;

    protected Actor enterprise;
    protected Actor enterprise2;
    protected Actor reviewer;
    protected Actor reviewer2;
    protected Actor supervisor;
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    protected void actors() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
        enterprise = users.actor("enterprise").orElseThrow();
        enterprise2 = users.actor("enterprise2").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
        reviewer2 = users.actor("reviewer2").orElseThrow();
        supervisor = users.actor("supervisor").orElseThrow();
    }

    @AfterEach
    protected void cleanUp() {
        identityService.clearAuthentication();
        for (String key : List.of(PermitLifecycleProcess.RENEWAL_KEY, PermitLifecycleProcess.CHANGE_KEY,
                PermitLifecycleProcess.CANCELLATION_KEY, ExecutionReportProcess.KEY)) {
            runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over"));
        }
        for (String id : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "test over");
            }
        }
        jdbc.update("DELETE FROM " + schema + ".permit_bar");
        ClockUtil.reset();
    }

    /**
     * A permit of demo enterprise 1, issued directly with the given validity on an application filed at the engine
     * clock's now (the application's own process is not the subject here and is removed after the test).
     */
    protected Permit permit(LocalDate validFrom, LocalDate validUntil) {
        PermitApplication application = applications.file(enterprise, Applications.existingLeadBatterySite().build());
        started.add(application.getProcessInstanceId());
        return TestPermits.store(permits, application.getId(), enterprise.enterpriseId(), Applications.USCC_1,
                ManagementCategory.KEY, validFrom, validUntil, "reviewer", ClockUtil.now().toInstant());
    }

    /** The reviewer takes an application through acceptance, review (重点管理) and the decision to issue, as in Tasklist. */
    protected void decideToIssue(PermitApplication application) {
        String pi = application.getProcessInstanceId();
        completeStep(reviewer, pi, PermitApplicationProcess.TASK_ACCEPT,
                Map.of(PermitApplicationProcess.F_ACCEPTANCE_DECISION, "ACCEPT"));
        Map<String, Object> review = new java.util.HashMap<>();
        review.put(PermitApplicationProcess.F_REVIEW_OUTCOME, "PROCEED");
        review.put(PermitApplicationProcess.F_CATEGORY, "KEY");
        review.put(PermitApplicationProcess.F_SITE_INSPECTION, false);
        review.put(PermitApplicationProcess.F_REVIEW_COMMENT, "材料齐全");
        completeStep(reviewer, pi, PermitApplicationProcess.TASK_TECHNICAL_REVIEW, review);
        completeStep(reviewer, pi, PermitApplicationProcess.TASK_DECIDE,
                Map.of(PermitApplicationProcess.F_DECISION, "ISSUE", PermitApplicationProcess.F_DECISION_COMMENT, "准予许可"));
    }

    private void completeStep(Actor actor, String processInstanceId, String key, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The permit under renewal watch, as the issue step puts it: the process instance. */
    protected ProcessInstance watch(Permit permit) {
        lifecycle.watchRenewal(permit.getId());
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PermitLifecycleProcess.RENEWAL_KEY)
                .processInstanceBusinessKey(String.valueOf(permit.getId())).singleResult();
        assertThat(pi).as("renewal watch of permit " + permit.getId()).isNotNull();
        return pi;
    }

    protected Permit reload(Permit permit) {
        return permits.findById(permit.getId()).orElseThrow();
    }

    protected void moveTo(int year, int month, int day, int hour, int minute, int second) {
        moveClockTo(ZonedDateTime.of(year, month, day, hour, minute, second, 0, ProcessTests.SHANGHAI));
    }

    protected int fire(ProcessInstance pi) {
        return ProcessTests.fireDueTimers(managementService, pi.getId());
    }

    protected Task task(ProcessInstance pi, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the instance's open task {@code taskKey} as the user, the way Tasklist does. */
    protected void complete(ProcessInstance pi, Actor actor, String taskKey, Map<String, Object> values) {
        Task task = task(pi, taskKey);
        assertThat(task).as("open task " + taskKey).isNotNull();
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    protected List<String> actions(Permit permit) {
        return auditTrail.trailOf(PermitLifecycleProcess.CASE_TYPE, permit.getId()).stream().map(AuditEvent::getAction)
                .toList();
    }

    protected List<Notification> notificationsOf(String processKey, Object caseId) {
        return notifications.ofCase(processKey, String.valueOf(caseId));
    }
}
