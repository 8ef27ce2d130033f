package org.hmcflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.support.ProcessTests.fireDueTimers;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.hmcflow.hazard.EvidenceFile;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.mail.MailOutbox;
import org.hmcflow.mail.OutboxMessage;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and escalations reach the step's people by e-mail through the outbox and a real SMTP server (GreenMail,
 * in this JVM): one message per event and address, however often the sender runs, with a stable Message-ID; an event
 * whose transaction rolls back sends nothing. An application with mail settings of its own, so it runs in the
 * "isolated" execution (one JVM per class; Camunda's engine registry is static).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hmc-mail;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=localhost", "spring.mail.port=3025",
        "hmc.mail.enabled=true", "hmc.mail.send-interval=PT24H", "hmc.mail.from=HMC-Flow <hmc@bureau.example>"})
class DeadlineMailIsolatedTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday before Spring Festival 2026: triage due Tue 24 Feb 23:59. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 2, 12, 10, 0, 0, 0, SHANGHAI);

    @Autowired
    MailOutbox outbox;
    @Autowired
    HazardService hazards;
    @Autowired
    UserService users;
    @Autowired
    ManagementService management;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @BeforeEach
    void setUp() {
        moveClockTo(START);
        assertThat(users.setEmail("reviewer", "reviewer@epb.example")).isTrue();
        assertThat(users.setEmail("supervisor", "supervisor@epb.example")).isTrue();
        assertThat(users.setEmail("reviewer2", "reviewer2@eit.example")).as("another department").isTrue();
        users.setMailDigest("reviewer", false);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    Job timer(Hazard h, String activityId) {
        return management.createJobQuery().processInstanceId(h.getProcessInstanceId()).activityId(activityId).singleResult();
    }

    static String first(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReminderAndAnEscalationGoOnceToEachAddressWithAStableMessageId() throws Exception {
        Hazard h = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                "电镀槽旁地面疑似渗漏", "企业自查发现", "3 号车间", List.of("Cr"), null));
        Job reminder = timer(h, "BoundaryEvent_TriageReminder");
        moveClockTo(ZonedDateTime.ofInstant(reminder.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
        management.executeJob(reminder.getId());

        assertThat(smtp.getReceivedMessages()).as("queued, not sent in the event's transaction").isEmpty();
        // the step's department city-epb: the reviewer and the supervisor, who belongs to it; not city-eit's reviewer2
        assertThat(outbox.sendPending()).isEqualTo(2);
        assertThat(outbox.sendPending()).as("sent once").isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).extracting(DeadlineMailIsolatedTest::first)
                .containsExactlyInAnyOrder("reviewer@epb.example", "supervisor@epb.example");
        MimeMessage toReviewer = Arrays.stream(received).filter(m -> first(m).startsWith("reviewer@")).findFirst()
                .orElseThrow();
        assertThat(toReviewer.getSubject()).startsWith("【到期提醒】hazard-lifecycle " + h.getId());
        assertThat(toReviewer.getFrom()[0].toString()).contains("hmc@bureau.example");
        assertThat(toReviewer.getContent().toString()).contains("即将到期").contains("2026-02-24 23:59");
        String messageId = toReviewer.getMessageID();
        assertThat(messageId).matches("<[0-9a-f]{32}@hmc-flow>");

        Job overdue = timer(h, "BoundaryEvent_TriageOverdue");
        moveClockTo(ZonedDateTime.ofInstant(overdue.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
        management.executeJob(overdue.getId());
        assertThat(outbox.sendPending()).isEqualTo(2);
        received = smtp.getReceivedMessages();
        assertThat(received).hasSize(4);
        assertThat(Arrays.stream(received).map(m -> first(m) + " " + subject(m).substring(0, 6)))
                .containsExactlyInAnyOrder("reviewer@epb.example 【到期提醒】", "supervisor@epb.example 【到期提醒】",
                        "reviewer@epb.example 【逾期督办】", "supervisor@epb.example 【逾期督办】");
        assertThat(Arrays.stream(received).map(DeadlineMailIsolatedTest::messageId).distinct()).hasSize(4).contains(messageId);
        assertThat(outbox.sendPending()).isZero();
    }

    @Test
    void aReminderWhoseStepEndedBeforeTheSenderRanIsSkippedNotSent() {
        Hazard h = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                "危废暂存间标识缺失", "企业自查发现", "2 号车间", List.of("Cr"), null));
        Job reminder = timer(h, "BoundaryEvent_TriageReminder");
        moveClockTo(ZonedDateTime.ofInstant(reminder.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
        management.executeJob(reminder.getId());
        List<OutboxMessage> queued = outbox.aboutInstance(h.getProcessInstanceId());
        assertThat(queued).extracting(OutboxMessage::getRecipient)
                .containsExactly("reviewer@epb.example", "supervisor@epb.example");
        assertThat(queued).allSatisfy(m -> {
            assertThat(m.getProcessInstanceId()).isEqualTo(h.getProcessInstanceId());
            assertThat(m.getTaskId()).isNotNull();
        });

        // the reviewer dismisses the hazard before the sender runs: the step and the case end
        org.camunda.bpm.engine.task.Task triage = taskService.createTaskQuery()
                .processInstanceId(h.getProcessInstanceId()).singleResult();
        identity.setAuthentication("reviewer", users.actor("reviewer").orElseThrow().groups());
        try {
            taskService.complete(triage.getId(), java.util.Map.of("triageDecision", "DISMISS",
                    "triageComment", "现场核实为雨水，非隐患"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(outbox.sendPending()).as("nothing for a closed case").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(outbox.aboutInstance(h.getProcessInstanceId())).hasSize(2).allSatisfy(m -> {
            assertThat(m.getSentAt()).isNull();
            assertThat(m.getSkippedAt()).isNotNull();
            assertThat(m.getSkipReason()).startsWith("step ended");
        });
        assertThat(outbox.sendPending()).as("a skipped message stays skipped").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Autowired
    NotificationService notifications;
    @Autowired
    org.hmcflow.enterprise.EnterpriseContacts contacts;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
            0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    /** What one event of the case must reach: the in-app recipients (groups, or user:name) and the e-mail addresses. */
    record Expected(List<String> inApp, List<String> mail) {
    }

    /**
     * A general hazard's whole life (triage → rectification → verification → close-out → 回头看), each step left to
     * run past its reminder and its deadline with the engine clock: every reminder and escalation reaches exactly the
     * recipients of one table, in the app and by e-mail, once — timers fired and sender run twice add nothing.
     */
    @Test
    void everyReminderAndEscalationOfAHazardsLifeArrivesOnceToTheRecipientsOfTheTable() {
        // every demo user has an address: those outside the step's groups must get nothing
        for (String u : List.of("admin", "reviewer", "reviewer2", "monitor", "county", "supervisor", "enterprise",
                "enterprise2")) {
            users.setEmail(u, u + "@life.example");
        }
        // enterprise 1's contacts: one with its own address, one with the enterprise user's (sent once), one without
        var admin = users.actor("admin").orElseThrow();
        contacts.add(admin, 1L, "陈厂长", "0763-1234567", "chen@plating.example");
        contacts.add(admin, 1L, "值班室", null, "ENTERPRISE@life.example");
        contacts.add(admin, 1L, "门卫", "0763-7654321", null);
        List<String> epb = List.of("reviewer@life.example", "supervisor@life.example"); // supervisor is in city-epb
        Map<String, Expected> table = new java.util.LinkedHashMap<>();
        table.put("REMINDER Task_TriageHazard", new Expected(List.of("city-epb"), epb));
        table.put("ESCALATION Task_TriageHazard", new Expected(List.of("city-epb", "hmc-supervisor"), epb));
        table.put("REMINDER Task_Rectify", new Expected(List.of("enterprise-1"),
                List.of("chen@plating.example", "enterprise@life.example")));
        table.put("ESCALATION Task_Rectify", new Expected(List.of("enterprise-1", "hmc-supervisor"),
                List.of("chen@plating.example", "enterprise@life.example", "supervisor@life.example")));
        table.put("REMINDER Task_VerifyRectification", new Expected(List.of("city-epb"), epb));
        table.put("ESCALATION Task_VerifyRectification", new Expected(List.of("city-epb", "hmc-supervisor"), epb));
        table.put("REMINDER Task_FollowUpRecheck", new Expected(List.of("city-epb"), epb));
        table.put("ESCALATION Task_FollowUpRecheck", new Expected(List.of("city-epb", "hmc-supervisor"), epb));

        Hazard h = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                "镀铬槽排风管道破损", "企业自查发现", "4 号车间", List.of("Cr"), null));
        String pi = h.getProcessInstanceId();

        pass(pi, "BoundaryEvent_TriageReminder");
        pass(pi, "BoundaryEvent_TriageOverdue");
        complete(pi, "reviewer", "Task_TriageHazard", Map.of("triageDecision", "GENERAL", "responsibleGroup", "city-epb",
                "rectificationWorkingDays", 10, "triageComment", "一般隐患"));
        pass(pi, "BoundaryEvent_RectifyReminder");
        pass(pi, "BoundaryEvent_RectifyOverdue");
        for (EvidenceFile.Kind kind : List.of(EvidenceFile.Kind.BEFORE, EvidenceFile.Kind.AFTER)) {
            hazards.attach(users.actor("enterprise").orElseThrow(), h.getId(), kind, "1号电镀槽",
                    kind.name().toLowerCase() + ".png", "image/png", PNG);
        }
        complete(pi, "enterprise", "Task_Rectify", Map.of("rectificationSummary", "已更换管道"));
        pass(pi, "BoundaryEvent_VerifyReminder");
        pass(pi, "BoundaryEvent_VerifyOverdue");
        complete(pi, "reviewer", "Task_VerifyRectification", Map.of("verificationResult", "PASS",
                "verificationComment", "整改到位"));
        pass(pi, "TimerEvent_WaitForRecheck");
        pass(pi, "BoundaryEvent_RecheckReminder");
        pass(pi, "BoundaryEvent_RecheckOverdue");
        complete(pi, "reviewer", "Task_FollowUpRecheck", Map.of("recheckResult", "CONFIRMED", "recheckComment", "无反弹"));
        assertThat(workflowIsRunning(pi)).as("the case is over").isFalse();
        assertThat(fireDueTimers(management, pi)).isZero();
        assertThat(outbox.sendPending()).isZero();

        Map<String, List<String>> inApp = new java.util.TreeMap<>();
        for (Notification n : notifications.ofCase("hazard-lifecycle", String.valueOf(h.getId()))) {
            inApp.computeIfAbsent(n.getKind() + " " + n.getTaskKey(), k -> new java.util.ArrayList<>())
                    .add(n.getRecipientGroup() != null ? n.getRecipientGroup() : "user:" + n.getRecipientUser());
        }
        Map<String, List<String>> mail = new java.util.TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String subject = subject(m);
            if (subject.contains(" " + h.getId() + " ")) {
                String kind = subject.startsWith("【逾期督办】") ? "ESCALATION" : "REMINDER";
                String task = subject.substring(subject.lastIndexOf(": ") + 2);
                mail.computeIfAbsent(kind + " " + task, k -> new java.util.ArrayList<>()).add(first(m));
            }
        }
        assertThat(inApp.keySet()).as("events in the app").containsExactlyInAnyOrderElementsOf(table.keySet());
        assertThat(mail.keySet()).as("events by e-mail").containsExactlyInAnyOrderElementsOf(table.keySet());
        table.forEach((event, expected) -> {
            assertThat(inApp.get(event)).as("in-app recipients of " + event)
                    .containsExactlyInAnyOrderElementsOf(expected.inApp());
            assertThat(mail.get(event)).as("e-mail recipients of " + event)
                    .containsExactlyInAnyOrderElementsOf(expected.mail());
        });
    }

    /** Moves the clock just past the timer, fires what is due (twice) and runs the sender (twice). */
    private void pass(String pi, String timerId) {
        Job job = org.hmcflow.support.ProcessTests.timer(management, pi, timerId);
        moveClockTo(ZonedDateTime.ofInstant(job.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
        assertThat(fireDueTimers(management, pi)).as(timerId).isEqualTo(1);
        assertThat(fireDueTimers(management, pi)).as(timerId + " again").isZero();
        outbox.sendPending();
        assertThat(outbox.sendPending()).as("sent once: " + timerId).isZero();
    }

    private void complete(String pi, String username, String taskKey, Map<String, Object> values) {
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        identity.setAuthentication(username, users.actor(username).orElseThrow().groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private boolean workflowIsRunning(String pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0;
    }

    /**
     * 每日汇总: the reviewer takes the daily digest. Reminders of two cases are held for it (the supervisor still gets
     * each at once); one case is dismissed; from 08:30 the next day one digest lists the reminder of the open step
     * only, once that day however often the job runs; an escalation goes at once.
     */
    @Test
    void aDigestUserGetsOneDailyDigestOfTheRemindersOfStepsStillOpen() throws Exception {
        users.setMailDigest("reviewer", true);
        try {
            Hazard open = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                    "废水池防渗层开裂", "企业自查发现", "5 号车间", List.of("Cr"), null));
            Hazard dismissed = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null,
                    null, "地面积水", "企业自查发现", "6 号车间", List.of("Cr"), null));
            Job reminder = timer(open, "BoundaryEvent_TriageReminder"); // Fri 13 Feb 09:00
            moveClockTo(ZonedDateTime.ofInstant(reminder.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
            assertThat(fireDueTimers(management, open.getProcessInstanceId())).isEqualTo(1);
            assertThat(fireDueTimers(management, dismissed.getProcessInstanceId())).isEqualTo(1);
            completeTriage(dismissed, "DISMISS");
            assertThat(outbox.sendDigests()).as("09:01 is after 08:30: today's digest goes now").isEqualTo(1);
            // the supervisor's two reminders (one of a step now ended: skipped) and the reviewer's digest
            assertThat(outbox.sendPending()).isEqualTo(2);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(Arrays.stream(received).map(m -> first(m) + " " + subject(m).substring(0, subject(m).indexOf('】') + 1)))
                    .containsExactlyInAnyOrder("supervisor@epb.example 【到期提醒】", "reviewer@epb.example 【每日提醒汇总】");
            MimeMessage digest = Arrays.stream(received).filter(m -> first(m).startsWith("reviewer@")).findFirst()
                    .orElseThrow();
            assertThat(digest.getContent().toString()).contains(" " + open.getId() + " ")
                    .doesNotContain(" " + dismissed.getId() + " ");
            assertThat(outbox.sendDigests()).as("once a day").isZero();

            // next: Mon 16 Feb is in the holiday, the reminder of a new case is held; the old case is dismissed
            Hazard later = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                    "标识缺失", "企业自查发现", "7 号车间", List.of("Cr"), null));
            Job laterReminder = timer(later, "BoundaryEvent_TriageReminder");
            moveClockTo(ZonedDateTime.ofInstant(laterReminder.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
            assertThat(fireDueTimers(management, later.getProcessInstanceId())).isEqualTo(1);
            Hazard gone = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                    "误报", "企业自查发现", "8 号车间", List.of("Cr"), null));
            Job goneReminder = timer(gone, "BoundaryEvent_TriageReminder");
            moveClockTo(ZonedDateTime.ofInstant(goneReminder.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
            assertThat(fireDueTimers(management, gone.getProcessInstanceId())).isEqualTo(1);
            completeTriage(gone, "DISMISS");
            java.time.LocalDate day = ZonedDateTime.ofInstant(goneReminder.getDuedate().toInstant(), SHANGHAI)
                    .toLocalDate().plusDays(1);
            moveClockTo(day.atTime(8, 29).atZone(SHANGHAI));
            assertThat(outbox.sendDigests()).as("before 08:30").isZero();
            moveClockTo(day.atTime(8, 31).atZone(SHANGHAI));
            assertThat(outbox.sendDigests()).isEqualTo(1);
            assertThat(outbox.sendDigests()).as("exactly once per user and day").isZero();
            outbox.sendPending();
            MimeMessage second = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> first(m).startsWith("reviewer@") && !messageId(m).equals(messageId(digest)))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(subject(second)).startsWith("【每日提醒汇总】" + day);
            assertThat(second.getContent().toString()).as("only the open step's reminder")
                    .contains(" " + later.getId() + " ").doesNotContain(" " + gone.getId() + " ");
            assertThat(outbox.aboutInstance(gone.getProcessInstanceId())).filteredOn(m -> "reviewer".equals(m.getHeldFor()))
                    .singleElement().satisfies(m -> assertThat(m.getSkipReason()).startsWith("step ended"));

            // an escalation reaches the digest user at once
            int before = smtp.getReceivedMessages().length;
            Job overdue = timer(open, "BoundaryEvent_TriageOverdue");
            moveClockTo(ZonedDateTime.ofInstant(overdue.getDuedate().toInstant(), SHANGHAI).plusMinutes(1));
            management.executeJob(overdue.getId());
            assertThat(outbox.sendPending()).isEqualTo(2);
            assertThat(smtp.getReceivedMessages()).hasSize(before + 2);
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("【逾期督办】"))
                    .map(DeadlineMailIsolatedTest::first))
                    .containsExactlyInAnyOrder("reviewer@epb.example", "supervisor@epb.example");
        } finally {
            users.setMailDigest("reviewer", false);
        }
    }

    private void completeTriage(Hazard h, String decision) {
        org.camunda.bpm.engine.task.Task triage = taskService.createTaskQuery()
                .processInstanceId(h.getProcessInstanceId()).taskDefinitionKey("Task_TriageHazard").singleResult();
        identity.setAuthentication("reviewer", users.actor("reviewer").orElseThrow().groups());
        try {
            taskService.complete(triage.getId(), Map.of("triageDecision", decision, "triageComment", "研判"));
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theSameEventQueuesNothingMoreAndARolledBackEventNothingAtAll() {
        String key = "TEST:" + System.nanoTime();
        Integer queued = tx.execute(s -> outbox.enqueue(key, List.of("a@x.example", "b@x.example", "a@x.example"),
                "主题", "正文"));
        assertThat(queued).isEqualTo(2);
        Integer again = tx.execute(s -> outbox.enqueue(key, List.of("a@x.example"), "主题", "正文"));
        assertThat(again).isZero();
        assertThat(outbox.ofEvent(key)).extracting(OutboxMessage::getRecipient).containsExactly("a@x.example", "b@x.example");

        String rolledBack = "TEST:" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            outbox.enqueue(rolledBack, List.of("c@x.example"), "主题", "正文");
            s.setRollbackOnly();
        });
        assertThat(outbox.ofEvent(rolledBack)).isEmpty();
        assertThat(outbox.sendPending()).isEqualTo(2);
        assertThat(outbox.ofEvent(key)).allSatisfy(m -> {
            assertThat(m.getSentAt()).isNotNull();
            assertThat(m.getAttempts()).isEqualTo(1);
        });
        assertThat(smtp.getReceivedMessages()).extracting(DeadlineMailIsolatedTest::first)
                .containsExactlyInAnyOrder("a@x.example", "b@x.example");
    }
}
