package io.uptake.api;

import io.uptake.metrics.Cohorts;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Freshness;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.SeatCost;
import io.uptake.metrics.WeekPoint;
import io.uptake.metrics.WorkflowScore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the scorecard as CSV. Figures come already through the anonymity rules; a suppressed one is written as
 * {@code suppressed} in both its value and its n, never as a number, and one with nothing behind it as {@code n/a}.
 */
final class ScorecardCsv {

    static final String SUPPRESSED = "suppressed";
    static final String NO_DATA = "n/a";

    static final String[] SCORECARD = Stream.of(Stream.of("week", "programme", "programme_verdict", "workflow", "name",
            "stage", "days_in_stage", "owner", "target_team_size", "team_size", "team_size_basis", "wau_percent",
            "wau_n", "wau_source", "wau_percent_previous",
            "habit_percent", "habit_n", "trust_index", "trust_n", "trust_change", "trust_1", "trust_2", "trust_3",
            "trust_4", "trust_5", "correction_percent", "correction_n", "response_percent", "delivered",
            "cycle_time_median", "cycle_time_delta_percent", "cycle_time_n", "outcome_metric", "outcome_current",
            "outcome_progress_percent", "outcome_status", "outcome_confidence", "days_since_checkin", "checkin",
            "verdict", "reasons", "flags", "usage_source", "data_as_of", "data_days_behind", "data_expected_lag_days",
            "data_stale", "data_anonymised",
            "cohort_source", "cohort_n", "cohort_none_percent", "cohort_light_percent", "cohort_moderate_percent",
            "cohort_heavy_percent", "cohort_light_max_days", "cohort_moderate_max_days", "tried_and_stopped_percent",
            "tried_and_stopped_n", "passive_percent", "seat_tool", "seats", "seat_currency", "seat_weekly_cost",
            "cost_per_active_user", "cost_active_n", "idle_seats", "idle_seats_active_n"),
            BlockersCsv.HEADERS.stream(), DriftCsv.HEADERS.stream(), CalibrationCsv.HEADERS.stream(),
            StakeholdersCsv.HEADERS.stream(), OutcomeGapCsv.HEADERS.stream(), OutcomeEffectCsv.HEADERS.stream(),
            ProgrammeOwnershipCsv.HEADERS.stream(), EffectCsv.HEADERS.stream(),
            SequencingCsv.HEADERS.stream())
            .flatMap(h -> h).toArray(String[]::new);
    static final String[] HISTORY = {"week", "programme", "workflow", "wau_percent", "wau_n", "wau_source",
        "trust_index", "trust_n"};

    private ScorecardCsv() {
    }

    static String scorecard(Scorecard card) {
        return write(SCORECARD, rows -> {
            for (ProgrammeScore p : card.programmes()) {
                for (WorkflowScore w : p.workflows()) {
                    List<Object> row = new ArrayList<Object>(List.<Object>of(card.week(), p.programmeId(), p.verdict(),
                            w.workflowId(), w.name(), w.stage(), w.daysInStage(), w.ownerEmail(),
                            w.targetTeamSize(), w.teamSize().value(), w.teamSize().basis(),
                            value(w.wauPercent()), n(w.wauPercent()), w.wauPercent().source(),
                            value(w.wauPercentPrevious()), value(w.habitPercent()), n(w.habitPercent()),
                            value(w.trustIndex()), n(w.trustIndex()), value(w.trustChange())));
                    w.trustDistribution().forEach(f -> row.add(value(f)));
                    row.addAll(List.of(value(w.correctionPercent()), n(w.correctionPercent()),
                            value(w.responsePercent()), n(w.responsePercent()), value(w.cycleTimeMedian()),
                            value(w.cycleTimeDeltaPercent()), n(w.cycleTimeMedian())));
                    OutcomeProgress o = w.outcome();
                    row.addAll(o == null ? List.of("", "", "", "", "", "", "")
                            : List.of(o.metric(), plain(o.current()), value(o.progress()), text(o.status()),
                            text(o.confidence()), text(o.daysSinceCheckin()), o.checkinState()));
                    row.addAll(List.of(w.verdict(), String.join("; ", w.reasons()), String.join("; ", w.flags())));
                    row.addAll(freshness(w.freshness()));
                    row.addAll(cohorts(w.cohorts()));
                    row.addAll(seatCost(w.seatCost()));
                    row.addAll(BlockersCsv.values(w));
                    row.addAll(DriftCsv.values(w));
                    row.addAll(CalibrationCsv.values(w));
                    row.addAll(StakeholdersCsv.values(p));
                    row.addAll(OutcomeGapCsv.values(w));
                    row.addAll(OutcomeEffectCsv.values(w));
                    row.addAll(ProgrammeOwnershipCsv.values(p));
                    row.addAll(EffectCsv.values(w));
                    row.addAll(SequencingCsv.values(w));
                    rows.printRecord(row);
                }
            }
        });
    }

    /**
     * The freshness columns: the source, its "data as of" day, days behind today, expected lag, and whether it is
     * late or anonymised; all empty for a workflow whose usage figures rest on self-reports only.
     */
    private static List<Object> freshness(Freshness f) {
        if (f == null) {
            return List.of("", "", "", "", "", "");
        }
        return List.of(f.source(), text(f.dataAsOf()), text(f.daysBehind()), f.expectedLagDays(), f.stale(),
                f.anonymised());
    }

    /** The cohort columns; n is the size of the group split, as any of its shown figures gives it. */
    private static List<Object> cohorts(Cohorts c) {
        List<Figure> groups = List.of(c.none(), c.light(), c.moderate(), c.heavy());
        Figure any = groups.stream().filter(Figure::isShown).findFirst().orElse(c.none());
        return List.of(c.none().source(), n(any), value(c.none()), value(c.light()), value(c.moderate()),
                value(c.heavy()), c.lightMaxDays(), c.moderateMaxDays(), value(c.triedAndStopped()),
                n(c.triedAndStopped()), value(c.passive()));
    }

    /** The seat cost columns, empty for a workflow whose tool has no seats in the programmes file. */
    private static List<Object> seatCost(SeatCost cost) {
        if (cost == null) {
            return List.of("", "", "", "", "", "", "", "");
        }
        return List.of(cost.tool(), cost.seats(), cost.currency(), cost.weeklyCost().toPlainString(),
                value(cost.costPerActiveUser()), n(cost.costPerActiveUser()), value(cost.idleSeats()),
                n(cost.idleSeats()));
    }

    static String history(Scorecard card) {
        return write(HISTORY, rows -> {
            for (ProgrammeScore p : card.programmes()) {
                for (WorkflowScore w : p.workflows()) {
                    for (WeekPoint point : w.history()) {
                        rows.printRecord(point.week(), p.programmeId(), w.workflowId(), value(point.wauPercent()),
                                n(point.wauPercent()), point.wauPercent().source(), value(point.trustIndex()),
                                n(point.trustIndex()));
                    }
                }
            }
        });
    }

    /** Writes records after the header. */
    interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).build())) {
            rows.write(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String value(Figure f) {
        return switch (f.state()) {
            case SHOWN -> BigDecimal.valueOf(f.value()).stripTrailingZeros().toPlainString();
            case SUPPRESSED -> SUPPRESSED;
            case NO_DATA -> NO_DATA;
        };
    }

    static String n(Figure f) {
        return switch (f.state()) {
            case SHOWN -> String.valueOf(f.n());
            case SUPPRESSED -> SUPPRESSED;
            case NO_DATA -> NO_DATA;
        };
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
