package org.hmcflow.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 中止 — a stretch during which a statutory period does not run (e.g. 行政许可法 Art 45: hearings and expert review
 * are not counted). The day it starts still counts; the days after it, up to and including the day it ends, do not:
 * the period runs again from the day after it ends, as a period never counts its own first day (民法典 Art 201).
 *
 * @param from the day the period stopped
 * @param to   the day it was resumed; {@code null} while it is still suspended
 */
public record Suspension(LocalDate from, LocalDate to) {

    public Suspension {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A suspension cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean open() {
        return to == null;
    }

    /** Whether {@code day} is not counted because of this suspension; an open one covers every day after its start. */
    boolean covers(LocalDate day) {
        return day.isAfter(from) && (to == null || !day.isAfter(to));
    }
}
