package org.hmcflow.calendar;

/** How the period of a deadline is counted. The day a period starts from never counts (民法典 Art 201). */
public enum DayUnit {
    /** 工作日 — only working days of the {@link WorkingDayCalendar} count (行政许可法 Art 82 for that law's limits). */
    WORKING_DAYS,
    /** 日 — every day counts; a deadline that ends on a day off moves to the next working day (民法典 Art 203). */
    CALENDAR_DAYS,
    /**
     * 月 — "1 个月", "2 个月": the period ends on the day of the last month that corresponds to the start day, or on that
     * month's last day when it has none (31 Jan + 1 month = 28/29 Feb; 民法典 Art 202); a day off moves it to the next
     * working day (Art 203).
     */
    MONTHS,
    /** 年 — "1 年", "5 年": as {@link #MONTHS}, twelve months a year (29 Feb + 1 year = 28 Feb; 民法典 Arts 202–203). */
    YEARS;

    /** Whether the period is counted in days (a statutory clock can stop and resume only those). */
    public boolean countsDays() {
        return this == WORKING_DAYS || this == CALENDAR_DAYS;
    }
}
