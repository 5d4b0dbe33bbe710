package io.uptake.web.programmes;

import io.micronaut.core.annotation.Nullable;
import io.uptake.catalog.CatalogViews;
import io.uptake.checkin.CheckinLog;
import io.uptake.checkin.OutcomeValueLog;
import io.uptake.metrics.Anonymity;
import io.uptake.metrics.Cohorts;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Freshness;
import io.uptake.metrics.OutcomeGapWording;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.SeatCost;
import io.uptake.metrics.TeamSize;
import io.uptake.metrics.WorkflowScore;
import io.uptake.pulse.OpenRoundProgress;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a workflow's figures out as the page's tables read them: one line per figure with its value, n, source and
 * state. Values come only from the scorecard's figures (already through the anonymity rules), except an open
 * round's response, which is made here from its counts by the same rule as the scorecard's response figure.
 */
@Singleton
class WorkflowFigures {

    /** One figure as a line of the table. */
    record FigureLine(String name, String value, String n, String source, String state) {
    }

    /** An open round's progress; answered and response are hidden together below the threshold. */
    record RoundProgress(String pulse, String period, String mode, String opened, String closes, int delivered,
                         String answered, String response, String state) {
    }

    /** A line of the stage ledger. */
    record StageLine(String stage, String since, String source, String recorded) {
    }

    /** A check-in as the page lists it. */
    /** A measured outcome value from the system of record. */
    record MeasuredLine(String day, String value, String source) {
    }

    record CheckinLine(String period, String value, String status, String confidence, @Nullable String evidenceUrl,
                       String note, String logged) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final FigureText text;
    private final Anonymity anonymity;

    WorkflowFigures(FigureText text, Anonymity anonymity) {
        this.text = text;
        this.anonymity = anonymity;
    }

    List<FigureLine> rows(WorkflowScore w) {
        List<FigureLine> rows = new ArrayList<>();
        rows.add(new FigureLine("Team size", w.teamSize().value() + basis(w.teamSize().basis()), "–",
                "programmes file", w.teamSize().value() > 0 ? "shown" : "no data"));
        rows.add(line("Weekly active use (WAU)", w.wauPercent(), " %"));
        if (w.freshness() != null) {
            rows.add(dataAsOf(w.freshness()));
        }
        rows.add(line("WAU the week before", w.wauPercentPrevious(), " %"));
        rows.add(line("Habit rate (9 of the last 12 weeks)", w.habitPercent(), " %"));
        rows.add(line("Trust index (0–100)", w.trustIndex(), ""));
        rows.add(signedLine("Trust change on the previous 4 weeks", w.trustChange(), " points"));
        String[] answers = {"1 (not at all)", "2", "3", "4", "5 (completely)"};
        for (int i = 0; i < w.trustDistribution().size() && i < answers.length; i++) {
            rows.add(line("Trust answers " + answers[i], w.trustDistribution().get(i), ""));
        }
        rows.add(line("Correction rate (often or always)", w.correctionPercent(), " %"));
        rows.add(line("Response rate", w.responsePercent(), " %"));
        rows.add(line("Cycle time, median", w.cycleTimeMedian(), " min"));
        rows.add(signedLine("Cycle time against the baseline", w.cycleTimeDeltaPercent(), " %"));
        return rows;
    }

    /**
     * The week's cohorts by days of use, who tried and stopped, passive use, and the seat cost of the tool the
     * workflow's use comes from, when the programmes file gives it seats.
     */
    List<FigureLine> use(WorkflowScore w) {
        Cohorts c = w.cohorts();
        List<FigureLine> rows = new ArrayList<>();
        rows.add(line("No day of use", c.none(), " %"));
        rows.add(line("Light: " + days(1, c.lightMaxDays()), c.light(), " %"));
        rows.add(line("Moderate: " + days(c.lightMaxDays() + 1, c.moderateMaxDays()), c.moderate(), " %"));
        rows.add(line("Heavy: " + (c.moderateMaxDays() + 1) + " days or more", c.heavy(), " %"));
        rows.add(line("Tried and stopped (used in the 4 weeks before the last 2, not since)", c.triedAndStopped(),
                " %"));
        rows.add(line("Passive (seen by the tool, not using it)", c.passive(), " %"));
        SeatCost cost = w.seatCost();
        if (cost != null) {
            Figure perUser = cost.costPerActiveUser();
            rows.add(new FigureLine("Cost per weekly active user of " + cost.tool() + " (" + cost.seats()
                    + " seats, " + cost.weeklyCost().toPlainString() + " " + cost.currency() + " a week)",
                    perUser.isShown() ? String.format(Locale.ROOT, "%.2f %s", perUser.value(), cost.currency())
                            : text.value(perUser, ""), FigureText.n(perUser), FigureText.source(perUser),
                    FigureText.state(perUser)));
            rows.add(line("Idle seats (not used in the last 4 weeks) of " + cost.seats(), cost.idleSeats(), ""));
        }
        return rows;
    }

