package org.hmcflow.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application. It reads the process engine's {@link ClockUtil}, so that a test that moves the
 * engine clock moves every deadline computation, timer and audit timestamp with it.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new EngineClock(newZone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
