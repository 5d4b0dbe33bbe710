package io.uptake.digest;

import io.uptake.catalog.UsageSpec;
import io.uptake.message.DigestMessage.Fact;
import io.uptake.message.Words;
import io.uptake.metrics.Cohorts;
import io.uptake.metrics.CycleBaseline;
import io.uptake.metrics.EffectWording;
import io.uptake.metrics.OutcomeEffectWording;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Freshness;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.OutcomeGapWording;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.SequencingWording;
import io.uptake.metrics.SeatCost;
import io.uptake.metrics.TeamSize;
import io.uptake.metrics.WorkflowScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words a workflow's figures for leaders. A figure that is not shown becomes the reason it is hidden, never a
 * number, so every rendering of the digest (text, Block Kit, Adaptive Card) inherits the anonymity rules.
 */
final class DigestWording {

    static final String DASH = "—";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final int minRespondents;
    private final MetricsSettings settings;

    DigestWording(MetricsSettings settings) {
        this.minRespondents = settings.minRespondents();
        this.settings = settings;
    }

    /**
     * @param ownerName the name the owner goes by, or null to show their email
     * @param soFar     whether the week is still running: its WAU is then not said to be up or down from last week's
     */
    List<Fact> facts(WorkflowScore w, String ownerName, boolean soFar) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Weekly active", wau(w, soFar)));
        facts.add(new Fact("Habit", percent(w.habitPercent(), "under 12 weeks of data")));
        facts.add(new Fact("Trust", trust(w)));
        facts.add(new Fact("Response rate", response(w.responsePercent())));
        facts.add(new Fact("Cycle time Δ", cycleTime(w)));
        if (w.effect() != null) {
            facts.add(new Fact(EffectWording.LABEL, EffectWording.line(w.effect())));
        }
        if (w.outcomeEffect() != null) {
            facts.add(new Fact(OutcomeEffectWording.LABEL, OutcomeEffectWording.line(w.outcomeEffect())));
        }
        facts.add(new Fact("Stage", w.stage() + " · " + days(w.daysInStage()) + " in stage"));
        facts.add(new Fact("Outcome", outcome(w.outcome())));
        facts.add(new Fact("Owner", ownerName != null ? ownerName : w.ownerEmail()));
        facts.add(new Fact("Days of use", daysOfUse(w)));
        facts.addAll(BlockerWording.facts(w, settings));
        facts.addAll(DriftWording.facts(w, settings));
        facts.addAll(CalibrationWording.facts(w, settings));
        facts.addAll(WaveWording.facts(w, settings));
        if (w.decision() != null) {
            facts.add(new Fact("Owner decided", SequencingWording.decided(w.decision())
                    .substring("Owner decided: ".length())));
        }
        return facts;
    }

    /**
     * The week's cohorts, heaviest first, with tried-and-stopped, passive use and the tool's seat cost where
     * shown, on one line: {@code heavy (4+ days) 17% · moderate (2–3 days) 23% · light (1 day) 20% · none 40% of
     * 30 (telemetry) · stopped 17% · passive 17% · 8.74 USD a week per active user · 9 of 20 seats idle}.
     */
    private String daysOfUse(WorkflowScore w) {
        Cohorts c = w.cohorts();
        List<Figure> groups = List.of(c.heavy(), c.moderate(), c.light(), c.none());
        Figure shownOne = groups.stream().filter(Figure::isShown).findFirst().orElse(null);
        List<String> parts = new ArrayList<>();
        if (shownOne == null) {
            parts.add(c.none().state() == Figure.State.NO_DATA ? DASH + "  (no usage data yet)"
                    : DASH + "  (a group of fewer than " + minRespondents + " people)");
        } else {
            String[] names = {"heavy (" + (c.moderateMaxDays() + 1) + "+ days)",
                "moderate (" + range(c.lightMaxDays() + 1, c.moderateMaxDays()) + ")",
                "light (" + range(1, c.lightMaxDays()) + ")", "none"};
            List<String> cohorts = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                cohorts.add(names[i] + " " + (groups.get(i).isShown() ? whole(groups.get(i).value()) + "%"
                        : "hidden"));
            }
            parts.add(String.join(" · ", cohorts) + " of " + shownOne.n() + " ("
                    + (shownOne.source() == Figure.Source.TELEMETRY ? "telemetry" : "self-reported") + ")");
        }
        if (c.triedAndStopped().isShown()) {
            parts.add("stopped " + whole(c.triedAndStopped().value()) + "%");
        }
        if (c.passive().isShown()) {
            parts.add("passive " + whole(c.passive().value()) + "%");
        }
        SeatCost cost = w.seatCost();
        if (cost != null) {
            parts.add(cost.costPerActiveUser().isShown() ? money(cost.costPerActiveUser().value()) + " "
                    + cost.currency() + " a week per active user" : cost.costPerActiveUser().state()
                    == Figure.State.SUPPRESSED ? "cost per active user hidden (fewer than " + minRespondents
                    + " active)" : "no cost per active user (nobody active)");
            if (cost.idleSeats().isShown()) {
                parts.add(whole(cost.idleSeats().value()) + " of " + cost.seats() + " seats idle");
            }
        }
        return String.join(" · ", parts);
    }

    private static String range(int from, int to) {
        return from == to ? from + (from == 1 ? " day" : " days") : from + "–" + to + " days";
    }

    private static String money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** What the figure cannot show, in words; null when it shows a value. */
    String hidden(Figure figure, String noData) {
        return switch (figure.state()) {
            case SHOWN -> null;
            case SUPPRESSED -> DASH + "  (fewer than " + minRespondents + " " + restsOn(figure.source()) + ")";
            case NO_DATA -> DASH + "  (" + noData + ")";
        };
    }

    /** What a hidden figure had too few of: a usage figure rests on people, the others on answers. */
    private static String restsOn(Figure.Source source) {
        return switch (source) {
            case TELEMETRY -> "people using it";
            case SELF_REPORT -> "people reporting their use";
            default -> "answers";
        };
    }

    private String wau(WorkflowScore w, boolean soFar) {
        return wauFigure(w, soFar) + dataAsOf(w.freshness());
    }

    /**
     * How fresh the telemetry behind the figure is, after it: " · data as of 5 Dec", or " · no usage delivered yet";
     * nothing when the figure rests on self-reports only.
     */
    private static String dataAsOf(Freshness f) {
        if (f == null) {
            return "";
        }
        return f.dataAsOf() == null ? " · no usage delivered yet" : " · data as of " + day(f);
    }

    /** The "data as of" day as leaders read it: "5 Dec", with the year when it is not this year's. */
    private static String day(Freshness f) {
        LocalDate day = f.dataAsOf();
        LocalDate today = day.plusDays(f.daysBehind() == null ? 0 : f.daysBehind());
        return (day.getYear() == today.getYear() ? DAY : DAY_YEAR).format(day);
    }

    private String wauFigure(WorkflowScore w, boolean soFar) {
        String hidden = hidden(w.wauPercent(), "no usage data yet");
        if (hidden != null) {
            return hidden;
        }
        String source = w.wauPercent().source() == Figure.Source.TELEMETRY ? "telemetry" : "self-reported";
        return whole(w.wauPercent().value()) + "% of " + (w.teamSize().basis() == TeamSize.Basis.SYNCED_MEMBERS
                ? Words.count(w.teamSize().value(), "synced member") : Words.count(w.teamSize().value(), "person",
                "people")) + (soFar ? lastWeek(w.wauPercentPrevious()) : change(w.wauPercent(),
                w.wauPercentPrevious())) + " (" + source + ")";
    }

    private String trust(WorkflowScore w) {
        String hidden = hidden(w.trustIndex(), "no trust answers yet");
        if (hidden != null) {
            return hidden;
        }
        String text = whole(w.trustIndex().value()) + "/100";
        Figure change = w.trustChange();
        if (change.isShown()) {
            long points = Rounding.whole(change.value());
            text += " " + (points > 0 ? "↑ +" + points : points < 0 ? "↓ " + minus(points) : "→ ±0") + " pts";
        }
        return text + " (n=" + w.trustIndex().n() + ")";
    }

    private String percent(Figure figure, String noData) {
        String hidden = hidden(figure, noData);
        return hidden != null ? hidden : whole(figure.value()) + "% (n=" + figure.n() + ")";
    }

    private String response(Figure response) {
        String hidden = hidden(response, "no pulses this week");
        return hidden != null ? hidden : whole(response.value()) + "% of " + response.n();
    }

    private String cycleTime(WorkflowScore w) {
        String hidden = hidden(w.cycleTimeDeltaPercent(), "no baseline or answers");
        if (hidden != null) {
            return hidden;
        }
        long delta = Rounding.whole(w.cycleTimeDeltaPercent().value());
        String text = (delta > 0 ? "+" + delta : minus(delta)) + "% vs baseline";
        if (w.cycleBaseline() != null && CycleBaseline.SAMPLED.equals(w.cycleBaseline().source())) {
            text += " " + w.cycleBaseline().words();
        }
        return w.cycleTimeMedian().isShown() ? text + " (median " + whole(w.cycleTimeMedian().value()) + " min)"
                : text;
    }

    private String outcome(OutcomeProgress outcome) {
        if (outcome == null) {
            return "no outcome declared";
        }
        String hidden = hidden(outcome.progress(), "no check-in yet");
        String progress = hidden != null ? hidden : whole(outcome.progress().value()) + "% of target";
        if (outcome.status() != null) {
            progress += " · " + outcome.status().replace('_', ' ');
        }
        String claimedVsMeasured = OutcomeGapWording.measuredBeside(outcome);
        return progress + " · " + switch (outcome.checkinState()) {
            case CURRENT -> "check-in current";
            case DUE -> "check-in due";
            case MISSED -> "check-in missed";
            case NONE -> "no check-in cycle yet";
        } + (claimedVsMeasured == null ? "" : " · " + claimedVsMeasured);
    }

    /**
     * What a leader should look at: first whether the usage data is old or hidden, then the four flags of the
     * figures; figures that are not shown raise no flag.
     */
    List<String> flags(WorkflowScore w) {
        List<String> flags = new ArrayList<>(freshnessFlags(w.freshness()));
        if ("pilot".equals(w.stage().toLowerCase(Locale.ROOT)) && w.daysInStage() > settings.pilotMaxAgeDays()) {
            flags.add("Pilot for " + days(w.daysInStage()) + " (over " + settings.pilotMaxAgeDays() + ")");
        }
        if (w.outcome() != null && w.outcome().checkinState() == OutcomeProgress.CheckinState.MISSED) {
            flags.add("Outcome check-in missed");
        }
        if (w.outcome() != null && w.outcome().gapFlagged()) {
            flags.add("Outcome " + OutcomeGapWording.claimedVsMeasured(w.outcome()) + (w.outcome().gapPercent() == null
                    ? "" : ": " + OutcomeGapWording.number(BigDecimal.valueOf(Math.abs(w.outcome().gapPercent())))
                    + "% apart"));
        }
        if (w.responsePercent().isShown() && w.responsePercent().value() < settings.responseRateFlag()) {
            flags.add("Response rate " + whole(w.responsePercent().value()) + "% (under "
                    + settings.responseRateFlag() + "%)");
        }
        if (w.trustChange().isShown() && w.trustChange().value() <= -settings.trustDropFlag()) {
            flags.add("Trust fell " + Rounding.whole(-w.trustChange().value()) + " points");
        }
        flags.addAll(DriftWording.flags(w));
        // The sequencing reasons (built before the commercial signal, adoption not measured) and the early warning.
        w.reasons().stream().filter(r -> r.startsWith(SequencingWording.BUILT_BEFORE)
                || r.startsWith(SequencingWording.NOT_MEASURED)).forEach(flags::add);
        w.flags().stream().filter(f -> f.startsWith(SequencingWording.EARLY_WARNING))
                .map(f -> "E" + f.substring(1)).forEach(flags::add);
        return flags;
    }

    /**
     * What a leader must know before reading the usage figures: that they are old and why, that nothing came yet,
     * or that the source hides who its users are. Put first among the flags, right under the verdict.
     */
    private static List<String> freshnessFlags(Freshness f) {
        if (f == null) {
            return List.of();
        }
        List<String> flags = new ArrayList<>();
        String failing = f.lastPullFailed() ? " Its last pull failed; an admin sees why on /health." : "";
        if (f.anonymised()) {
            flags.add(UsageSpec.MICROSOFT_365_COPILOT.equals(f.source())
                    ? "Microsoft 365 hides user names: no usage can be counted until an admin turns off concealed "
                    + "names in the Microsoft 365 admin center (Settings › Org settings › Reports)."
                    : capital(f.sourceName()) + " hides user names: no usage can be counted until it shows them.");
        }
        if (f.stale() && f.dataAsOf() == null) {
            flags.add("No usage from " + f.sourceName() + " yet: weekly active use cannot count it until it "
                    + "delivers." + failing);
        } else if (f.stale()) {
            flags.add("Usage data is old: " + f.sourceName() + " has delivered up to " + day(f) + ", "
                    + days(f.daysBehind()) + " ago (usually within " + days(f.expectedLagDays())
                    + "), so use since then is not counted yet." + failing);
        }
        return flags;
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String verdict(io.uptake.metrics.Verdict verdict) {
        return switch (verdict) {
            case LEVERAGE -> "Leverage";
            case EMERGING -> "Emerging";
            case ACTIVITY -> "Activity only";
        };
    }

    /** How a percentage moved since last week, in words: ", up from 55%", ", down from 70%", ", as last week". */
    private static String change(Figure now, Figure before) {
        if (!before.isShown()) {
            return "";
        }
        double change = now.value() - before.value();
        String from = whole(before.value()) + "%";
        return change >= 1 ? ", up from " + from : change <= -1 ? ", down from " + from : ", as last week";
    }

    /**
     * Last week's percentage beside a week so far, without a direction: ", last week 73%". A few days' use against
     * a whole week's would always read as a fall.
     */
    private static String lastWeek(Figure before) {
        return before.isShown() ? ", last week " + whole(before.value()) + "%" : "";
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String whole(double value) {
        return Long.toString(Rounding.whole(value));
    }

    private static String minus(long negative) {
        return negative < 0 ? "−" + (-negative) : Long.toString(negative);
    }
}