    private static String days(int from, int to) {
        return from == to ? from + (from == 1 ? " day" : " days") : from + "–" + to + " days";
    }

    /** The outcome's progress and where its check-in stands; empty without an outcome. */
    List<FigureLine> outcome(@Nullable OutcomeProgress o) {
        if (o == null) {
            return List.of();
        }
        List<FigureLine> rows = new ArrayList<>();
        rows.add(line("Progress from baseline to target", o.progress(), " %"));
        rows.add(new FigureLine("Current value", o.current() == null ? "no check-in yet"
                : o.current().toPlainString() + " " + o.unit(), "–", "owner's check-in",
                o.current() == null ? "no data" : "shown"));
        rows.add(new FigureLine("Check-in this period", checkin(o.checkinState()), "–", "owner's check-in",
                "shown"));
        if (o.measured() != null) {
            rows.add(new FigureLine("Measured value (" + o.measuredOn() + ")",
                    OutcomeGapWording.number(o.measured()) + " " + o.unit(), "–", "system of record", "shown"));
        }
        String claimedVsMeasured = OutcomeGapWording.claimedVsMeasured(o);
        if (claimedVsMeasured != null) {
            rows.add(new FigureLine("Claimed vs measured", claimedVsMeasured + (o.gapPercent() == null ? ""
                    : ": " + (o.gapPercent() > 0 ? "+" : "") + o.gapPercent() + " %")
                    + (o.gapFlagged() ? " (flagged)" : ""), "–", "check-in and system of record", "shown"));
        }
        if (o.daysSinceCheckin() != null) {
            rows.add(new FigureLine("Days since the last check-in", String.valueOf(o.daysSinceCheckin()), "–",
                    "owner's check-in", "shown"));
        }
        return rows;
    }

    static StageLine stage(CatalogViews.StageView s) {
        return new StageLine(s.stage(), String.valueOf(s.since()), s.source(),
                s.recordedAt() == null ? "–" : WHEN.format(s.recordedAt()));
    }

    static MeasuredLine measured(OutcomeValueLog.Entry m, String unit) {
        return new MeasuredLine(m.day().toString(), OutcomeGapWording.number(m.value()) + " " + unit,
                m.source() == null ? "–" : m.source());
    }

    static CheckinLine checkin(CheckinLog.Entry c, String unit) {
        return new CheckinLine(c.period(), c.value().toPlainString() + " " + unit, c.status().replace('_', ' '),
                c.confidence() + " / 10", c.evidenceUrl(), c.note() == null ? "–" : c.note(),
                DAY.format(c.submittedAt()));
    }

    RoundProgress round(OpenRoundProgress.Round r) {
        Figure response = r.delivered() == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(Rounding.oneDecimal(r.answered() * 100.0 / r.delivered()), r.delivered(),
                        Figure.Source.PULSE);
        return new RoundProgress(r.pulseId(), r.period(), r.anonymous() ? "anonymous" : "confidential",
                WHEN.format(r.openedAt()), WHEN.format(r.closesAt()), r.delivered(),
                response.isShown() ? String.valueOf(r.answered()) : r.delivered() == 0 ? "–" : text.hidden(),
                text.value(response, " %"), FigureText.state(response));
    }

    /**
     * The line under WAU saying how fresh the telemetry behind it is: the newest day its source delivered and how
     * long ago, with the source; its state says whether that is on time, late, or hidden by the source.
     */
    static FigureLine dataAsOf(Freshness f) {
        String value = f.dataAsOf() == null ? "nothing delivered yet"
                : f.dataAsOf() + " (" + (f.daysBehind() == 1 ? "1 day" : f.daysBehind() + " days") + " ago; expected"
                + " within " + f.expectedLagDays() + ")";
        String state = f.anonymised() ? "names hidden by the source" : f.stale() ? "late" : "on time";
        return new FigureLine("Usage data as of", value, "–", f.sourceName(), state);
    }

    private static String basis(TeamSize.Basis basis) {
        return switch (basis) {
            case TARGET -> " (target in the programmes file)";
            case SYNCED_MEMBERS -> " (members synced from chat)";
            case LISTED -> " (people listed in the programmes file)";
        };
    }

    private static String checkin(OutcomeProgress.CheckinState state) {
        return switch (state) {
            case CURRENT -> "in";
            case DUE -> "due, not in yet";
            case MISSED -> "missed";
            case NONE -> "none yet";
        };
    }

    private FigureLine line(String name, Figure f, String unit) {
        return new FigureLine(name, text.value(f, unit), FigureText.n(f), FigureText.source(f), FigureText.state(f));
    }

    private FigureLine signedLine(String name, Figure f, String unit) {
        String value = f.isShown() ? FigureText.signed(f.value()) + unit : text.value(f, unit);
        return new FigureLine(name, value, FigureText.n(f), FigureText.source(f), FigureText.state(f));
    }
}
