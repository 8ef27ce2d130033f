package org.hmcflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Shared test data: the real holiday file, fixed clocks in the bureau's zone. */
final class CalendarFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The schedule the application ships, read from the classpath as at start-up. */
    static final WorkingDayCalendar REAL_CALENDAR =
            WorkingDayCalendar.fromLocations(List.of("classpath:config/calendar/holidays-cn.yaml"));

    private CalendarFixtures() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** A local date-time in Shanghai, e.g. {@code "2026-02-12T10:00"}. */
    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Clock clockAt(String localDateTime) {
        return Clock.fixed(shanghai(localDateTime), SHANGHAI);
    }

    static SlaProperties sla(Map<String, SlaRule> rules) {
        return new SlaProperties(LocalTime.of(23, 59), LocalTime.of(9, 0), 2, rules);
    }
}
