package org.hmcflow.shared.importing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where an imported item stands on the import's "as of" date.
 *
 * <ul>
 *   <li>{@code historical}: a {@link TimeLimit.Kind#BY_DATE} item due before the as-of date. It is recorded with the
 *       status the data file gives ({@link HistoricalStatus}) and gets no live deadline: no timer, no reminder, no
 *       escalation, not on any overdue list.</li>
 *   <li>live: every other item — due on or after the as-of date, or periodic ({@code PERIODIC_FROM}, {@code ONGOING}),
 *       whose reporting goes on from the as-of date (periods before it are not owed retroactively). A status given for
 *       a live item is refused by the importer: the item is not due yet.</li>
 * </ul>
 *
 * @param limit      the time limit as read
 * @param asOf       the day the import speaks for
 * @param historical whether the item's deadline lay before {@code asOf}
 * @param status     the recorded status of a historical item; {@code null} for a live one
 */
public record ImportTiming(TimeLimit limit, LocalDate asOf, boolean historical, HistoricalStatus status) {

    public ImportTiming {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(asOf, "asOf");
        if (historical != (status != null)) {
            throw new IllegalArgumentException("a historical item has a status, a live one none");
        }
    }

    /**
     * The timing of an item with that limit, as of that day.
     *
     * @param recorded the status the data file gives; {@code null} or {@link HistoricalStatus#UNKNOWN} when it gives
     *                 none. Ignored when the item is live.
     */
    public static ImportTiming of(TimeLimit limit, LocalDate asOf, HistoricalStatus recorded) {
        boolean past = limit.kind() == TimeLimit.Kind.BY_DATE && limit.date().isBefore(asOf);
        if (past) {
            return new ImportTiming(limit, asOf, true, recorded == null ? HistoricalStatus.UNKNOWN : recorded);
        }
        return new ImportTiming(limit, asOf, false, null);
    }

    /** The day a live item with a date is due; for a live periodic item, the day its reporting starts (≥ as-of). */
    public LocalDate liveFrom() {
        if (historical) {
            throw new IllegalStateException("historical item: no live deadline");
        }
        if (limit.kind() == TimeLimit.Kind.BY_DATE) {
            return limit.date();
        }
        return limit.kind() == TimeLimit.Kind.PERIODIC_FROM && limit.date().isAfter(asOf) ? limit.date() : asOf;
    }
}
