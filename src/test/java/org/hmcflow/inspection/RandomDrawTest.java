package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hmcflow.inspection.DrawSnapshot.EnterpriseRow;
import org.hmcflow.inspection.DrawSnapshot.InspectorRow;
import org.hmcflow.inspection.DrawSnapshot.Settings;
import org.hmcflow.inspection.RandomDraw.Selected;
import org.hmcflow.permit.application.ManagementCategory;
import org.junit.jupiter.api.Test;

/** 双随机: the draw as a pure function of seed and snapshot. */
class RandomDrawTest {

    private static final Settings RATES = new Settings(new BigDecimal("0.1"), new BigDecimal("0.35"),
            new BigDecimal("0.6"), 2, 365);

    // ---- building snapshots ----

    private static EnterpriseRow plain(long id, String county) {
        return new EnterpriseRow(id, county, ManagementCategory.SIMPLIFIED, false, false, CreditColour.GREEN, false);
    }

    private static EnterpriseRow keyPermit(long id, String county) {
        return new EnterpriseRow(id, county, ManagementCategory.KEY, false, false, CreditColour.BLUE, false);
    }

    private static EnterpriseRow poorCredit(long id, String county) {
        return new EnterpriseRow(id, county, ManagementCategory.REGISTRATION, false, false, CreditColour.RED, false);
    }

    private static EnterpriseRow keyMonitored(long id, String county, boolean inspectedThisYear) {
        return new EnterpriseRow(id, county, ManagementCategory.KEY, true, false, CreditColour.BLUE, inspectedThisYear);
    }

    private static EnterpriseRow keyRiskSource(long id, String county) {
        return new EnterpriseRow(id, county, ManagementCategory.SIMPLIFIED, false, true, null, false);
    }

    private static InspectorRow inspector(long id, String county) {
        return new InspectorRow(id, county, List.of(), List.of());
    }

    private static List<InspectorRow> cityInspectors(int count) {
        return LongStream.rangeClosed(1, count).mapToObj(id -> inspector(id, null)).toList();
    }

    private static DrawSnapshot campaign(List<EnterpriseRow> enterprises, List<InspectorRow> inspectors) {
        return new DrawSnapshot(1, new DrawSnapshot.Plan(7, PlanType.CAMPAIGN, 2026, null), RATES, enterprises, inspectors);
    }

    private static DrawSnapshot periodic(List<EnterpriseRow> enterprises, List<InspectorRow> inspectors) {
        return new DrawSnapshot(1, new DrawSnapshot.Plan(8, PlanType.PERIODIC, 2026, "清城区"), RATES, enterprises,
                inspectors);
    }

    /** 7 plain, 13 key-permit and 11 poor-credit enterprises (ids 101…, 201…, 301…) in 清城区; 12 city inspectors. */
    private static DrawSnapshot mixedCampaign() {
        List<EnterpriseRow> rows = new ArrayList<>();
        LongStream.rangeClosed(101, 107).forEach(id -> rows.add(plain(id, "清城区")));
        LongStream.rangeClosed(201, 213).forEach(id -> rows.add(keyPermit(id, "清城区")));
        LongStream.rangeClosed(301, 311).forEach(id -> rows.add(poorCredit(id, "清城区")));
        return campaign(rows, cityInspectors(12));
    }

    private static Set<Long> drawnIds(List<Selected> result) {
        return result.stream().map(Selected::enterpriseId).collect(Collectors.toSet());
    }

    // ---- the generator ----

