package org.hmcflow.calendar;

import java.time.Instant;
import java.util.Set;

/**
 * 日历更新 — told (in its own transaction) after the holiday schedules of {@code years} became covered and the step
 * deadlines computed from a rule were recomputed. A lifecycle whose deadlines come from elsewhere (a statutory clock
 * in a variable, a date a user set through the calendar) listens and recomputes its own: every deadline at or after
 * {@code from} may have been counted with weekends only.
 *
 * @param years the years newly covered
 * @param from  the start of the first of them
 * @param actor the username of the administrator who reloaded, or {@code system} at start-up
 */
public record CalendarReloaded(Set<Integer> years, Instant from, String actor) {

    public CalendarReloaded {
        years = Set.copyOf(years);
    }
}
