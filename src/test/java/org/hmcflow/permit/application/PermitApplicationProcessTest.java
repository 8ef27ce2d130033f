package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hmcflow.permit.application.PermitApplicationProcess.*;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.StatutoryClock;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitRepository;
import org.hmcflow.review.MultiPartyReviewProcess;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.workflow.FormLists;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.AppUser;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.hmcflow.supervision.DeadlineItem;
import org.hmcflow.supervision.DeadlineItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code permit-application} (排污许可申领), driven as Tasklist users drive it: applications are filed
 * and corrected through {@link PermitApplicationService}, steps completed through the engine's {@link TaskService} with
 * the demo users' authentication and the forms' variable names. Time moves only through the engine clock, from Monday
 * 2 March 2026 — so the statutory periods cross 清明 (4–6 April) and 劳动节 (1–5 May, make-up workday Sat 9 May).
 */
@H2AppTest
class PermitApplicationProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2 March 2026, 10:00 in Qingyuan. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI);

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
    AuditTrail auditTrail;
    @Autowired
    NotificationService notifications;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadlineItems deadlineItems;

    /** The open item of the application's statutory decision limit on the supervisors' list. */
    private DeadlineItem statutoryItem(Case c) {
        return deadlineItems.ofCase(KEY, String.valueOf(c.id())).stream()
                .filter(i -> i.getStepKey().equals(DEADLINE_DECISION) && i.isOpen()).findFirst().orElseThrow();
    }
    @Value("${hmc.db.schema}")
    String schema;

    Actor enterprise;
    Actor enterprise2;
    Actor reviewer;
    Actor reviewer2;
    Actor drcReviewer;

    /** A filed application: its id and its process instance. */
    record Case(Long id, ProcessInstance pi) {
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        moveClockTo(START);
        enterprise = users.actor("enterprise").orElseThrow();
        enterprise2 = users.actor("enterprise2").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
        reviewer2 = users.actor("reviewer2").orElseThrow();
        // 市发展改革局 takes part in joint reviews; the demo data has no account for it, so this test brings one and
        // takes it away again (the application is shared: other tests count the users)
        users.saveIfAbsent(new AppUser("reviewer-drc", null, "赵审核（市发展改革局）", Role.REVIEWER, "city-drc", null, false));
        drcReviewer = users.actor("reviewer-drc").orElseThrow();
        assertThat(enterprise.enterpriseId()).isEqualTo(1L);
        assertThat(reviewer.departmentCode()).isEqualTo("city-epb");
        assertThat(reviewer2.departmentCode()).isEqualTo("city-eit");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
        jdbc.update("DELETE FROM " + schema + ".app_user WHERE username = ?", "reviewer-drc");
    }

    // --- 1. deemed acceptance: a timer, not a person ----------------------------------------------------------------

    @Test
    void anApplicationTheBureauDoesNotActOnIsDeemedAcceptedOnTheDayItWasReceived() {
        Case c = file(Applications.existingLeadBatterySite());
        assertThat(c.pi()).isWaitingAt(TASK_ACCEPT);
        assertThat(task(c)).hasCandidateGroup("city-epb");
        // 3 working days from Mon 2 Mar: Thursday 5 March, end of day
        Date acceptanceDue = at(2026, 3, 5, 23, 59);
        assertThat(task(c).getDueDate()).isEqualTo(acceptanceDue);
        assertThat(timer(c, TIMER_ACCEPTANCE_LAPSED).getDuedate()).isEqualTo(acceptanceDue);
        assertThat(application(c).getAcceptanceDue()).isEqualTo(acceptanceDue.toInstant());

        // the rule reminds one working day before: Wednesday 4 March, 09:00
        moveClockTo(ZonedDateTime.of(2026, 3, 4, 9, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("ServiceTask_RemindAcceptance").isWaitingAt(TASK_ACCEPT);
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).extracting(Notification::getRecipientGroup)
                .containsExactly("city-epb");

        moveClockTo(ZonedDateTime.of(2026, 3, 5, 23, 0, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).as("an hour before the limit").isZero();
        moveClockTo(ZonedDateTime.of(2026, 3, 5, 23, 59, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);

        assertThat(c.pi()).hasPassed(TIMER_ACCEPTANCE_LAPSED, "ServiceTask_DeemAccepted", "Gateway_JoinAccepted",
                "ServiceTask_CheckAdmission", "Gateway_AdmissionVerdict", "StartEvent_ReviewStarted")
                .isWaitingAt(TASK_TECHNICAL_REVIEW);
        PermitApplication a = application(c);
        assertThat(a.getState()).isEqualTo(ApplicationState.UNDER_REVIEW);
        assertThat(a.isDeemedAccepted()).isTrue();
        assertThat(a.getAcceptedOn()).as("accepted on the day received (Art 9)").isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(a.getAdmissionVerdict()).isEqualTo(Verdict.ADMIT);
        assertThat(a.getAdmissionRuleCode()).isEqualTo("KEY_AREA_NO_INCREASE");
        assertThat(a.getManagementCategory()).isEqualTo(ManagementCategory.KEY);
        assertThat(a.getDecisionRule()).isEqualTo(PermitRules.SLA_DECISION_KEY);

        // 30 working days from Mon 2 Mar, across 清明 (4–6 Apr): Tuesday 14 April; three of them are used already
        StatutoryClock clock = clock(c);
        assertThat(clock.dueDay()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(clock.usedDays()).isEqualTo(3);
        assertThat(clock.remainingDays()).isEqualTo(27);
        assertThat(variable(c, VAR_DECISION_DUE)).isEqualTo(at(2026, 4, 14, 23, 59));
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).getDuedate()).isEqualTo(at(2026, 4, 14, 23, 59));
        // reminder five working days before: Tuesday 7 April, 09:00
        assertThat(timer(c, TIMER_STATUTORY_REMINDER).getDuedate()).isEqualTo(at(2026, 4, 7, 9, 0));
        // the reviewer sees the rule that fired
        assertThat(variable(c, VAR_ADMISSION_RULE_CODE)).isEqualTo("KEY_AREA_NO_INCREASE");
        assertThat((String) variable(c, VAR_ADMISSION_GROUNDS)).contains("重点防控区");
        assertThat(actions(c)).containsExactly("FILED", "REMINDER_SENT", "DEEMED_ACCEPTED", "ADMISSION_CHECKED");
        assertThat(trail(c).get(2).getActor()).isEqualTo("system");
        assertThat(trail(c).get(3).getChanges()).contains("\"ruleCode\":\"KEY_AREA_NO_INCREASE\"")
                .contains("\"categoryRuleCode\":\"HEAVY_METAL_INDUSTRY_EMITTER\"");
    }

    // --- 2. returned once with the full list, resubmitted, accepted ---------------------------------------------------

    @Test
    void anIncompleteApplicationIsReturnedOnceWithEverythingMissingAndAcceptedAfterResubmission() {
        Case c = file(Applications.existingLeadBatterySite());
        moveClockTo(ZonedDateTime.of(2026, 3, 3, 15, 0, 0, 0, SHANGHAI));
        // what is missing comes as rows: none, or one too long, is named (by its row) and nothing is returned
        assertThat(invalidInput(() -> complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "RETURN",
                F_MISSING_ITEMS, missing(" "), F_ACCEPTANCE_COMMENT, "材料不全"))).problems())
                .extracting(FieldProblem::field).containsExactly(F_MISSING_ITEMS);
        assertThat(invalidInput(() -> complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "RETURN",
                F_MISSING_ITEMS, missing("承诺书", "说".repeat(301))))).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple(F_MISSING_ITEMS + "[1].item", "hmc.validation.too-long"));
        assertThat(c.pi()).isWaitingAt(TASK_ACCEPT);
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "RETURN",
                F_MISSING_ITEMS, missing("信息公开情况说明", "排放口规范化设置图"), F_ACCEPTANCE_COMMENT, "材料不全"));
        assertThat(runtimeService.getVariable(c.pi().getId(), F_MISSING_ITEMS)).as("the rows are not kept").isNull();

        assertThat(c.pi()).hasPassed("Gateway_AcceptanceDecision").isWaitingAt(TASK_SUBMIT_CORRECTIONS);
        assertThat(task(c)).hasCandidateGroup("enterprise-1");
        assertThat(variable(c, VAR_CORRECTION_ITEMS)).isEqualTo("信息公开情况说明\n排放口规范化设置图");
        assertThat(managementService.createJobQuery().processInstanceId(c.pi().getId()).activityId(TIMER_ACCEPTANCE_LAPSED)
                .count()).as("no deemed acceptance while the applicant corrects").isZero();
        PermitApplication returned = application(c);
        assertThat(returned.getState()).isEqualTo(ApplicationState.AWAITING_CORRECTION);
        assertThat(returned.getAcceptanceReturns()).isEqualTo(1);

        // the corrected application comes in on Monday 9 March: received that day, acceptance starts over
        moveClockTo(ZonedDateTime.of(2026, 3, 9, 10, 0, 0, 0, SHANGHAI));
        applications.resubmit(enterprise, c.id(), Applications.existingLeadBatterySite()
                .withDocument(DocumentKind.DISCLOSURE_STATEMENT, "信息公开情况说明").build(), "已补充信息公开情况说明和排放口设置图");

        assertThat(c.pi()).hasPassed(TASK_SUBMIT_CORRECTIONS, "Gateway_JoinAcceptance").isWaitingAt(TASK_ACCEPT);
        PermitApplication resubmitted = application(c);
        assertThat(resubmitted.getState()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(resubmitted.getReceivedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(resubmitted.getAcceptanceDue()).isEqualTo(at(2026, 3, 12, 23, 59).toInstant());
        assertThat(task(c).getDueDate()).isEqualTo(at(2026, 3, 12, 23, 59));
        assertThat(resubmitted.getDocuments()).extracting(ApplicationContents.Document::kind)
                .contains(DocumentKind.DISCLOSURE_STATEMENT);
        assertThat(variable(c, F_ACCEPTANCE_DECISION)).as("last round's answer is not carried forward").isNull();

        // Art 9 allows one notice: a second return is refused and changes nothing
        int rows = trail(c).size();
        InvalidInputException again = invalidInput(() -> complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION,
                "RETURN", F_MISSING_ITEMS, missing("再补一份"))));
        assertThat(again.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple(F_ACCEPTANCE_DECISION, "hmc.validation.returned-once"));
        assertThat(c.pi()).isWaitingAt(TASK_ACCEPT);
        assertThat(trail(c)).hasSize(rows);

        moveClockTo(ZonedDateTime.of(2026, 3, 10, 9, 30, 0, 0, SHANGHAI));
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT"));
        assertThat(c.pi()).isWaitingAt(TASK_TECHNICAL_REVIEW);
        PermitApplication accepted = application(c);
        assertThat(accepted.getAcceptedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(accepted.isDeemedAccepted()).isFalse();
        assertThat(applications.details(reviewer, c.id()).corrections()).singleElement().satisfies(n -> {
            assertThat(n.getStage()).isEqualTo(CorrectionStage.ACCEPTANCE);
            assertThat(n.getItems()).containsExactly("信息公开情况说明", "排放口规范化设置图");
            assertThat(n.getNotifiedOn()).isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(n.getResubmittedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        });
        assertThat(actions(c)).containsExactly("FILED", "RETURNED_FOR_CORRECTION", "CONTENTS_CORRECTED",
                "CORRECTIONS_RESUBMITTED", "ACCEPTED", "ADMISSION_CHECKED");
    }

    // --- 3. not accepted -----------------------------------------------------------------------------------------------

    @Test
    void anApplicationRefusedAtAcceptanceEndsWithItsReason() {
        Case c = file(Applications.existingLeadBatterySite());
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "REFUSE",
                F_NOT_ACCEPTED_REASON, "该场所不属于本市管辖，请向所在地设区的市级生态环境主管部门申请"));

        assertThat(c.pi()).hasPassed("Gateway_AcceptanceDecision", END_NOT_ACCEPTED).isEnded();
        PermitApplication a = application(c);
        assertThat(a.getState()).isEqualTo(ApplicationState.NOT_ACCEPTED);
        assertThat(a.getNotAcceptedReason()).contains("设区的市级");
        assertThat(a.getAcceptedOn()).isNull();
        assertThat(actions(c)).containsExactly("FILED", "NOT_ACCEPTED");
        assertThat(managementService.createJobQuery().processInstanceId(c.pi().getId()).count()).isZero();
    }

    // --- 4. refused by an admission rule -----------------------------------------------------------------------------

    @Test
    void anExpansionAddingHeavyMetalsInTheKeyControlAreaIsRefusedByTheAdmissionRule() {
        Case c = file(Applications.existingLeadBatterySite().expansionAdding("1.2"));
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT"));

        assertThat(c.pi()).hasPassed("ServiceTask_CheckAdmission", "Gateway_AdmissionVerdict",
                "ServiceTask_RefuseByAdmission", END_REFUSED_BY_ADMISSION).hasNotPassed(TASK_TECHNICAL_REVIEW).isEnded();
        PermitApplication a = application(c);
        assertThat(a.getState()).isEqualTo(ApplicationState.REFUSED);
        assertThat(a.getAdmissionVerdict()).isEqualTo(Verdict.REFUSE);
        assertThat(a.getAdmissionRuleCode()).isEqualTo("KEY_AREA_NEW_EXPANSION");
        assertThat(a.getDecision()).isEqualTo("REFUSE");
        assertThat(a.getDecisionComment()).as("the written refusal states the rule's grounds").contains("二(一)1")
                .isEqualTo(a.getAdmissionGrounds());
        assertThat(clock(c)).as("no statutory clock for a refused application").isNull();
        assertThat(actions(c)).containsExactly("FILED", "ACCEPTED", "ADMISSION_CHECKED", "REFUSED_BY_ADMISSION_RULE");
        AuditEvent refused = trail(c).get(3);
        assertThat(refused.getComment()).contains("重点防控区");
        assertThat(refused.getChanges()).contains("KEY_AREA_NEW_EXPANSION");
    }

    @Test
    void aSiteThatOnlyMixesWithoutHeavyMetalsNeedsRegistrationNotAPermit() {
        Case c = file(Applications.withoutHeavyMetalDischarge().mixingOrAssemblyOnly());
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT"));

        assertThat(c.pi()).hasPassed("ServiceTask_CloseAsRegistrationOnly", END_REGISTRATION_ONLY).isEnded();
        PermitApplication a = application(c);
        assertThat(a.getState()).isEqualTo(ApplicationState.REGISTRATION_ONLY);
        assertThat(a.getManagementCategory()).isEqualTo(ManagementCategory.REGISTRATION);
        assertThat(a.getProposedCategoryRuleCode()).isEqualTo("NO_HEAVY_METAL_MIXING_ONLY");
        assertThat(actions(c)).containsExactly("FILED", "ACCEPTED", "ADMISSION_CHECKED", "REGISTRATION_ONLY");
    }

    // --- 5. joint review, one department late; site inspection; permit issued ---------------------------------------

    @Test
    void aKeyPermitGoesThroughJointReviewWithOneDepartmentLateAndASiteInspectionAndIsIssued() {
        Case c = file(Applications.existingLeadBatterySite());
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT"));
        assertThat(clock(c).dueDay()).isEqualTo(LocalDate.of(2026, 4, 14));

        // Wed 4 Mar: 重点 with a site inspection — 45 working days from acceptance, across 清明 and 劳动节: Fri 8 May
        moveClockTo(ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, SHANGHAI));
        Map<String, Object> review = new HashMap<>();
        review.put(F_REVIEW_OUTCOME, "PROCEED");
        review.put(F_CATEGORY, "KEY");
        review.put(F_SITE_INSPECTION, true);
        review.put(F_JOINT_DEPARTMENTS, FormLists.value(List.of(Map.of(C_DEPARTMENT, "city-eit"),
                Map.of(C_DEPARTMENT, "city-drc"))));
        review.put(F_REVIEW_COMMENT, "材料齐全，需会审并现场核查");
        complete(c, reviewer, TASK_TECHNICAL_REVIEW, review);

        PermitApplication reviewed = application(c);
        assertThat(reviewed.getDecisionRule()).isEqualTo(PermitRules.SLA_DECISION_KEY_SITE_INSPECTION);
        assertThat(reviewed.getState()).isEqualTo(ApplicationState.JOINT_REVIEW);
        assertThat(clock(c).dueDay()).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).getDuedate()).as("the decision timer follows the ledger")
                .isEqualTo(at(2026, 5, 8, 23, 59));
        assertThat(timer(c, TIMER_STATUTORY_REMINDER).getDuedate()).isEqualTo(at(2026, 4, 28, 9, 0));
        assertThat(variable(c, VAR_DECISION_DUE)).isEqualTo(at(2026, 5, 8, 23, 59));

        // one opinion per department, in parallel, each due 5 working days later: Wed 11 Mar
        assertThat(c.pi()).isWaitingAt(CALL_JOINT_REVIEW);
        List<Task> joint = jointTasks(c);
        assertThat(joint).hasSize(2);
        assertThat(joint).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(2026, 3, 11, 23, 59)));
        assertThat(joint).extracting(t -> taskService.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("city-eit", "city-drc");
        assertThat(visibleJointTasks(reviewer2, c)).containsExactly(MultiPartyReviewProcess.TASK_GIVE_OPINION);
        assertThat(visibleJointTasks(reviewer, c)).isEmpty();
        assertThat(visibleTasks(reviewer, c)).isEmpty();

        moveClockTo(ZonedDateTime.of(2026, 3, 5, 11, 0, 0, 0, SHANGHAI));
        completeJoint(c, drcReviewer, "AGREE", "符合产业政策");
        assertThat(c.pi()).isWaitingAt(CALL_JOINT_REVIEW);
        assertThat(application(c).getState()).isEqualTo(ApplicationState.JOINT_REVIEW);

        // 市经信局 does not answer: reminded the working day before, escalated when its day ends
        moveClockTo(ZonedDateTime.of(2026, 3, 10, 9, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c) + fireDueJointTimers(c)).isEqualTo(1);
        moveClockTo(ZonedDateTime.of(2026, 3, 11, 23, 59, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c) + fireDueJointTimers(c)).isEqualTo(1);
        assertThat(jointReview(c)).hasPassed(MultiPartyReviewProcess.SERVICE_TASK_REMIND,
                MultiPartyReviewProcess.SERVICE_TASK_ESCALATE).isWaitingAt(MultiPartyReviewProcess.TASK_GIVE_OPINION);
        assertThat(c.pi()).isWaitingAt(CALL_JOINT_REVIEW);
        assertThat(jointNotificationsOf(c, Notification.Kind.REMINDER)).extracting(Notification::getRecipientGroup)
                .containsExactly("city-eit");
        assertThat(jointNotificationsOf(c, Notification.Kind.ESCALATION)).extracting(Notification::getRecipientGroup)
                .containsExactlyInAnyOrder("city-eit", "hmc-supervisor");
        assertThat(applications.details(reviewer, c.id()).jointReviews())
                .extracting(JointReview::getDepartmentCode, JointReview::isLate, JointReview::isPending)
                .containsExactly(tuple("city-eit", true, true), tuple("city-drc", false, false));

        moveClockTo(ZonedDateTime.of(2026, 3, 12, 14, 0, 0, 0, SHANGHAI));
        completeJoint(c, reviewer2, "AGREE_WITH_CONDITIONS", "同意，须落实铅尘收集措施");
        assertThat(c.pi()).hasPassed("Gateway_JoinJointReview", "Gateway_NeedsSiteInspection").isWaitingAt(TASK_INSPECT_SITE);
        assertThat(application(c).getState()).isEqualTo(ApplicationState.SITE_INSPECTION);
        assertThat(applications.details(reviewer, c.id()).jointReviews())
                .extracting(JointReview::getDepartmentCode, JointReview::getOpinion, JointReview::isLate)
                .containsExactly(tuple("city-eit", JointOpinion.AGREE_WITH_CONDITIONS, true),
                        tuple("city-drc", JointOpinion.AGREE, false));

        moveClockTo(ZonedDateTime.of(2026, 3, 16, 16, 0, 0, 0, SHANGHAI));
        complete(c, reviewer, TASK_INSPECT_SITE, Map.of(F_INSPECTION_DATE, "2026-03-16", F_INSPECTION_RESULT, "CONFORMS",
                F_INSPECTION_FINDINGS, "生产线、废水处理站与申请一致"));
        assertThat(c.pi()).isWaitingAt(TASK_DECIDE);
        assertThat(task(c).getDueDate()).isEqualTo(at(2026, 5, 8, 23, 59));

        moveClockTo(ZonedDateTime.of(2026, 3, 17, 10, 0, 0, 0, SHANGHAI));
        int siteBefore = permits.highestSiteNumber(1L);
        complete(c, reviewer, TASK_DECIDE, Map.of(F_DECISION, "ISSUE", F_DECISION_COMMENT, "准予许可，按申请内容执行"));

        assertThat(c.pi()).hasPassed(TASK_DECIDE, "EndEvent_ReviewDecided", "Gateway_Decision", "ServiceTask_IssuePermit",
                END_ISSUED).isEnded();
        PermitApplication issued = application(c);
        assertThat(issued.getState()).isEqualTo(ApplicationState.ISSUED);
        Permit permit = permits.findByApplicationId(c.id()).orElseThrow();
        assertThat(permit.getSiteNumber()).isEqualTo(siteBefore + 1);
        assertThat(permit.getPermitNumber()).isEqualTo(Applications.USCC_1 + String.format("%03d", siteBefore + 1) + "P")
                .hasSize(22);
        assertThat(permit.getValidFrom()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(permit.getValidUntil()).as("five years (Art 14)").isEqualTo(LocalDate.of(2031, 3, 16));
        assertThat(permit.getManagementCategory()).isEqualTo(ManagementCategory.KEY);
        // 重点: annual and quarterly reports. Q1 2026 (held 15 days) and the year 2031 (held 2½ months) need none.
        assertThat(permit.getReports()).hasSize(25);
        assertThat(permit.getReports().get(0)).satisfies(r -> {
            assertThat(r.getKind()).isEqualTo(ReportKind.QUARTERLY);
            assertThat(r.getPeriod()).isEqualTo("2026-Q2");
            assertThat(r.getDueOn()).isEqualTo(LocalDate.of(2026, 7, 15));
        });
        assertThat(permit.getReports()).filteredOn(r -> r.getKind() == ReportKind.ANNUAL)
                .extracting(Permit.ReportDue::getPeriod, Permit.ReportDue::getDueOn)
                .containsExactly(tuple("2026", LocalDate.of(2027, 1, 15)), tuple("2027", LocalDate.of(2028, 1, 17)),
                        tuple("2028", LocalDate.of(2029, 1, 15)), tuple("2029", LocalDate.of(2030, 1, 15)),
                        tuple("2030", LocalDate.of(2031, 1, 15)));
        assertThat(actions(c)).containsExactly("FILED", "ACCEPTED", "ADMISSION_CHECKED", "TECHNICAL_REVIEWED",
                "JOINT_OPINION_GIVEN", "REMINDER_SENT", "JOINT_REVIEW_OVERDUE", "JOINT_OPINION_GIVEN", "SITE_INSPECTED",
                "DECIDED_TO_ISSUE", "PERMIT_ISSUED");
        assertThat(trail(c).get(4).getActor()).isEqualTo("reviewer-drc");
        assertThat(trail(c).get(4).getActorDepartment()).isEqualTo("city-drc");
        assertThat(managementService.createJobQuery().processInstanceId(c.pi().getId()).count()).isZero();
    }

    // --- 6. the clock stops for corrections, expert review and a hearing; its timers follow --------------------------

    @Test
    void corrections_expertReviewAndAHearingStopTheStatutoryClockAndItsTimersFollowTheLedger() {
        Case c = file(Applications.withoutHeavyMetalDischarge());
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT"));
        assertThat(application(c).getManagementCategory()).isEqualTo(ManagementCategory.SIMPLIFIED);
        // 简化: 20 working days from Mon 2 Mar — Monday 30 March
        assertThat(clock(c).dueDay()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).getDuedate()).isEqualTo(at(2026, 3, 30, 23, 59));
        assertThat(statutoryItem(c).getDueAt()).as("the supervisors' item of the statutory limit")
                .isEqualTo(at(2026, 3, 30, 23, 59).toInstant());
        assertThat(statutoryItem(c).getResponsible()).isEqualTo("city-epb");

        // Wed 4 Mar: the reviewer asks for corrections; the clock stops (4 Mar itself still counts)
        moveClockTo(ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, SHANGHAI));
        complete(c, reviewer, TASK_TECHNICAL_REVIEW, Map.of(F_REVIEW_OUTCOME, "REQUEST_CORRECTION",
                F_REVIEW_CORRECTION_ITEMS, FormLists.value(List.of(Map.of(C_ITEM, "废水处理站设计参数"),
                        Map.of(C_ITEM, "雨污分流图"))), F_REVIEW_COMMENT, "需补充设计参数"));
        assertThat(c.pi()).hasPassed("Gateway_ReviewOutcome").isWaitingAt(TASK_SUBMIT_REVIEW_CORRECTIONS);
        assertThat(task(c)).hasCandidateGroup("enterprise-1");
        assertThat(application(c).getState()).isEqualTo(ApplicationState.REVIEW_CORRECTION);
        StatutoryClock stopped = clock(c);
        assertThat(stopped.suspended()).isTrue();
        assertThat(stopped.usedDays()).isEqualTo(2);
        assertThat(stopped.remainingDays()).isEqualTo(18);
        assertThat(stopped.dueDay()).isNull();
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).isSuspended()).as("held while the clock stands still").isTrue();
        assertThat(timer(c, TIMER_STATUTORY_REMINDER).isSuspended()).isTrue();
        assertThat(statutoryItem(c).isPaused()).as("the supervisors' item stands still too").isTrue();
        assertThat(deadlineItems.stateOf(statutoryItem(c))).isEqualTo(org.hmcflow.supervision.SlaState.PAUSED);

        // past the original due day, the held timers do not fire; only the enterprise's own reminder does
        moveClockTo(ZonedDateTime.of(2026, 3, 31, 10, 0, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("ServiceTask_RemindReviewCorrections").hasNotPassed("ServiceTask_StatutoryEscalation");
        assertThat(application(c).isStatutoryOverdue()).isFalse();
        assertThat(clock(c).remainingDays()).isEqualTo(18);
        assertThat(deadlineItems.stateOf(statutoryItem(c))).as("past its old due day, still paused, not overdue")
                .isEqualTo(org.hmcflow.supervision.SlaState.PAUSED);

        // the corrections come on Tue 31 Mar: 5 Mar–31 Mar (19 working days) do not count; 18 remain from 1 Apr
        applications.resubmit(enterprise, c.id(), Applications.withoutHeavyMetalDischarge().build(), "已补充设计参数和雨污分流图");
        assertThat(c.pi()).hasPassed(TASK_SUBMIT_REVIEW_CORRECTIONS, "Gateway_JoinTechnicalReview").isWaitingAt(TASK_TECHNICAL_REVIEW);
        StatutoryClock resumed = clock(c);
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.suspendedDays()).isEqualTo(19);
        assertThat(resumed.dueDay()).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).isSuspended()).isFalse();
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).getDuedate()).isEqualTo(at(2026, 4, 27, 23, 59));
        assertThat(timer(c, TIMER_STATUTORY_REMINDER).getDuedate()).isEqualTo(at(2026, 4, 20, 9, 0));
        assertThat(variable(c, VAR_DECISION_DUE)).isEqualTo(at(2026, 4, 27, 23, 59));
        assertThat(statutoryItem(c).getDueAt()).as("moved by the correction pause").isEqualTo(at(2026, 4, 27, 23, 59).toInstant());
        assertThat(statutoryItem(c).isPaused()).as("and runs again").isFalse();

        moveClockTo(ZonedDateTime.of(2026, 4, 1, 10, 0, 0, 0, SHANGHAI));
        complete(c, reviewer, TASK_TECHNICAL_REVIEW, Map.of(F_REVIEW_OUTCOME, "PROCEED", F_CATEGORY, "SIMPLIFIED",
                F_REVIEW_COMMENT, "补正后材料齐全"));
        assertThat(c.pi()).hasPassed("Gateway_NeedsJointReview", "Gateway_NeedsSiteInspection").isWaitingAt(TASK_DECIDE);
        assertThat(task(c).getDueDate()).isEqualTo(at(2026, 4, 27, 23, 59));

        // Thu 2 Apr: expert review (行政许可法 Art 45); no decision while the clock stands still; only the bureau stops it
        moveClockTo(ZonedDateTime.of(2026, 4, 2, 9, 0, 0, 0, SHANGHAI));
        assertThatThrownBy(() -> applications.pauseClock(reviewer2, c.id(), PauseReason.EXPERT_REVIEW, "专家评审"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> applications.pauseClock(reviewer, c.id(), PauseReason.CORRECTION, "补正"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("reason"));
        applications.pauseClock(reviewer, c.id(), PauseReason.EXPERT_REVIEW, "组织专家评审废水处理工艺");
        assertThat(task(c).getDueDate()).as("no due day while stopped").isNull();
        InvalidInputException paused = invalidInput(() -> complete(c, reviewer, TASK_DECIDE,
                Map.of(F_DECISION, "ISSUE", F_DECISION_COMMENT, "准予")));
        assertThat(paused.problems()).extracting(FieldProblem::messageKey).containsExactly("hmc.validation.clock-paused");

        // resumed Thu 9 Apr: 3, 7, 8 and 9 Apr did not count (4–6 Apr is 清明) — due Wed 6 May, after 劳动节
        moveClockTo(ZonedDateTime.of(2026, 4, 9, 17, 0, 0, 0, SHANGHAI));
        applications.resumeClock(reviewer, c.id(), "专家评审意见已出具");
        assertThat(clock(c).dueDay()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(task(c).getDueDate()).isEqualTo(at(2026, 5, 6, 23, 59));

        // a hearing Mon 13 – Fri 17 Apr: four more working days; the make-up Saturday 9 May counts
        moveClockTo(ZonedDateTime.of(2026, 4, 13, 9, 0, 0, 0, SHANGHAI));
        applications.pauseClock(reviewer, c.id(), PauseReason.HEARING, "申请人申请听证");
        moveClockTo(ZonedDateTime.of(2026, 4, 17, 16, 0, 0, 0, SHANGHAI));
        applications.resumeClock(reviewer, c.id(), null);
        StatutoryClock afterHearing = clock(c);
        assertThat(afterHearing.dueDay()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(timer(c, TIMER_STATUTORY_OVERDUE).getDuedate()).isEqualTo(at(2026, 5, 11, 23, 59));
        assertThat(statutoryItem(c).getDueAt()).isEqualTo(at(2026, 5, 11, 23, 59).toInstant());
        assertThat(applications.details(reviewer, c.id()).pauses())
                .extracting(ClockPause::getReason, ClockPause::getStartedOn, ClockPause::getEndedOn)
                .containsExactly(tuple(PauseReason.CORRECTION, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 31)),
                        tuple(PauseReason.EXPERT_REVIEW, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 9)),
                        tuple(PauseReason.HEARING, LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 17)));

        moveClockTo(ZonedDateTime.of(2026, 4, 20, 10, 0, 0, 0, SHANGHAI));
        complete(c, reviewer, TASK_DECIDE, Map.of(F_DECISION, "REFUSE",
                F_DECISION_COMMENT, "经专家评审和听证，废水处理工艺不能稳定达标，不予许可"));
        assertThat(c.pi()).hasPassed("Gateway_Decision", END_REFUSED).hasNotPassed("ServiceTask_IssuePermit").isEnded();
        assertThat(application(c).getState()).isEqualTo(ApplicationState.REFUSED);
        assertThat(permits.findByApplicationId(c.id())).isEmpty();
        assertThat(deadlineItems.ofCase(KEY, String.valueOf(c.id()))).as("every item of the case closed")
                .allSatisfy(i -> assertThat(i.isOpen()).isFalse())
                .filteredOn(i -> i.getStepKey().equals(DEADLINE_DECISION)).singleElement()
                .satisfies(i -> assertThat(i.getCloseReason()).isEqualTo(DeadlineItem.CloseReason.DONE));
        assertThat(actions(c)).containsExactly("FILED", "ACCEPTED", "ADMISSION_CHECKED", "REVIEW_CORRECTION_REQUESTED",
                "CLOCK_PAUSED", "REMINDER_SENT", "CONTENTS_CORRECTED", "REVIEW_CORRECTIONS_RESUBMITTED", "CLOCK_RESUMED",
                "TECHNICAL_REVIEWED", "CLOCK_PAUSED", "CLOCK_RESUMED", "CLOCK_PAUSED", "CLOCK_RESUMED", "REFUSED");
        assertThat(trail(c).get(4).getChanges()).contains("\"reason\":\"CORRECTION\"").contains("行政许可法");
    }

    // --- 7. the statutory limit passes ------------------------------------------------------------------------------

    @Test
    void whenTheStatutoryLimitPassesTheBureauAndSupervisorsAreToldAndTheDecisionIsStillMade() {
        Case c = file(Applications.withoutHeavyMetalDischarge());
        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT"));
        moveClockTo(ZonedDateTime.of(2026, 3, 3, 10, 0, 0, 0, SHANGHAI));
        complete(c, reviewer, TASK_TECHNICAL_REVIEW, Map.of(F_REVIEW_OUTCOME, "PROCEED", F_CATEGORY, "SIMPLIFIED",
                F_REVIEW_COMMENT, "材料齐全"));
        assertThat(c.pi()).isWaitingAt(TASK_DECIDE);

        moveClockTo(ZonedDateTime.of(2026, 3, 23, 9, 0, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).as("the statutory reminder, 5 working days before Mon 30 Mar").isEqualTo(1);
        moveClockTo(ZonedDateTime.of(2026, 3, 30, 23, 59, 30, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("ServiceTask_StatutoryReminder", "ServiceTask_StatutoryEscalation").isWaitingAt(TASK_DECIDE);
        assertThat(application(c).isStatutoryOverdue()).isTrue();
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION))
                .extracting(Notification::getRecipientGroup, Notification::getTaskKey)
                .containsExactlyInAnyOrder(tuple("city-epb", DEADLINE_DECISION), tuple("hmc-supervisor", DEADLINE_DECISION));

        moveClockTo(ZonedDateTime.of(2026, 3, 31, 9, 0, 0, 0, SHANGHAI));
        assertThat(clock(c).remainingDays()).isEqualTo(-1);
        complete(c, reviewer, TASK_DECIDE, Map.of(F_DECISION, "ISSUE", F_DECISION_COMMENT, "准予许可"));
        assertThat(c.pi()).hasPassed(END_ISSUED).isEnded();
        assertThat(permits.findByApplicationId(c.id()).orElseThrow().getReports())
                .as("简化: annual reports only").allSatisfy(r -> assertThat(r.getKind()).isEqualTo(ReportKind.ANNUAL));
        assertThat(actions(c)).containsSubsequence("STATUTORY_REMINDER_SENT", "STATUTORY_DEADLINE_PASSED",
                "DECIDED_TO_ISSUE", "PERMIT_ISSUED");
    }

    // --- 8. who may do what --------------------------------------------------------------------------------------------

    @Test
    void onlyTheDecidingBureauAcceptsAndOnlyTheApplicantCorrects() {
        // an application is filed by the enterprise; bureau staff cannot start one in the engine either
        identityService.setAuthentication(reviewer.username(), reviewer.groups());
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, Map.of(VAR_APPLICATION_ID, 1L)))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        Case c = file(Applications.existingLeadBatterySite());
        assertThatThrownBy(() -> complete(c, reviewer2, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "ACCEPT")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(c.pi()).isWaitingAt(TASK_ACCEPT);
        assertThat(visibleTasks(reviewer2, c)).isEmpty();
        assertThat(visibleTasks(enterprise, c)).isEmpty();

        complete(c, reviewer, TASK_ACCEPT, Map.of(F_ACCEPTANCE_DECISION, "RETURN", F_MISSING_ITEMS, missing("承诺书")));
        assertThat(visibleTasks(enterprise, c)).containsExactly(TASK_SUBMIT_CORRECTIONS);
        assertThat(visibleTasks(enterprise2, c)).isEmpty();
        assertThatThrownBy(() -> applications.resubmit(enterprise2, c.id(), Applications.existingLeadBatterySite().build(), "x"))
                .isInstanceOf(org.hmcflow.shared.web.NotFoundException.class);
        InvalidInputException badStatement = invalidInput(() -> applications.resubmit(enterprise, c.id(),
                Applications.existingLeadBatterySite().build(), " "));
        assertThat(badStatement.problems()).extracting(FieldProblem::field).containsExactly(F_CORRECTION_STATEMENT);
        assertThat(actions(c)).containsExactly("FILED", "RETURNED_FOR_CORRECTION");
        assertThat(application(c).getState()).isEqualTo(ApplicationState.AWAITING_CORRECTION);
    }

    // --- steps --------------------------------------------------------------------------------------------------------

    private Case file(Applications contents) {
        PermitApplication a = applications.file(enterprise, contents.build());
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                .singleResult();
        assertThat(pi).isNotNull();
        assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(a.getId()));
        return new Case(a.getId(), pi);
    }

    /** Completes the application's open task {@code taskKey} as the user, the way Tasklist does. */
    private void complete(Case c, Actor actor, String taskKey, Map<String, Object> values) {
        Task task = tasks(c, taskKey).stream().findFirst().orElse(null);
        assertThat(task).as("open task " + taskKey).isNotNull();
        completeAs(actor, task, values);
    }

    /** Completes the joint-review step offered to the actor's department (in the called multi-party review). */
    private void completeJoint(Case c, Actor actor, String opinion, String comment) {
        Task task = jointTasks(c).stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> actor.departmentCode().equals(l.getGroupId())))
                .findFirst().orElseThrow(() -> new AssertionError("no joint review for " + actor.departmentCode()));
        completeAs(actor, task, Map.of(MultiPartyReviewProcess.F_OPINION, opinion,
                MultiPartyReviewProcess.F_OPINION_TEXT, comment));
    }

    private void completeAs(Actor actor, Task task, Map<String, Object> values) {
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    // --- engine helpers -----------------------------------------------------------------------------------------------

    private Task task(Case c) {
        List<Task> open = taskService.createTaskQuery().processInstanceId(c.pi().getId()).list();
        assertThat(open).as("one open task").hasSize(1);
        return open.get(0);
    }

    private List<Task> tasks(Case c, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(c.pi().getId()).taskDefinitionKey(taskKey)
                .orderByTaskId().asc().list();
    }

    /** The multi-party review the application's joint review called. */
    private ProcessInstance jointReview(Case c) {
        ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.pi().getId())
                .processDefinitionKey(MultiPartyReviewProcess.KEY).singleResult();
        assertThat(review).as("the joint review's multi-party review").isNotNull();
        return review;
    }

    private List<Task> jointTasks(Case c) {
        return taskService.createTaskQuery().processInstanceId(jointReview(c).getId())
                .taskDefinitionKey(MultiPartyReviewProcess.TASK_GIVE_OPINION).orderByTaskId().asc().list();
    }

    private List<String> visibleJointTasks(Actor actor, Case c) {
        return ProcessTests.visibleTasks(identityService, taskService, actor, jointReview(c).getId());
    }

    private int fireDueJointTimers(Case c) {
        return ProcessTests.fireDueTimers(managementService, jointReview(c).getId());
    }

    private List<Notification> jointNotificationsOf(Case c, Notification.Kind kind) {
        return notifications.ofCase(MultiPartyReviewProcess.KEY, jointReview(c).getBusinessKey()).stream()
                .filter(n -> n.getKind() == kind).toList();
    }

    private Object variable(Case c, String name) {
        return runtimeService.getVariable(c.pi().getId(), name);
    }

    private int fireDueTimers(Case c) {
        return ProcessTests.fireDueTimers(managementService, c.pi().getId());
    }

    private Job timer(Case c, String activityId) {
        return ProcessTests.timer(managementService, c.pi().getId(), activityId);
    }

    private List<String> visibleTasks(Actor actor, Case c) {
        return ProcessTests.visibleTasks(identityService, taskService, actor, c.pi().getId());
    }

    // --- case helpers -------------------------------------------------------------------------------------------------

    private PermitApplication application(Case c) {
        return applications.visible(reviewer, c.id());
    }

    private StatutoryClock clock(Case c) {
        return applications.clockOf(application(c)).orElse(null);
    }

    private List<AuditEvent> trail(Case c) {
        return auditTrail.trailOf(CASE_TYPE, c.id());
    }

    private List<String> actions(Case c) {
        return trail(c).stream().map(AuditEvent::getAction).toList();
    }

    private List<Notification> notificationsOf(Case c, Notification.Kind kind) {
        return notifications.ofCase(KEY, String.valueOf(c.id())).stream().filter(n -> n.getKind() == kind).toList();
    }

    /** What is missing as the rows the acceptance form's dynamic list submits (a Json value). */
    static TypedValue missing(String... items) {
        return FormLists.value(java.util.Arrays.stream(items).map(item -> Map.of(C_MISSING_ITEM, item)).toList());
    }
}
