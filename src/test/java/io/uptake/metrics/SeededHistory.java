package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Twelve weeks of a programme with three workflows, small enough to work every figure out by hand (the expected
 * values are in {@link ScorecardTest}). The scored week is 2026-W46 (Monday 9 November, Sunday 15 November).
 *
 * <ul>
 * <li>{@code claims-triage}: pilot since 1 June, team of 10; telemetry: 4 people use it every week, one in the last
 * 9 weeks, one in the last 8; a self-report from a seventh person in W46 that telemetry outranks. Confidential
 * pulse: W46 trust 5×4 and 5×5, correction 0,0,0,1,1,1,2,2,3,3, cycle time 3,8,15,15,30,50 (baseline 20),
 * 10 sent and 8 answered; W45 trust 5×3; W44 trust 3×1 (too few, left out of the 4-week comparison).
 * Outcome up from 100 to 150, checked in at 120 on 5 October in the 2026-Q4 cycle.</li>
 * <li>{@code claims-intake}: production since 1 May (pilot since 1 March), team of 20, audience of 8; only four
 * self-reports in W46 (two used it); anonymous pulse: trust 2, 4, 4, 5, 5, 5, correction 4 answers, 8 sent
 * and 3 answered. Outcome down from 30 to 20, no check-in.</li>
 * <li>{@code claims-old}: a pilot from January, retired without reaching production.</li>
 * </ul>
 */
final class SeededHistory {

    static final LocalDate WEEK = LocalDate.parse("2026-11-09");
    static final String PROGRAMME = "claims-ai";

    private SeededHistory() {
    }

    static void seed(Connection c) throws SQLException {
        History h = History.on(c);
        h.programme(PROGRAMME, "Claims AI");
        h.workflow("claims-triage", PROGRAMME, "Claims triage", "pilot", LocalDate.parse("2026-06-01"), 10,
                BigDecimal.valueOf(20));
        h.outcome("claims-triage", "up", 100, 150);
        h.workflow("claims-intake", PROGRAMME, "Claims intake", "production", LocalDate.parse("2026-05-01"), 20, null);
        h.stage("claims-intake", "pilot", LocalDate.parse("2026-03-01"));
        h.outcome("claims-intake", "down", 30, 20);
        h.workflow("claims-old", PROGRAMME, "Old claims bot", "retired", LocalDate.parse("2026-04-01"), 5, null);
        h.stage("claims-old", "pilot", LocalDate.parse("2026-01-05"));

        long[] triage = new long[10];
        for (int i = 0; i < 10; i++) {
            triage[i] = h.person("t" + i + "@example.com");
        }
        h.audience("claims-triage", triage);
        LocalDate first = WEEK.minusWeeks(11);
        for (int week = 0; week < 12; week++) {
            LocalDate monday = first.plusWeeks(week);
            for (int p = 0; p < 4; p++) {
                h.usage("claims-triage", triage[p], monday, 3, "telemetry");
                h.usage("claims-triage", triage[p], monday.plusDays(2), 1, "telemetry");
            }
            if (week >= 3) {
                h.usage("claims-triage", triage[4], monday.plusDays(1), 2, "telemetry");
            }
            if (week >= 4) {
                h.usage("claims-triage", triage[5], monday.plusDays(4), 1, "telemetry");
            }
        }
        h.usage("claims-triage", triage[6], WEEK.plusDays(1), 1, "self_report");

        h.pulse("triage-weekly", "claims-triage", "confidential");
        LocalDate tuesday = WEEK.plusDays(1);
        long round = h.round("triage-weekly", tuesday, "confidential");
        int[] trust = {4, 4, 4, 4, 4, 5, 5, 5, 5, 5};
        int[] correction = {0, 0, 0, 1, 1, 1, 2, 2, 3, 3};
        int[] minutes = {3, 8, 15, 15, 30, 50};
        for (int p = 0; p < 10; p++) {
            h.delivery(round, triage[p], tuesday, p < 8);
            h.answer(round, triage[p], "trust", trust[p], null, tuesday);
            h.answer(round, triage[p], "correction", correction[p], null, tuesday);
            if (p < minutes.length) {
                h.answer(round, triage[p], "cycle-time", null, BigDecimal.valueOf(minutes[p]), tuesday);
            }
        }
        long w45 = h.round("triage-weekly", tuesday.minusWeeks(1), "confidential");
        for (int p = 0; p < 5; p++) {
            h.answer(w45, triage[p], "trust", 3, null, tuesday.minusWeeks(1));
        }
        long w44 = h.round("triage-weekly", tuesday.minusWeeks(2), "confidential");
        for (int p = 0; p < 3; p++) {
            h.answer(w44, triage[p], "trust", 1, null, tuesday.minusWeeks(2));
        }
        long q4 = h.cycle("claims-triage", "2026-Q4", Instant.parse("2026-10-01T09:00:00Z"), null);
        h.checkin(q4, 120, "on_track", 7, Instant.parse("2026-10-05T15:00:00Z"));

        long[] intake = new long[8];
        for (int i = 0; i < 8; i++) {
            intake[i] = h.person("i" + i + "@example.com");
        }
        h.audience("claims-intake", intake);
        for (int p = 0; p < 4; p++) {
            h.usage("claims-intake", intake[p], tuesday, p < 2 ? 1 : 0, "self_report");
        }
        h.pulse("intake-weekly", "claims-intake", "anonymous");
        long anonymous = h.round("intake-weekly", tuesday, "anonymous");
        for (int p = 0; p < 8; p++) {
            h.delivery(anonymous, intake[p], tuesday, p < 3);
        }
        for (int value : new int[] {2, 4, 4, 5, 5, 5}) {
            h.answer(anonymous, null, "trust", value, null, tuesday);
        }
        for (int value : new int[] {0, 2, 3, 3}) {
            h.answer(anonymous, null, "correction", value, null, tuesday);
        }
    }
}
