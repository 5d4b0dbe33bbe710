package io.uptake.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The drift-back rules as pure functions of figures already through the anonymity rules: how many weeks weekly active
 * use has fallen in a row, its fall from the recent peak, whether a majority was weekly active within the first
 * quarter since launch, never-started with its complementary suppression, and the flags these raise.
 */
final class DriftRules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final DriftSettings drift;
    private final int majorityPercent;
    private final Anonymity anonymity;

    DriftRules(DriftSettings drift, MetricsSettings metrics, Anonymity anonymity) {
        this.drift = drift;
        this.majorityPercent = metrics.leverageWauPercent();
        this.anonymity = anonymity;
    }

    /**
     * Weeks in a row, up to the last, in which WAU fell against the week before. Only shown figures count: a week
     * suppressed or without data ends the run (it is never read as 0, which would invent a fall).
     *
     * @param wau weekly active use, oldest first, the scored week last
     */
    static int fallingWeeks(List<Figure> wau) {
        int run = 0;
        for (int i = wau.size() - 1; i > 0; i--) {
            Figure now = wau.get(i);
            Figure before = wau.get(i - 1);
            if (!now.isShown() || !before.isShown() || now.value() >= before.value()) {
                break;
            }
            run++;
        }
        return run;
    }

    /** The highest shown WAU of the last {@code weeks} weeks (the scored one included), with its n and source. */
    static Figure peak(List<Figure> wau, int weeks) {
        Figure peak = null;
        for (int i = Math.max(0, wau.size() - weeks); i < wau.size(); i++) {
            Figure f = wau.get(i);
            if (f.isShown() && (peak == null || f.value() > peak.value())) {
                peak = f;
            }
        }
        if (peak != null) {
            return peak;
        }
        Figure last = wau.isEmpty() ? Figure.noData(Figure.Source.SELF_REPORT) : wau.get(wau.size() - 1);
        return last.state() == Figure.State.SUPPRESSED ? Figure.suppressed(last.source())
                : Figure.noData(last.source());
    }

    /** (peak − WAU now) ÷ peak, in percent with one decimal, resting on this week's n; 0 at a peak of 0. */
    static Figure dropFromPeak(Figure now, Figure peak) {
        if (!now.isShown()) {
            return now.state() == Figure.State.SUPPRESSED ? Figure.suppressed(now.source())
                    : Figure.noData(now.source());
        }
        double drop = peak.value() <= 0 ? 0 : Rounding.oneDecimal((peak.value() - now.value()) / peak.value() * 100);
        return Figure.shown(Math.max(0, drop), now.n(), now.source());
    }

    /**
     * The first-quarter check: the weeks from the launch's week to the last week beginning before the deadline
     * (launch + first-quarter-weeks), read as far as the scored week. MET on the Monday of the first week whose WAU
     * is shown and above the majority; MISSED once the quarter's last week is scored without one; PENDING before.
     *
     * @param launch       the day the workflow first went into pilot (or production), null if it never did
     * @param scoredMonday the Monday of the scored week
     * @param wauOf        the WAU of a week, by its Monday
     */
    Drift.FirstQuarter firstQuarter(LocalDate launch, LocalDate scoredMonday, Function<LocalDate, Figure> wauOf) {
        if (launch == null || launch.isAfter(scoredMonday.plusDays(6))) {
            return Drift.FirstQuarter.notLaunched();
        }
        LocalDate deadline = deadline(launch);
        LocalDate last = lastWeek(deadline);
        for (LocalDate m = IsoWeek.monday(launch); !m.isAfter(last) && !m.isAfter(scoredMonday); m = m.plusWeeks(1)) {
            Figure wau = wauOf.apply(m);
            if (wau.isShown() && wau.value() > majorityPercent) {
                return new Drift.FirstQuarter(launch, deadline, "MET", m);
            }
        }
        return new Drift.FirstQuarter(launch, deadline, scoredMonday.isBefore(last) ? "PENDING" : "MISSED", null);
    }

    DriftSettings drift() {
        return drift;
    }

    LocalDate deadline(LocalDate launch) {
        return launch.plusWeeks(drift.firstQuarterWeeks());
    }

    /** The Monday of the first quarter's last week: the last week that begins before the deadline. */
    static LocalDate lastWeek(LocalDate deadline) {
        return IsoWeek.monday(deadline.minusDays(1));
    }

    /**
     * People counts over the audience at the end of the scored week.
     *
     * @param atEnd   members at the end of the week
     * @param never   of them, those with no use of the workflow on record at all
     * @param idle    of them, those with no use in the week, counted from the source WAU takes for the week
     * @param stopped of them, those the tried-and-stopped figure counts
     */
    record Counts(int atEnd, int never, int idle, int stopped) {
    }

    /**
     * Never-started as a share of the audience at the end of the week. The people with no use in the week are
     * known (WAU gives the active ones), and split into three: tried and stopped, never started and the rest (who
     * used it in the last 2 weeks but not this one, or before the 6 weeks tried-and-stopped looks at). So beside the
     * share's own rule (neither it nor the people who did start may be a group of 1 to min-respondents − 1), the
     * group left over must not be one either: the rest when tried-and-stopped is shown, the rest and the stopped
     * together when it is not.
     */
    Figure neverStarted(Counts c, Figure stopped, Figure.Source source) {
        Figure share = anonymity.share(c.never(), c.atEnd(), source);
        if (!share.isShown()) {
            return share;
        }
        int startedIdle = Math.max(0, c.idle() - c.never());
        int leftOver = stopped.isShown() ? Math.max(0, startedIdle - c.stopped()) : startedIdle;
        return small(leftOver) ? Figure.suppressed(source) : share;
    }

    private boolean small(int count) {
        return count > 0 && count < anonymity.minRespondents();
    }

    /**
     * The flags drift raises, in plain words with their numbers: WAU falling for falling-weeks in a row, WAU more
     * than drop-from-peak-percent below its peak, and a first quarter missed while this week's WAU is shown and still
     * not a majority.
     *
     * @param wau the WAU history, oldest first, the scored week last
     */
    List<String> flags(List<Figure> wau, int falling, Figure peak, Figure drop, Drift.FirstQuarter quarter) {
        List<String> flags = new ArrayList<>();
        Figure now = wau.isEmpty() ? Figure.noData(Figure.Source.SELF_REPORT) : wau.get(wau.size() - 1);
        if (falling >= drift.fallingWeeks()) {
            flags.add("WAU falling " + falling + " weeks running (" + percent(wau.get(wau.size() - 1 - falling))
                    + " to " + percent(now) + ")");
        }
        if (drop.isShown() && drop.value() > drift.dropFromPeakPercent()) {
            flags.add("WAU " + Verdicts.number(drop.value()) + "% below its " + drift.peakWeeks() + "-week peak ("
                    + percent(peak) + " to " + percent(now) + ")");
        }
        // Like every flag, only on a shown figure: a week whose WAU is hidden cannot say use is still short.
        if ("MISSED".equals(quarter.state()) && now.isShown() && now.value() <= majorityPercent) {
            flags.add(Drift.FIRST_QUARTER_MISSED + " (over " + majorityPercent + "% by "
                    + DAY.format(quarter.deadline()) + ")");
        }
        return flags;
    }

    private static String percent(Figure f) {
        return Verdicts.number(f.value()) + "%";
    }
}
