package org.hmcflow.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Moves the engine clock (which the whole app follows) and runs the timers that became due. No sleeping. */
public final class EngineClockControl {

    private final ManagementService management;

    public EngineClockControl(ManagementService management) {
        this.management = management;
    }

    public void set(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public Instant now() {
        return ClockUtil.now().toInstant();
    }

    public void advance(Duration duration) {
        set(now().plus(duration));
    }

    /**
     * Executes every job due by now, earliest first, repeatedly, until none is due (a timer may lead to another).
     * Like the job executor, it leaves suspended jobs alone (a statutory timer held while its clock is stopped), and a
     * job that an earlier one removed (the other timers of a task an interrupting timer ended) is skipped.
     */
    public int fireDueJobs() {
        int fired = 0;
        for (int pass = 0; pass < 20; pass++) {
            var due = management.createJobQuery().executable().active().duedateLowerThan(Date.from(now().plusSeconds(1)))
                    .orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return fired;
            }
            for (Job job : due) {
                if (management.createJobQuery().jobId(job.getId()).active().count() == 1) {
                    management.executeJob(job.getId());
                    fired++;
                }
            }
        }
        return fired;
    }

    public static void reset() {
        ClockUtil.reset();
    }
}
