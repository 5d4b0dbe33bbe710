package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void parsesAWeekToItsMonday() {
        assertThat(IsoWeek.parse("2026-W47")).contains(LocalDate.parse("2026-11-16"));
        assertThat(IsoWeek.parse("2026-w01")).contains(LocalDate.parse("2025-12-29"));
    }

    @Test
    void refusesWeeksThatDoNotExist() {
        assertThat(IsoWeek.parse("2026-W54")).isEmpty();
        assertThat(IsoWeek.parse("2026-W00")).isEmpty();
        assertThat(IsoWeek.parse("2026-11-16")).isEmpty();
    }

    @Test
    void aYearWithFiftyThreeWeeksHasItsLast() {
        assertThat(IsoWeek.parse("2026-W53")).contains(LocalDate.parse("2026-12-28"));
    }

    @Test
    void theLastCompleteWeekEndsBeforeTheClock() {
        Clock sunday = Clock.fixed(Instant.parse("2026-11-22T23:59:00Z"), ZoneOffset.UTC);
        Clock monday = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

        assertThat(IsoWeek.format(IsoWeek.lastComplete(sunday))).isEqualTo("2026-W46");
        assertThat(IsoWeek.format(IsoWeek.lastComplete(monday))).isEqualTo("2026-W47");
    }

    @Test
    void aWeekIsCompleteInAZoneOnceItsSundayMidnightThereHasPassed() {
        java.time.ZoneId auckland = java.time.ZoneId.of("Pacific/Auckland");
        LocalDate w48 = LocalDate.parse("2026-11-23");
        Instant mondayInAuckland = Instant.parse("2026-11-29T11:00:00Z"); // Monday 00:00 there, Sunday in UTC

        assertThat(IsoWeek.complete(w48, mondayInAuckland.minusSeconds(1), auckland)).isFalse();
        assertThat(IsoWeek.complete(w48, mondayInAuckland, auckland)).isTrue();
        assertThat(IsoWeek.complete(w48, mondayInAuckland, ZoneOffset.UTC)).isFalse();
        assertThat(IsoWeek.lastComplete(mondayInAuckland, auckland)).isEqualTo(w48);
        assertThat(IsoWeek.running(mondayInAuckland, auckland)).isEqualTo(w48.plusWeeks(1));
        assertThat(IsoWeek.running(mondayInAuckland, ZoneOffset.UTC)).isEqualTo(w48);
    }
}
