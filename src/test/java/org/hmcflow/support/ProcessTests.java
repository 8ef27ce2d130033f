package org.hmcflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.user.Actor;

/** What every process test needs: the engine clock in Qingyuan's time, due timers fired, tasks as a user sees them. */
public final class ProcessTests {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ProcessTests() {
    }

    /** Fires the instance's active timers due at the engine clock's now, earliest first; returns how many. */
    public static int fireDueTimers(ManagementService management, String processInstanceId) {
        int fired = 0;
        for (int pass = 0; pass < 10; pass++) {
            List<Job> due = management.createJobQuery().timers().active().processInstanceId(processInstanceId)
                    .duedateLowerThan(ClockUtil.getCurrentTime()).orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return fired;
            }
            for (Job job : due) {
                // an interrupting timer removes the other timers of its task
                if (management.createJobQuery().jobId(job.getId()).count() == 1) {
                    management.executeJob(job.getId());
                    fired++;
                }
            }
        }
        throw new AssertionError("timers keep falling due: " + fired + " fired");
    }

    /** The instance's one timer at the element, which must exist. */
    public static Job timer(ManagementService management, String processInstanceId, String activityId) {
        Job job = management.createJobQuery().timers().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    public static void moveClockTo(ZonedDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }

    /** A moment in Qingyuan (Asia/Shanghai). */
    public static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant());
    }

    /** The task keys of the instance that the actor, with its groups, may see. */
    public static List<String> visibleTasks(IdentityService identity, TaskService tasks, Actor actor,
                                            String processInstanceId) {
        identity.setAuthentication(actor.username(), actor.groups());
        try {
            return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                    .map(Task::getTaskDefinitionKey).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs the call and returns the {@link InvalidInputException} it failed with, wherever the engine wrapped it. */
    public static InvalidInputException invalidInput(ThrowingCallable call) {
        try {
            call.call();
        } catch (Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof InvalidInputException invalid) {
                    return invalid;
                }
            }
            throw new AssertionError("expected InvalidInputException, got " + thrown, thrown);
        }
        throw new AssertionError("expected InvalidInputException, nothing was thrown");
    }
}
