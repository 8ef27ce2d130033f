package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.calendar.CalendarFixtures.REAL_CALENDAR;
import static org.hmcflow.calendar.CalendarFixtures.clockAt;
import static org.hmcflow.calendar.CalendarFixtures.shanghai;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A timer tied to a deadline keeps its place in working days when the deadline moves (an extension, a calendar
 * reload): {@link DeadlineService#shiftWithDeadline}.
 */
class DeadlineShiftTest {

    private final DeadlineService service = new DeadlineService(REAL_CALENDAR, CalendarFixtures.sla(Map.of()),
            clockAt("2026-02-12T10:00"));

    @Test
    void aReminderTwoWorkingDaysBeforeStaysTwoWorkingDaysBeforeAtTheSameTime() {
        // Fri 13 Feb is 2 working days before Tue 24 Feb (Sat 14 is a make-up workday, 15–23 Spring Festival)
        assertThat(service.shiftWithDeadline(shanghai("2026-02-13T09:00"), shanghai("2026-02-24T23:59"),
                shanghai("2026-03-10T23:59"))).isEqualTo(shanghai("2026-03-06T09:00"));
    }

    @Test
    void aTimerAtTheDueDateGoesToTheNewDueAndOneAfterItKeepsItsDistance() {
        assertThat(service.shiftWithDeadline(shanghai("2026-02-24T23:59"), shanghai("2026-02-24T23:59"),
                shanghai("2026-03-10T23:59"))).isEqualTo(shanghai("2026-03-10T23:59"));
        // one working day after Tue 24 Feb → one after Tue 10 Mar
        assertThat(service.shiftWithDeadline(shanghai("2026-02-25T08:00"), shanghai("2026-02-24T23:59"),
                shanghai("2026-03-10T23:59"))).isEqualTo(shanghai("2026-03-11T08:00"));
    }

    @Test
    void theDistanceIsCountedWithTheCalendarTheOldDatesCameFrom() {
        // before 2026's schedule was loaded, Thu 1 and Fri 2 Jan 2026 were working days: a reminder on Wed 31 Dec
        // was 2 working days before a due date of Fri 2 Jan. 元旦 moves the due to Tue 6 Jan; 2 working days before
        // it are Mon 5 and Sun 4 Jan (a make-up workday). Counted with the new calendar it would be 0 days.
        DeadlineService weekendsOnly = new DeadlineService(REAL_CALENDAR.without(Set.of(2026)),
                CalendarFixtures.sla(Map.of()), clockAt("2025-12-29T10:00"));
        assertThat(service.shiftWithDeadline(shanghai("2025-12-31T09:00"), shanghai("2026-01-02T23:59"),
                shanghai("2026-01-06T23:59"), weekendsOnly)).isEqualTo(shanghai("2026-01-04T09:00"));
        assertThat(service.shiftWithDeadline(shanghai("2025-12-31T09:00"), shanghai("2026-01-02T23:59"),
                shanghai("2026-01-06T23:59"))).isEqualTo(shanghai("2026-01-06T09:00"));
    }
}
