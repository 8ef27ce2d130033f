package org.hmcflow.shared.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ImportTimingTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private static TimeLimit limit(String cell) {
        return TimeLimit.parse(cell).orElseThrow();
    }

    @Test
    void anItemDueBeforeTheAsOfDateIsHistoricalWithTheRecordedStatus() {
        ImportTiming done = ImportTiming.of(limit("2020年底前"), AS_OF, HistoricalStatus.DONE);
        assertThat(done.historical()).isTrue();
        assertThat(done.status()).isEqualTo(HistoricalStatus.DONE);
        assertThat(ImportTiming.of(limit("2018年底前"), AS_OF, null).status()).isEqualTo(HistoricalStatus.UNKNOWN);
        assertThatThrownBy(done::liveFrom).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anItemDueOnOrAfterTheAsOfDateIsLive() {
        ImportTiming later = ImportTiming.of(limit("2027年底前"), AS_OF, HistoricalStatus.DONE);
        assertThat(later.historical()).isFalse();
        assertThat(later.status()).isNull();
        assertThat(later.liveFrom()).isEqualTo("2027-12-31");
        // due on the as-of day itself: still live (the day has not ended)
        assertThat(ImportTiming.of(limit("2026-12-01"), AS_OF, null).historical()).isFalse();
        assertThat(ImportTiming.of(limit("2026-11-30"), AS_OF, null).historical()).isTrue();
    }

    @Test
    void periodicItemsAreLiveFromTheAsOfDateNotRetroactively() {
        ImportTiming ongoing = ImportTiming.of(limit("持续实施"), AS_OF, null);
        assertThat(ongoing.historical()).isFalse();
        assertThat(ongoing.liveFrom()).isEqualTo(AS_OF);
        assertThat(ImportTiming.of(limit("2018年起"), AS_OF, null).liveFrom()).isEqualTo(AS_OF);
        assertThat(ImportTiming.of(limit("2028年起"), AS_OF, null).liveFrom()).isEqualTo("2028-01-01");
    }

    @Test
    void statusCellsInBothLanguages() {
        assertThat(HistoricalStatus.parse("已完成")).contains(HistoricalStatus.DONE);
        assertThat(HistoricalStatus.parse("not done")).contains(HistoricalStatus.NOT_DONE);
        assertThat(HistoricalStatus.parse("")).contains(HistoricalStatus.UNKNOWN);
        assertThat(HistoricalStatus.parse("不详")).contains(HistoricalStatus.UNKNOWN);
        assertThat(HistoricalStatus.parse("差不多")).isEmpty();
    }
}
