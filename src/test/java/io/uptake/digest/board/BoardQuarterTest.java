package io.uptake.digest.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.Quarter;
import io.uptake.metrics.IsoWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quarter's weeks are those whose Thursday is in it; the summary goes out the first Monday after it ends. */
class BoardQuarterTest {

    @Test
    void q4Of2026RunsFromW40ToW53AndIsSentOnMonday4January() {
        List<LocalDate> weeks = BoardQuarter.weeks(new Quarter(2026, 4));

        // Thursday 1 October 2026 is in W40 (Monday 28 September); Thursday 31 December in W53 (Monday 28 December).
        assertThat(weeks).hasSize(14);
        assertThat(IsoWeek.format(weeks.get(0))).isEqualTo("2026-W40");
        assertThat(weeks.get(0)).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(IsoWeek.format(weeks.get(13))).isEqualTo("2026-W53");
        assertThat(BoardQuarter.sendDay(new Quarter(2026, 4))).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void q3Of2026LeavesTheWeekOfThursday1OctoberToQ4() {
        List<LocalDate> weeks = BoardQuarter.weeks(new Quarter(2026, 3));

        // Wednesday 1 July: the first Thursday is 2 July (W27); the last Thursday is 24 September (W39).
        assertThat(weeks).hasSize(13);
        assertThat(IsoWeek.format(weeks.get(0))).isEqualTo("2026-W27");
        assertThat(IsoWeek.format(weeks.get(12))).isEqualTo("2026-W39");
        // The quarter ends on Wednesday 30 September; the next Monday is 5 October.
        assertThat(BoardQuarter.sendDay(new Quarter(2026, 3))).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    void aQuarterEndingOnASundayIsSentTheNextDay() {
        // 2024-Q3 ends on Monday 30 September 2024 → Monday 7 October; 2025-Q2 ends on Monday 30 June 2025
        // → Monday 7 July; 2023-Q4 ends on Sunday 31 December 2023 → Monday 1 January 2024.
        assertThat(BoardQuarter.sendDay(new Quarter(2024, 3))).isEqualTo(LocalDate.of(2024, 10, 7));
        assertThat(BoardQuarter.sendDay(new Quarter(2023, 4))).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(BoardQuarter.previous(new Quarter(2027, 1))).isEqualTo(new Quarter(2026, 4));
        assertThat(BoardQuarter.previous(new Quarter(2027, 3))).isEqualTo(new Quarter(2027, 2));
    }
}
