package org.hmcflow.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hmcflow.supervision.order.SupervisionOrderProcess.*;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.mail.MailOutbox;
import org.hmcflow.mail.OutboxMessage;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.supervision.DeadlineItem;
import org.hmcflow.supervision.DeadlineItems;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code supervision-order} (督办令), issued on the triage item of a reported hazard (city-epb's step,
 * enterprise 1): answered and closed; answered, returned with a new deadline, answered again and closed; withdrawn;
 * reminded and escalated once as the engine clock passes the reminder and the due date. The order's answer step is a
 * deadline item of lifecycle {@code supervision-order}, opened and closed with the step. The clock starts Monday
 * 2 March 2026; the rule supervision.order-answer gives 5 working days, reminded 1 working day before.
 */
@H2AppTest
class SupervisionOrderProcessTest {

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
    SupervisionOrderService orders;
    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    HazardService hazards;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    NotificationService notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    UserService users;
    @Autowired
    TransactionTemplate tx;

    EngineClockControl clock;
    Actor supervisor;
    Actor admin;
    Actor reviewer;
    Actor reviewer2;
    Actor enterprise;

    @BeforeEach
    void setUp() {
        init(processEngine);
        clock = new EngineClockControl(managementService);
        clock.set(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        supervisor = users.actor("supervisor").orElseThrow();
        admin = users.actor("admin").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
        reviewer2 = users.actor("reviewer2").orElseThrow();
        enterprise = users.actor("enterprise").orElseThrow();
        users.setEmail("reviewer", "wang.shenhe@epb.example.cn");
        users.setEmail("reviewer2", "li.shenhe@eit.example.cn");
        users.setEmail("supervisor", "zhang.duban@epb.example.cn");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        users.setEmail("reviewer", null);
        users.setEmail("reviewer2", null);
        users.setEmail("supervisor", null);
        users.setEmail("enterprise", null);
        EngineClockControl.reset();
    }

    @Test
    void anOrderIsIssuedAnsweredAndClosedAndItsAnswerStepIsADeadlineItem() {
        DeadlineItem triage = triageItem("电镀车间废水管道渗漏");
        SupervisionOrder order = issue(triage, null, null, "请于期限内完成研判定级并报告");
        ProcessInstance pi = instance(order);

        assertThat(order.getStatus()).isEqualTo(SupervisionOrder.Status.ISSUED);
        assertThat(order.getAddressee()).as("the item's responsible party").isEqualTo("city-epb");
        assertThat(order.getAddresseeKind()).isEqualTo(DeadlineItem.ResponsibleKind.DEPARTMENT);
        assertThat(order.getItemLifecycle()).isEqualTo("hazard-lifecycle");
        assertThat(order.getItemCaseRef()).isEqualTo(triage.getCaseRef());
        // 5 working days from Monday 2 March: Monday 9 March, end of day
        assertThat(order.getDueAt()).isEqualTo(at(2026, 3, 9, 23, 59).toInstant());
        assertThat(pi).isWaitingAt(TASK_ANSWER);
        Task answer = task(pi, TASK_ANSWER);
        assertThat(answer.getDueDate()).isEqualTo(at(2026, 3, 9, 23, 59));
        assertThat(groups(answer)).containsExactly("city-epb");
        assertThat(taskService.getVariable(answer.getId(), VAR_ORDER_COMMENT)).isEqualTo("请于期限内完成研判定级并报告");

        // the answer step joined the deadline items by itself, as every step with a due date does
        assertThat(orderItems(order)).singleElement().satisfies(item -> {
            assertThat(item.getStepKey()).isEqualTo(TASK_ANSWER);
            assertThat(item.getResponsible()).isEqualTo("city-epb");
            assertThat(item.getEnterpriseId()).isEqualTo(1L);
            assertThat(item.getDueAt()).isEqualTo(order.getDueAt());
            assertThat(item.isOpen()).isTrue();
        });
        // the addressee's users with an address are mailed (the supervisor is of the bureau too), Chinese first
        assertThat(outbox.ofEvent("order-issued:" + order.getId())).extracting(OutboxMessage::getRecipient)
                .containsExactly("wang.shenhe@epb.example.cn", "zhang.duban@epb.example.cn");
        assertThat(outbox.ofEvent("order-issued:" + order.getId()).get(0)).satisfies(m -> {
            assertThat(m.getSubject()).startsWith("【督办令】").contains("Supervision order");
            assertThat(m.getBody()).contains("请于期限内完成研判定级并报告", "2026-03-09 23:59");
            assertThat(m.getBody().indexOf("您收到一份督办令")).isLessThan(m.getBody().indexOf("You have received"));
        });

        // others may not answer: the issuing supervisor is of the bureau too, but does not answer its own order (not
        // through the API, nor through Tasklist, which offers it the step); reviewer2 does not see it
        assertThatThrownBy(() -> answer(supervisor, order, "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> completeAs(supervisor, answer, Map.of(F_ANSWER, "自己回复")))
                .hasStackTraceContaining("hmc.error.order.own-order");
        assertThat(reload(order).getStatus()).isEqualTo(SupervisionOrder.Status.ISSUED);
        assertThatThrownBy(() -> answer(reviewer2, order, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review(supervisor, order, true, null, null)).isInstanceOf(ConflictException.class);
        assertThat(invalidInput(() -> answer(reviewer, order, " ")).problems()).extracting(FieldProblem::field)
                .containsExactly(F_ANSWER);

        clock.set(ZonedDateTime.of(2026, 3, 4, 15, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        answer(reviewer, order, "已完成研判，定为一般隐患");
        assertThat(reload(order).getStatus()).isEqualTo(SupervisionOrder.Status.ANSWERED);
        assertThat(reload(order).getAnsweredBy()).isEqualTo("reviewer");
        assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(groups(task(pi, TASK_REVIEW))).containsExactly("hmc-supervisor");
        // the review is due in 3 working days (supervision.order-review): Wed 4 Mar → Mon 9 Mar, on the supervisors' list
        assertThat(task(pi, TASK_REVIEW).getDueDate()).isEqualTo(at(2026, 3, 9, 23, 59));
        assertThat(orderItems(order)).filteredOn(i -> i.getStepKey().equals(TASK_REVIEW) && i.isOpen()).singleElement()
                .satisfies(item -> assertThat(item.getResponsible()).isEqualTo("hmc-supervisor"));
        assertThat(orderItems(order)).filteredOn(i -> i.getStepKey().equals(TASK_ANSWER)).singleElement()
                .satisfies(item -> assertThat(item.getCloseReason()).isEqualTo(DeadlineItem.CloseReason.DONE));

        assertThatThrownBy(() -> review(reviewer, order, true, null, null)).isInstanceOf(ForbiddenException.class);
        review(supervisor, order, true, "情况属实，同意办结", null);
        SupervisionOrder closed = reload(order);
        assertThat(closed.getStatus()).isEqualTo(SupervisionOrder.Status.CLOSED);
        assertThat(closed.getClosedBy()).isEqualTo("supervisor");
        assertThat(closed.getClosingComment()).isEqualTo("情况属实，同意办结");
        assertThat(pi).hasPassed(GATEWAY_ACCEPTED, END_CLOSED).isEnded();
        assertThat(orderItems(order)).noneMatch(DeadlineItem::isOpen);
        assertThat(actions(order)).containsExactly("ISSUED", "ANSWERED", "CLOSED");
        // the order still shows on its item
        assertThat(ofItem(supervisor, triage)).extracting(SupervisionOrder::getId)
                .containsExactly(order.getId());
        assertThatThrownBy(() -> withdraw(supervisor, order, "x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReturnedAnswerGetsANewDeadlineAndIsAnsweredAgainBeforeTheOrderCloses() {
        DeadlineItem triage = triageItem("酸洗槽防渗层破损");
        // 3 working days from Monday 2 March: Thursday 5 March
        SupervisionOrder order = issue(triage, "reviewer2", 3, "请市经信局核实企业停产情况");
        ProcessInstance pi = instance(order);
        assertThat(order.getAddresseeKind()).isEqualTo(DeadlineItem.ResponsibleKind.USER);
        Task first = task(pi, TASK_ANSWER);
        assertThat(first.getAssignee()).isEqualTo("reviewer2");
        assertThat(groups(first)).isEmpty();
        assertThat(first.getDueDate()).isEqualTo(at(2026, 3, 5, 23, 59));
        assertThat(orderItems(order)).singleElement().extracting(DeadlineItem::getResponsible,
                DeadlineItem::getResponsibleKind).containsExactly("reviewer2", DeadlineItem.ResponsibleKind.USER);
        assertThat(outbox.ofEvent("order-issued:" + order.getId())).extracting(OutboxMessage::getRecipient)
                .containsExactly("li.shenhe@eit.example.cn");
        assertThatThrownBy(() -> answer(reviewer, order, "x")).as("not addressed to the bureau")
                .isInstanceOf(NotFoundException.class);

        answer(reviewer2, order, "已核实，企业仍在生产");
        // Tasklist's path: returning needs a comment, which the form names
        Task review = task(pi, TASK_REVIEW);
        InvalidInputException noComment = invalidInput(() -> completeAs(supervisor, review,
                Map.of(F_DECISION, DECISION_RETURN)));
        assertThat(noComment.problems()).extracting(FieldProblem::field).containsExactly(F_REVIEW_COMMENT);
        // the API's path names its own field
        assertThat(invalidInput(() -> review(supervisor, order, false, " ", null)).problems())
                .extracting(FieldProblem::field).containsExactly("comment");
        InvalidInputException tooLong = invalidInput(() -> completeAs(supervisor, review,
                Map.of(F_DECISION, DECISION_RETURN, F_REVIEW_COMMENT, "补充", F_WORKING_DAYS, 400L)));
        assertThat(tooLong.problems()).extracting(FieldProblem::field).containsExactly(F_WORKING_DAYS);

        clock.set(ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        review(supervisor, order, false, "请附现场照片并说明用电量", 2);
        SupervisionOrder returned = reload(order);
        assertThat(returned.getStatus()).isEqualTo(SupervisionOrder.Status.RETURNED);
        assertThat(returned.getReturnedCount()).isEqualTo(1);
        // 2 working days from Wednesday 4 March: Friday 6 March
        assertThat(returned.getDueAt()).isEqualTo(at(2026, 3, 6, 23, 59).toInstant());
        assertThat(pi).isWaitingAt(TASK_ANSWER);
        Task second = task(pi, TASK_ANSWER);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getDueDate()).isEqualTo(at(2026, 3, 6, 23, 59));
        assertThat(ProcessTests.timer(managementService, pi.getId(), TIMER_OVERDUE).getDuedate())
                .isEqualTo(at(2026, 3, 6, 23, 59));
        assertThat(orderItems(order)).filteredOn(DeadlineItem::isOpen).singleElement()
                .satisfies(item -> assertThat(item.getDueAt()).isEqualTo(returned.getDueAt()));
        assertThat(outbox.ofEvent("order-returned:" + order.getId() + ":1")).singleElement()
                .satisfies(m -> assertThat(m.getBody()).contains("请附现场照片并说明用电量"));

        answer(reviewer2, order, "已补充现场照片，3月用电量为零");
        review(supervisor, order, true, null, null);
        assertThat(reload(order).getStatus()).isEqualTo(SupervisionOrder.Status.CLOSED);
        assertThat(reload(order).getAnswer()).isEqualTo("已补充现场照片，3月用电量为零");
        assertThat(pi).isEnded();
        assertThat(actions(order)).containsExactly("ISSUED", "ANSWERED", "RETURNED", "ANSWERED", "CLOSED");
    }

    @Test
    void theIssuerWithdrawsAnOpenOrderAndItsStepsItemCloses() {
        users.setEmail("enterprise", "huanbao@yuni-power.example.cn");
        DeadlineItem triage = triageItem("危废暂存间标识缺失");
        SupervisionOrder order = issue(triage, "enterprise-1", null, "请企业说明危废台账情况");
        ProcessInstance pi = instance(order);
        assertThat(groups(task(pi, TASK_ANSWER))).containsExactly("enterprise-1");
        assertThat(tx.execute(t -> orders.get(enterprise, order.getId())).getAddressee()).isEqualTo("enterprise-1");

        assertThatThrownBy(() -> withdraw(enterprise, order, "x")).isInstanceOf(ForbiddenException.class);
        assertThat(invalidInput(() -> withdraw(supervisor, order, " ")).problems()).extracting(FieldProblem::field)
                .containsExactly("reason");
        SupervisionOrder withdrawn = withdraw(supervisor, order, "已另行立案处理");
        assertThat(withdrawn.getStatus()).isEqualTo(SupervisionOrder.Status.WITHDRAWN);
        assertThat(withdrawn.getClosingComment()).isEqualTo("已另行立案处理");
        assertThat(outbox.ofEvent("order-withdrawn:" + order.getId())).extracting(OutboxMessage::getRecipient)
                .as("the addressee is told, as it was of the order").containsExactlyInAnyOrderElementsOf(
                        outbox.ofEvent("order-issued:" + order.getId()).stream().map(OutboxMessage::getRecipient).toList())
                .isNotEmpty();
        assertThat(outbox.ofEvent("order-withdrawn:" + order.getId()).get(0).getBody()).contains("已另行立案处理");
        assertThat(pi).hasPassed(END_WITHDRAWN).isEnded();
        assertThat(orderItems(order)).singleElement().satisfies(item -> {
            assertThat(item.isOpen()).isFalse();
            assertThat(item.getCloseReason()).isEqualTo(DeadlineItem.CloseReason.CANCELLED);
        });
        assertThatThrownBy(() -> answer(enterprise, order, "迟到的回复")).isInstanceOf(ConflictException.class);
        assertThat(actions(order)).containsExactly("ISSUED", "WITHDRAWN");
        // the item keeps it in its history
        assertThat(ofItem(supervisor, triage)).extracting(SupervisionOrder::getStatus)
                .containsExactly(SupervisionOrder.Status.WITHDRAWN);
    }

    @Test
    void anUnansweredOrderIsRemindedThenEscalatedOnceAndMailed() {
        DeadlineItem triage = triageItem("除尘设施未运行");
        SupervisionOrder order = issue(triage, null, null, "请立即核查");
        ProcessInstance pi = instance(order);
        assertThat(ProcessTests.timer(managementService, pi.getId(), TIMER_REMINDER).getDuedate())
                .as("1 working day before the due day, at 09:00").isEqualTo(at(2026, 3, 6, 9, 0));

        clock.set(ZonedDateTime.of(2026, 3, 6, 9, 0, 30, 0, ProcessTests.SHANGHAI).toInstant());
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(fire(pi)).isZero();
        clock.set(ZonedDateTime.of(2026, 3, 9, 23, 59, 30, 0, ProcessTests.SHANGHAI).toInstant());
        assertThat(fire(pi)).isEqualTo(1);
        assertThat(fire(pi)).isZero();
        assertThat(pi).hasPassed(SERVICE_TASK_REMIND, SERVICE_TASK_ESCALATE).isWaitingAt(TASK_ANSWER);

        List<Notification> sent = notifications.ofCase(KEY, String.valueOf(order.getId()));
        assertThat(sent).extracting(Notification::getKind, Notification::getRecipientGroup).containsExactlyInAnyOrder(
                tuple(Notification.Kind.REMINDER, "city-epb"), tuple(Notification.Kind.ESCALATION, "city-epb"),
                tuple(Notification.Kind.ESCALATION, "hmc-supervisor"));
        long due = at(2026, 3, 9, 23, 59).getTime();
        assertThat(outbox.ofEvent("REMINDER:" + KEY + ":" + order.getId() + ":" + TASK_ANSWER + ":" + due + ":city-epb"))
                .extracting(OutboxMessage::getRecipient)
                .containsExactly("wang.shenhe@epb.example.cn", "zhang.duban@epb.example.cn");
        assertThat(outbox.ofEvent("ESCALATION:" + KEY + ":" + order.getId() + ":" + TASK_ANSWER + ":" + due + ":city-epb"))
                .extracting(OutboxMessage::getRecipient)
                .containsExactly("wang.shenhe@epb.example.cn", "zhang.duban@epb.example.cn");

        // late, the answer still closes the step
        clock.set(ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, ProcessTests.SHANGHAI).toInstant());
        answer(reviewer, order, "已核查，设施已恢复运行");
        review(admin, order, true, null, null);
        assertThat(pi).isEnded();
        assertThat(fire(pi)).isZero();
    }

    @Test
    void onlySupervisorsIssueOnAnOpenItemWithAValidAddresseeAndPeriod() {
        DeadlineItem triage = triageItem("废气排口采样平台缺失");
        assertThatThrownBy(() -> issue(reviewer, triage, null, null, "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> issue(supervisor, -1L, null, null, "x")).isInstanceOf(NotFoundException.class);
        InvalidInputException bad = invalidInput(() -> issue(supervisor, triage, "no-such-department", 0, " "));
        assertThat(bad.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("comment", "workingDays", "addressee");
        assertThat(invalidInput(() -> issue(supervisor, triage, "enterprise-999999", null, "x")).problems())
                .extracting(FieldProblem::field).containsExactly("addressee");
        // a step that is done has a closed item: no order on it
        completeAs(reviewer, taskService.createTaskQuery().processInstanceId(triage.getProcessInstanceId())
                .taskDefinitionKey(triage.getStepKey()).singleResult(), Map.of("triageDecision", "DISMISS",
                "triageComment", "现场核实不存在"));
        assertThatThrownBy(() -> issue(triage, null, null, "x")).isInstanceOf(ConflictException.class);
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private DeadlineItem triageItem(String title) {
        Hazard h = hazards.report(enterprise, new HazardService.Report(null, null, title, "企业自查发现：" + title,
                "清城区龙塘镇工业园 3 号车间", List.of("Cr"), null));
        return deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).stream()
                .filter(DeadlineItem::isOpen).findFirst().orElseThrow();
    }

    private SupervisionOrder issue(DeadlineItem item, String addressee, Integer workingDays, String comment) {
        return issue(supervisor, item, addressee, workingDays, comment);
    }

    private SupervisionOrder issue(Actor actor, DeadlineItem item, String addressee, Integer workingDays, String comment) {
        return issue(actor, item.getId(), addressee, workingDays, comment);
    }

    private SupervisionOrder issue(Actor actor, Long itemId, String addressee, Integer workingDays, String comment) {
        return tx.execute(t -> orders.issue(actor, itemId,
                new SupervisionOrderService.IssueRequest(addressee, workingDays, comment)));
    }

    private void answer(Actor actor, SupervisionOrder order, String text) {
        tx.executeWithoutResult(t -> orders.answer(actor, order.getId(), text));
    }

    private void review(Actor actor, SupervisionOrder order, boolean accept, String comment, Integer workingDays) {
        tx.executeWithoutResult(t -> orders.review(actor, order.getId(), accept, comment, workingDays));
    }

    private SupervisionOrder withdraw(Actor actor, SupervisionOrder order, String reason) {
        return tx.execute(t -> orders.withdraw(actor, order.getId(), reason));
    }

    private List<SupervisionOrder> ofItem(Actor actor, DeadlineItem item) {
        List<SupervisionOrder> list = tx.execute(t -> orders.ofItem(actor, item.getId()));
        return list;
    }

    private SupervisionOrder reload(SupervisionOrder order) {
        return tx.execute(t -> orders.get(supervisor, order.getId()));
    }

    private ProcessInstance instance(SupervisionOrder order) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(order.getId())).singleResult();
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    private List<DeadlineItem> orderItems(SupervisionOrder order) {
        return deadlineItems.ofCase(KEY, String.valueOf(order.getId()));
    }

    private void completeAs(Actor actor, Task task, Map<String, Object> values) {
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), new HashMap<>(values));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private int fire(ProcessInstance pi) {
        return ProcessTests.fireDueTimers(managementService, pi.getId());
    }

    private List<String> actions(SupervisionOrder order) {
        return auditTrail.trailOf(CASE_TYPE, order.getId()).stream().map(AuditEvent::getAction).toList();
    }
}
