package org.hmcflow.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.inspection.DrawSnapshot.EnterpriseRow;
import org.hmcflow.inspection.DrawSnapshot.InspectorRow;
import org.hmcflow.permit.application.ManagementCategory;

/**
 * 双随机抽取 — the random draw of a plan: which enterprises are inspected and which inspectors go, as a pure function
 * of a seed and a {@link DrawSnapshot}. Same seed and snapshot, same result, on any machine: every random number
 * comes from one {@link SplitMix64} stream, consumed in the order written here ({@value #ALGORITHM}).
 *
 * <ol>
 *   <li><b>Without lot.</b> In a {@link PlanType#PERIODIC periodic} plan every key risk source and key-monitored
 *       enterprise not yet {@link EnterpriseRow#inspectedThisYear() inspected this year} is included (Qingyuan plan
 *       二(四)1 and 二(五)2). This is counted from earlier periodic draws of the year, not "all of them every time": a
 *       county with quarterly plans covers them in its first plan of the year and draws them by lot afterwards.</li>
 *   <li><b>By lot, per stratum.</b> Each other enterprise belongs to the {@link Stratum} with the highest rate of
 *       those that apply to it. For BASE, KEY_DISCHARGER and POOR_CREDIT in that order: with N members (by id) and
 *       rate r, n = ⌊r·N⌋, plus one if the next {@link SplitMix64#nextDouble() double} (always drawn) is below the
 *       fraction r·N − ⌊r·N⌋; then n members are chosen by a partial Fisher–Yates shuffle (for i in 0..n−1, swap
 *       position i with i + nextInt(N − i)). Every member is drawn with probability exactly r, and the count stays
 *       within one of r·N, so the inspection load is predictable (国办发〔2015〕58号: proportions set by the bureau).</li>
 *   <li><b>Inspectors.</b> An inspector may go to an enterprise when its county is the enterprise's (or it has none)
 *       and it has neither declared a conflict with it nor inspected it within the recent window. An inspection with
 *       fewer than {@code inspectorsPerInspection} (at least two) such inspectors stops the draw:
 *       {@link NotEnoughInspectorsException} names all of them. Otherwise each inspection, by id, gets a random key
 *       (nextLong); the hardest first (fewest eligible inspectors, then key) takes, after a fresh nextLong per
 *       eligible inspector by id, the inspectors with the least load in this draw (then that number, then id). Lists
 *       of inspector ids are sorted.</li>
 * </ol>
 */
public final class RandomDraw {

    public static final String ALGORITHM = "hmc-draw-1/splitmix64";
    private static final Stratum[] STRATA = Stratum.values();

    /** One drawn inspection. */
    public record Selected(long enterpriseId, Stratum stratum, boolean mandatory, boolean fullIndicatorMonitoring,
                           List<Long> inspectorIds) {
    }

    private RandomDraw() {
    }

