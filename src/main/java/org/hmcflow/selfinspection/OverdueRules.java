package org.hmcflow.selfinspection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is overdue (逾期未自查). A period is due once it has ended; filing stays on time for the grace days after its
 * end. For each kind the period checked is the latest one whose grace has run out: with 10 grace days, on 11 June
 * that is May, on 5 June still April (May's filing is not late yet, and a missing April must not drop off the list
 * while May's grace runs). An enterprise registered after a period ended owes nothing for it.
 */
final class OverdueRules {

    /** An enterprise as the rule needs it: registered on its creation day in the bureau's zone. */
    record Registered(Long id, String name, String county, LocalDate registeredOn) {
    }

    private OverdueRules() {
    }

    /** The latest period of this kind whose last on-time day is before {@code today}. */
    static InspectionPeriod latestDue(SelfInspectionKind kind, LocalDate today, int graceDays) {
        InspectionPeriod period = InspectionPeriod.containing(kind, today).previous();
        while (!today.isAfter(period.dueBy(graceDays))) {
            period = period.previous();
        }
        return period;
    }

    /**
     * @param filedFor the enterprises that filed a period (asked once per kind)
     * @return one row per enterprise and kind missing, routine first, then by enterprise id
     */
    static List<OverdueSelfInspection> overdue(List<Registered> enterprises, Function<InspectionPeriod, Set<Long>> filedFor,
                                               LocalDate today, int graceDays) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace days must not be negative: " + graceDays);
        }
        List<OverdueSelfInspection> result = new ArrayList<>();
        for (SelfInspectionKind kind : SelfInspectionKind.values()) {
            InspectionPeriod period = latestDue(kind, today, graceDays);
            Set<Long> filed = filedFor.apply(period);
            LocalDate dueBy = period.dueBy(graceDays);
            for (Registered e : enterprises) {
                if (!e.registeredOn().isAfter(period.end()) && !filed.contains(e.id())) {
                    result.add(new OverdueSelfInspection(e.id(), e.name(), e.county(), kind, period.text(), dueBy,
                            ChronoUnit.DAYS.between(dueBy, today)));
                }
            }
        }
        result.sort(Comparator.comparing(OverdueSelfInspection::kind).thenComparing(OverdueSelfInspection::enterpriseId));
        return result;
    }
}