    @Test
    void theGeneratorIsTheReferenceSplitMix64() {
        // First outputs of Vigna's splitmix64.c from state 0: a re-implementation elsewhere can check itself here.
        SplitMix64 random = new SplitMix64(0);
        assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void boundedIntegersAreUniform() {
        SplitMix64 random = new SplitMix64(99);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[random.nextInt(7)]++;
        }
        for (int c : counts) {
            assertThat(c / 70_000.0).isCloseTo(1 / 7.0, within(0.01));
        }
        assertThatThrownBy(() -> random.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- reproducibility ----

    @Test
    void theSameSeedAndSnapshotGiveTheSameDrawAlsoAfterStoringTheSnapshot() {
        DrawSnapshot snapshot = mixedCampaign();
        List<Selected> first = RandomDraw.draw(20_261_123L, snapshot);
        assertThat(first).isNotEmpty();
        assertThat(RandomDraw.draw(20_261_123L, snapshot)).isEqualTo(first);

        DrawSnapshot.Encoded stored = snapshot.encode();
        DrawSnapshot readBack = DrawSnapshot.decode(stored.json());
        assertThat(readBack).isEqualTo(snapshot);
        assertThat(readBack.encode()).isEqualTo(stored);
        assertThat(RandomDraw.draw(20_261_123L, readBack)).isEqualTo(first);
    }

    @Test
    void theSnapshotIsCanonicalWhateverOrderItWasBuiltIn() {
        DrawSnapshot snapshot = mixedCampaign();
        List<EnterpriseRow> reversed = new ArrayList<>(snapshot.enterprises());
        java.util.Collections.reverse(reversed);
        List<InspectorRow> inspectors = new ArrayList<>(snapshot.inspectors());
        java.util.Collections.reverse(inspectors);
        DrawSnapshot shuffled = campaign(reversed, inspectors);
        assertThat(shuffled.encode().sha256()).isEqualTo(snapshot.encode().sha256());
        assertThat(snapshot.encode().json()).startsWith("{\"enterprises\":[{\"county\":\"清城区\",\"creditColour\":\"GREEN\"")
                .doesNotContain(" ").contains("\"baseRate\":0.1,");
    }

    @Test
    void aDifferentSeedGivesADifferentDraw() {
        DrawSnapshot snapshot = mixedCampaign();
        Set<Set<Long>> distinct = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            distinct.add(drawnIds(RandomDraw.draw(seed, snapshot)));
        }
        assertThat(RandomDraw.draw(1, snapshot)).isNotEqualTo(RandomDraw.draw(2, snapshot));
        assertThat(distinct).as("20 seeds, 20 different selections").hasSize(20);
    }

    @Test
    void aChangedRegisterChangesTheSnapshotHashes() {
        DrawSnapshot snapshot = mixedCampaign();
        List<EnterpriseRow> rows = new ArrayList<>(snapshot.enterprises());
        rows.set(0, poorCredit(rows.get(0).id(), "清城区"));
        DrawSnapshot changed = campaign(rows, snapshot.inspectors());
        assertThat(changed.encode().sha256()).isNotEqualTo(snapshot.encode().sha256());
        assertThat(changed.encode().enterpriseRegisterSha256()).isNotEqualTo(snapshot.encode().enterpriseRegisterSha256());
        assertThat(changed.encode().inspectorRegisterSha256()).isEqualTo(snapshot.encode().inspectorRegisterSha256());
    }

    @Test
    void aPinnedDrawStaysTheSameAcrossVersions() {
        // Stored draws are re-run by later versions of this code: changing the algorithm breaks every verification.
        // A deliberate change needs a new RandomDraw.ALGORITHM name (and the old one kept for old draws).
        List<Selected> result = RandomDraw.draw(42, mixedCampaign());
        assertThat(result.stream().map(s -> s.enterpriseId() + ":" + s.inspectorIds()).toList())
                .isEqualTo(PINNED_SEED_42);
        assertThat(RandomDraw.ALGORITHM).isEqualTo("hmc-draw-1/splitmix64");
    }

    static final List<String> PINNED_SEED_42 = List.of("203:[7, 9]", "204:[5, 8]", "205:[9, 10]", "206:[6, 7]",
            "208:[1, 3]", "301:[2, 5]", "302:[1, 3]", "303:[6, 11]", "305:[8, 10]", "309:[4, 12]", "311:[2, 4]");

    // ---- inspectors ----

    @Test
    void everyInspectionGetsTwoDifferentInspectorsAndTheLoadIsBalanced() {
        List<EnterpriseRow> rows = LongStream.rangeClosed(1, 10).mapToObj(id -> keyMonitored(id, "清城区", false)).toList();
        for (long seed = 0; seed < 200; seed++) {
            List<Selected> result = RandomDraw.draw(seed, periodic(rows, cityInspectors(10)));
            assertThat(result).hasSize(10);
            Map<Long, Integer> load = new HashMap<>();
            for (Selected s : result) {
                assertThat(s.inspectorIds()).hasSize(2).doesNotHaveDuplicates().isSorted();
                s.inspectorIds().forEach(id -> load.merge(id, 1, Integer::sum));
            }
            assertThat(load.values()).as("20 assignments over 10 inspectors").containsOnly(2);
        }
    }

    @Test
    void theNumberOfInspectorsIsASetting() {
        Settings three = new Settings(RATES.baseRate(), RATES.keyDischargerRate(), RATES.poorCreditRate(), 3, 365);
        DrawSnapshot snapshot = new DrawSnapshot(1, new DrawSnapshot.Plan(8, PlanType.PERIODIC, 2026, "清城区"), three,
                List.of(keyMonitored(1, "清城区", false), keyRiskSource(2, "清城区")), cityInspectors(5));
        assertThat(RandomDraw.draw(5, snapshot)).allSatisfy(s -> assertThat(s.inspectorIds()).hasSize(3));
    }

    @Test
    void conflictsRecentInspectionsAndOtherCountiesAreNeverSent() {
        // Inspectors 1 and 6 declared a relation with enterprise 11, inspector 2 inspected it recently, inspector 3 works
        // in 英德市: 4 and 5 are the only ones who may go to 11. For 12: 1, 4 and 5.
        List<InspectorRow> inspectors = List.of(
                new InspectorRow(1, null, List.of(11L), List.of()),
                new InspectorRow(2, "清城区", List.of(), List.of(11L, 12L)),
                inspector(3, "英德市"),
                inspector(4, null),
                inspector(5, "清城区"),
                new InspectorRow(6, null, List.of(11L, 12L), List.of()));
        List<EnterpriseRow> rows = List.of(keyMonitored(11, "清城区", false), keyRiskSource(12, "清城区"));
        for (long seed = 0; seed < 500; seed++) {
            Map<Long, List<Long>> sent = RandomDraw.draw(seed, periodic(rows, inspectors)).stream()
                    .collect(Collectors.toMap(Selected::enterpriseId, Selected::inspectorIds));
            assertThat(sent.get(11L)).containsExactly(4L, 5L);
            assertThat(sent.get(12L)).hasSize(2).doesNotContain(2L, 3L, 6L);
        }
    }

    @Test
    void tooFewEligibleInspectorsStopsTheDrawNamingEveryShortEnterprise() {
        List<InspectorRow> inspectors = List.of(
                new InspectorRow(1, null, List.of(11L), List.of()),
                new InspectorRow(2, null, List.of(), List.of(11L, 13L)),
                inspector(3, null),
                inspector(4, "英德市"));
        List<EnterpriseRow> rows = List.of(keyMonitored(11, "清城区", false), keyRiskSource(12, "清城区"),
                keyMonitored(13, "清城区", false), keyRiskSource(14, "英德市"));
        // 11: only 3 may go. 12: 1, 2, 3. 13: 1 and 3. 14 (英德市): 1, 2, 3, 4.
        DrawSnapshot snapshot = new DrawSnapshot(1, new DrawSnapshot.Plan(9, PlanType.PERIODIC, 2026, null), RATES,
                rows, inspectors);
        assertThatThrownBy(() -> RandomDraw.draw(1, snapshot))
                .isInstanceOfSatisfying(NotEnoughInspectorsException.class, e -> {
                    assertThat(e.enterpriseIds()).containsExactly(11L);
                    assertThat(e.required()).isEqualTo(2);
                });
        DrawSnapshot nobody = periodic(List.of(keyMonitored(11, "清城区", false)), List.of(inspector(4, "英德市")));
        assertThatThrownBy(() -> RandomDraw.draw(1, nobody)).isInstanceOf(NotEnoughInspectorsException.class);
    }

    // ---- the yearly obligation ----

    @Test
    void aPeriodicPlanIncludesEveryKeyEnterpriseNotYetInspectedThisYear() {
        List<EnterpriseRow> rows = new ArrayList<>();
        rows.add(keyMonitored(1, "清城区", false));
        rows.add(keyRiskSource(2, "清城区"));
        rows.add(keyMonitored(3, "清城区", true));
        LongStream.rangeClosed(10, 40).forEach(id -> rows.add(plain(id, "清城区")));
        int thirdDrawn = 0;
        for (long seed = 0; seed < 1000; seed++) {
            List<Selected> result = RandomDraw.draw(seed, periodic(rows, cityInspectors(8)));
            Map<Long, Selected> byId = result.stream().collect(Collectors.toMap(Selected::enterpriseId, s -> s));
            assertThat(byId).containsKeys(1L, 2L);
            assertThat(byId.get(1L).mandatory()).isTrue();
            assertThat(byId.get(1L).fullIndicatorMonitoring()).as("全指标监督性监测 for a key-monitored enterprise").isTrue();
            assertThat(byId.get(2L).mandatory()).isTrue();
            assertThat(byId.get(2L).fullIndicatorMonitoring()).as("a risk source that is not key-monitored").isFalse();
            if (byId.containsKey(3L)) {
                thirdDrawn++;
                assertThat(byId.get(3L).mandatory()).isFalse();
                assertThat(byId.get(3L).fullIndicatorMonitoring()).isFalse();
                assertThat(byId.get(3L).stratum()).isEqualTo(Stratum.KEY_DISCHARGER);
            }
        }
        assertThat(thirdDrawn / 1000.0).as("already inspected this year: drawn by lot at the key rate").isCloseTo(0.35, within(0.05));
    }

    @Test
    void aCampaignDrawsKeyEnterprisesByLotToo() {
        List<EnterpriseRow> rows = List.of(keyMonitored(1, "清城区", false), keyRiskSource(2, "清城区"));
        int drawn = 0;
        for (long seed = 0; seed < 1000; seed++) {
            List<Selected> result = RandomDraw.draw(seed, campaign(rows, cityInspectors(4)));
            assertThat(result).noneMatch(Selected::mandatory).noneMatch(Selected::fullIndicatorMonitoring);
            drawn += result.size();
        }
        assertThat(drawn / 2000.0).isCloseTo(0.35, within(0.05));
    }

    @Test
    void anEnterpriseInTwoStrataIsDrawnInTheOneWithTheHigherRate() {
        EnterpriseRow keyAndRed = new EnterpriseRow(1, "清城区", ManagementCategory.KEY, false, false, CreditColour.YELLOW, false);
        assertThat(RandomDraw.stratumOf(keyAndRed, RATES)).isEqualTo(Stratum.POOR_CREDIT);
        Settings keyHigher = new Settings(new BigDecimal("0.1"), new BigDecimal("0.9"), new BigDecimal("0.5"), 2, 365);
        assertThat(RandomDraw.stratumOf(keyAndRed, keyHigher)).isEqualTo(Stratum.KEY_DISCHARGER);
        assertThat(RandomDraw.stratumOf(plain(2, "清城区"), keyHigher)).isEqualTo(Stratum.BASE);
        assertThat(RandomDraw.stratumOf(keyRiskSource(3, "清城区"), keyHigher)).isEqualTo(Stratum.KEY_DISCHARGER);
    }

    // ---- the rates ----

    @Test
    void overTenThousandDrawsEachStratumIsDrawnAtItsRate() {
        DrawSnapshot snapshot = mixedCampaign();
        Map<Long, Stratum> stratumOf = snapshot.enterprises().stream()
                .collect(Collectors.toMap(EnterpriseRow::id, e -> RandomDraw.stratumOf(e, RATES)));
        Map<Stratum, Integer> members = new HashMap<>();
        stratumOf.values().forEach(s -> members.merge(s, 1, Integer::sum));
        int draws = 10_000;
        Map<Long, Integer> timesDrawn = new HashMap<>();
        List<Selected> wrongStratum = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (long seed = 1; seed <= draws; seed++) {
                for (Selected s : RandomDraw.draw(seed, snapshot)) {
                    timesDrawn.merge(s.enterpriseId(), 1, Integer::sum);
                    if (s.stratum() != stratumOf.get(s.enterpriseId())) {
                        wrongStratum.add(s);
                    }
                }
            }
        });
        assertThat(wrongStratum).isEmpty();
        for (Stratum stratum : Stratum.values()) {
            long total = stratumOf.entrySet().stream().filter(e -> e.getValue() == stratum)
                    .mapToLong(e -> timesDrawn.getOrDefault(e.getKey(), 0)).sum();
            double observed = (double) total / (draws * members.get(stratum));
            assertThat(observed).as(stratum + " rate").isCloseTo(RATES.rateOf(stratum).doubleValue(), within(0.02));
        }
        // Within a stratum, no enterprise is favoured.
        stratumOf.forEach((id, stratum) -> assertThat(timesDrawn.getOrDefault(id, 0) / (double) draws)
                .as("enterprise " + id).isCloseTo(RATES.rateOf(stratum).doubleValue(), within(0.02)));
    }

    @Test
    void theCountPerStratumStaysWithinOneOfRateTimesSize() {
        DrawSnapshot snapshot = mixedCampaign();
        // 7 × 0.1 = 0.7, 13 × 0.35 = 4.55, 11 × 0.6 = 6.6
        for (long seed = 0; seed < 2000; seed++) {
            Map<Long, Long> perHundred = RandomDraw.draw(seed, snapshot).stream()
                    .collect(Collectors.groupingBy(s -> s.enterpriseId() / 100, Collectors.counting()));
            assertThat(perHundred.getOrDefault(1L, 0L)).isBetween(0L, 1L);
            assertThat(perHundred.getOrDefault(2L, 0L)).isBetween(4L, 5L);
            assertThat(perHundred.getOrDefault(3L, 0L)).isBetween(6L, 7L);
        }
    }

    @Test
    void ratesOfZeroAndOneDrawNoneAndAll() {
        Settings extremes = new Settings(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.5"), 2, 365);
        DrawSnapshot snapshot = new DrawSnapshot(1, new DrawSnapshot.Plan(7, PlanType.CAMPAIGN, 2026, null), extremes,
                mixedCampaign().enterprises(), cityInspectors(12));
        for (long seed = 0; seed < 100; seed++) {
            Set<Long> ids = drawnIds(RandomDraw.draw(seed, snapshot));
            assertThat(ids).noneMatch(id -> id / 100 == 1);
            assertThat(ids.stream().filter(id -> id / 100 == 2)).hasSize(13);
        }
    }
}
