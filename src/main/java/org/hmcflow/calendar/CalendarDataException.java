package org.hmcflow.calendar;

/**
 * A holiday schedule that cannot be trusted: unreadable, malformed or contradictory. Thrown while the calendar is
 * built, so the application refuses to start rather than count deadlines on wrong days. The message names the file,
 * the line where known, and the date.
 */
public final class CalendarDataException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    CalendarDataException(String message) {
        super(message);
    }

    CalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
