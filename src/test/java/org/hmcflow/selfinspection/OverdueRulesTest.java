package org.hmcflow.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.selfinspection.SelfInspectionKind.COMPREHENSIVE;
import static org.hmcflow.selfinspection.SelfInspectionKind.ROUTINE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.selfinspection.OverdueRules.Registered;
import org.junit.jupiter.api.Test;

/** 逾期未自查: which period is due, and who has not filed it. */
class OverdueRulesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aMonthIsDueOnceItsGraceHasRunOut() {
        assertThat(OverdueRules.latestDue(ROUTINE, d("2026-06-11"), 10).text()).isEqualTo("2026-05");
        // The 10th is the last day on time, so May is not late yet and April is still the one checked.
        assertThat(OverdueRules.latestDue(ROUTINE, d("2026-06-10"), 10).text()).isEqualTo("2026-04");
        assertThat(OverdueRules.latestDue(ROUTINE, d("2026-06-01"), 10).text()).isEqualTo("2026-04");
        assertThat(OverdueRules.latestDue(ROUTINE, d("2026-06-01"), 0).text()).isEqualTo("2026-05");
        assertThat(OverdueRules.latestDue(ROUTINE, d("2026-01-15"), 10).text()).isEqualTo("2025-12");
        assertThat(OverdueRules.latestDue(ROUTINE, d("2026-03-20"), 45).text()).isEqualTo("2026-01");
    }

    @Test
    void aYearIsDueOnceItsGraceHasRunOut() {
        assertThat(OverdueRules.latestDue(COMPREHENSIVE, d("2027-01-11"), 10).text()).isEqualTo("2026");
        assertThat(OverdueRules.latestDue(COMPREHENSIVE, d("2027-01-10"), 10).text()).isEqualTo("2025");
        assertThat(OverdueRules.latestDue(COMPREHENSIVE, d("2026-11-23"), 10).text()).isEqualTo("2025");
    }

    @Test
    void whoeverHasNotFiledTheDuePeriodIsListed() {
        List<Registered> enterprises = List.of(
                new Registered(1L, "尤尼电源", "清城区", d("2025-03-01")),
                new Registered(2L, "兴和电镀", "清城区", d("2025-03-01")),
                new Registered(3L, "岳泉化工", "英德市", d("2026-05-31")),   // registered on the last day of May: owes May
                new Registered(4L, "新登记企业", "清新区", d("2026-06-01"))); // registered after May ended: owes nothing yet
        Map<String, Set<Long>> filed = new HashMap<>();
        filed.put("ROUTINE 2026-05", Set.of(1L));
        filed.put("COMPREHENSIVE 2025", Set.of(2L));
        List<OverdueSelfInspection> overdue = OverdueRules.overdue(enterprises,
                p -> filed.getOrDefault(p.kind() + " " + p.text(), Set.of()), d("2026-06-15"), 10);

        assertThat(overdue).extracting(OverdueSelfInspection::kind, OverdueSelfInspection::period,
                OverdueSelfInspection::enterpriseId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ROUTINE, "2026-05", 2L),
                org.assertj.core.groups.Tuple.tuple(ROUTINE, "2026-05", 3L),
                org.assertj.core.groups.Tuple.tuple(COMPREHENSIVE, "2025", 1L));
        assertThat(overdue.get(0).dueBy()).isEqualTo(d("2026-06-10"));
        assertThat(overdue.get(0).daysOverdue()).isEqualTo(5);
        assertThat(overdue.get(0).enterpriseName()).isEqualTo("兴和电镀");
        assertThat(overdue.get(2).dueBy()).isEqualTo(d("2026-01-10"));
    }

    @Test
    void nobodyOwesAPeriodThatEndedBeforeTheyRegistered() {
        List<Registered> newcomer = List.of(new Registered(9L, "新企业", "清城区", d("2026-11-23")));
        assertThat(OverdueRules.overdue(newcomer, p -> Set.of(), d("2026-11-23"), 10)).isEmpty();
        assertThat(OverdueRules.overdue(newcomer, p -> Set.of(), d("2027-01-11"), 10))
                .extracting(OverdueSelfInspection::kind, OverdueSelfInspection::period)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ROUTINE, "2026-12"),
                        org.assertj.core.groups.Tuple.tuple(COMPREHENSIVE, "2026"));
    }

    @Test
    void negativeGraceIsRefused() {
        assertThatThrownBy(() -> OverdueRules.overdue(List.of(), p -> Set.of(), d("2026-06-15"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsParseAndStep() {
        InspectionPeriod march = InspectionPeriod.parse(ROUTINE, "2026-03").orElseThrow();
        assertThat(march.start()).isEqualTo(d("2026-03-01"));
        assertThat(march.end()).isEqualTo(d("2026-03-31"));
        assertThat(march.previous().text()).isEqualTo("2026-02");
        assertThat(InspectionPeriod.parse(ROUTINE, "2026-01").orElseThrow().previous().text()).isEqualTo("2025-12");
        assertThat(InspectionPeriod.parse(COMPREHENSIVE, "2024").orElseThrow().end()).isEqualTo(d("2024-12-31"));
        assertThat(InspectionPeriod.parse(ROUTINE, "2024-02").orElseThrow().end()).isEqualTo(d("2024-02-29"));
        assertThat(InspectionPeriod.parse(null, "2024")).isEmpty();
        assertThat(InspectionPeriod.parse(COMPREHENSIVE, null)).isEmpty();
    }
}
