package org.hmcflow.calendar;

/** How the days of a deadline are counted. */
public enum DayUnit {
    /** 工作日 — only working days of the {@link WorkingDayCalendar} count (行政许可法 Art 82 for that law's limits). */
    WORKING_DAYS,
    /** 日 — every day counts; a deadline that ends on a day off moves to the next working day (民法典 Art 203). */
    CALENDAR_DAYS
}