    /**
     * Draws a plan.
     *
     * @return the inspections, by enterprise id
     * @throws NotEnoughInspectorsException when some drawn enterprise has too few eligible inspectors
     */
    public static List<Selected> draw(long seed, DrawSnapshot snapshot) {
        SplitMix64 random = new SplitMix64(seed);
        DrawSnapshot.Settings settings = snapshot.settings();
        boolean periodic = snapshot.plan().type() == PlanType.PERIODIC;

        List<EnterpriseRow> chosen = new ArrayList<>();
        for (EnterpriseRow e : snapshot.enterprises()) {
            if (periodic && yearlyObligation(e)) {
                chosen.add(e);
            }
        }
        for (Stratum stratum : STRATA) {
            List<EnterpriseRow> members = new ArrayList<>();
            for (EnterpriseRow e : snapshot.enterprises()) {
                if (!(periodic && yearlyObligation(e)) && stratumOf(e, settings) == stratum) {
                    members.add(e);
                }
            }
            BigDecimal target = settings.rateOf(stratum).multiply(BigDecimal.valueOf(members.size()));
            BigDecimal whole = target.setScale(0, RoundingMode.FLOOR);
            int n = whole.intValueExact();
            if (new BigDecimal(random.nextDouble()).compareTo(target.subtract(whole)) < 0) {
                n++;
            }
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(members.size() - i);
                EnterpriseRow swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
            }
            chosen.addAll(members.subList(0, n));
        }
        chosen.sort(Comparator.comparingLong(EnterpriseRow::id));
        return assign(random, snapshot, periodic, chosen);
    }

    private static List<Selected> assign(SplitMix64 random, DrawSnapshot snapshot, boolean periodic,
                                         List<EnterpriseRow> chosen) {
        int required = snapshot.settings().inspectorsPerInspection();
        Map<Long, List<InspectorRow>> eligible = new HashMap<>();
        List<Long> tooFew = new ArrayList<>();
        for (EnterpriseRow e : chosen) {
            List<InspectorRow> may = snapshot.inspectors().stream().filter(i -> i.mayInspect(e)).toList();
            eligible.put(e.id(), may);
            if (may.size() < required) {
                tooFew.add(e.id());
            }
        }
        if (!tooFew.isEmpty()) {
            throw new NotEnoughInspectorsException(tooFew, required);
        }
        Map<Long, Long> order = new HashMap<>();
        for (EnterpriseRow e : chosen) {
            order.put(e.id(), random.nextLong());
        }
        List<EnterpriseRow> hardestFirst = new ArrayList<>(chosen);
        hardestFirst.sort(Comparator.<EnterpriseRow>comparingInt(e -> eligible.get(e.id()).size())
                .thenComparingLong(e -> order.get(e.id())).thenComparingLong(EnterpriseRow::id));
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, List<Long>> assigned = new HashMap<>();
        for (EnterpriseRow e : hardestFirst) {
            Map<Long, Long> tie = new HashMap<>();
            for (InspectorRow i : eligible.get(e.id())) {
                tie.put(i.id(), random.nextLong());
            }
            List<Long> picked = eligible.get(e.id()).stream().map(InspectorRow::id)
                    .sorted(Comparator.<Long>comparingInt(id -> load.getOrDefault(id, 0))
                            .thenComparingLong(tie::get).thenComparingLong(id -> id))
                    .limit(required).sorted().toList();
            picked.forEach(id -> load.merge(id, 1, Integer::sum));
            assigned.put(e.id(), picked);
        }
        List<Selected> result = new ArrayList<>();
        for (EnterpriseRow e : chosen) {
            boolean mandatory = periodic && yearlyObligation(e);
            result.add(new Selected(e.id(), stratumOf(e, snapshot.settings()), mandatory,
                    periodic && e.keyMonitored() && !e.inspectedThisYear(), assigned.get(e.id())));
        }
        return List.copyOf(result);
    }

    /** A key risk source or key-monitored enterprise not yet inspected under a periodic plan this year. */
    static boolean yearlyObligation(EnterpriseRow e) {
        return (e.keyRiskSource() || e.keyMonitored()) && !e.inspectedThisYear();
    }

    /** The stratum with the highest rate among those that apply (ties: the later one in {@link Stratum}). */
    static Stratum stratumOf(EnterpriseRow e, DrawSnapshot.Settings settings) {
        Stratum best = Stratum.BASE;
        if (e.permitCategory() == ManagementCategory.KEY || e.keyMonitored() || e.keyRiskSource()) {
            best = higher(best, Stratum.KEY_DISCHARGER, settings);
        }
        if (e.creditColour() != null && e.creditColour().poor()) {
            best = higher(best, Stratum.POOR_CREDIT, settings);
        }
        return best;
    }

    private static Stratum higher(Stratum current, Stratum candidate, DrawSnapshot.Settings settings) {
        return settings.rateOf(candidate).compareTo(settings.rateOf(current)) >= 0 ? candidate : current;
    }
}
