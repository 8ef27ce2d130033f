package org.hmcflow.calendar;

import java.time.LocalDate;
import java.util.List;

/** One year's official schedule as read from a file; {@code origin} is "file, line n" for error messages. */
record YearSchedule(int year, String source, String origin, List<Holiday> holidays, List<MakeUpWorkday> makeUpWorkdays) {

    YearSchedule {
        holidays = List.copyOf(holidays);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
    }

    /** 法定节假日 — days off from {@code from} to {@code to}, both inclusive. */
    record Holiday(String name, LocalDate from, LocalDate to, String origin) {
    }

    /** 调休上班 — a Saturday or Sunday that is worked. */
    record MakeUpWorkday(LocalDate date, String note, String origin) {
    }
}
