package org.hmcflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
    org.camunda.bpm.engine.IdentityService identity;

    @BeforeEach
    void setUp() {
        moveClockTo(START);
        assertThat(users.setEmail("reviewer", "reviewer@epb.example")).isTrue();
        assertThat(users.setEmail("supervisor", "supervisor@epb.example")).isTrue();
        assertThat(users.setEmail("reviewer2", "reviewer2@eit.example")).as("another department").isTrue();
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
