package io.uptake.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Leverage, emerging or activity, with the reasons in plain words. A workflow is at LEVERAGE when it has an owner,
 * a current check-in, an outcome moving towards its target and more than leverage-wau-percent of its target team
 * active in the week. Short of that it is EMERGING when it shows one real sign of change (weekly use at or above
 * emerging-wau-percent, or a current check-in with the outcome moving the right way), otherwise ACTIVITY.
 */
final class Verdicts {

    record Judged(Verdict verdict, List<String> reasons) {
    }

    private final MetricsSettings settings;
    private final OutcomeGapSettings outcomeGap;

    Verdicts(MetricsSettings settings) {
        this(settings, OutcomeGapSettings.defaults());
    }

    Verdicts(MetricsSettings settings, OutcomeGapSettings outcomeGap) {
        this.settings = settings;
        this.outcomeGap = outcomeGap;
    }

    /**
     * @param ownerName the name the owner goes by, or null: the reason then names them by email, as the digest does
     * @param period    "quarter" or "month", as the check-in cadence says
     */
    Judged workflow(WorkflowScore w, String ownerName, String period) {
        List<String> missing = new ArrayList<>();
        List<String> met = new ArrayList<>();
        boolean owner = w.ownerEmail() != null && !w.ownerEmail().isBlank();
        (owner ? met : missing).add(owner ? "owner " + (ownerName != null ? ownerName : w.ownerEmail().strip())
                : "no accountable owner");
        OutcomeProgress o = w.outcome();
        boolean current = o != null && o.checkinState() == OutcomeProgress.CheckinState.CURRENT;
        boolean moving = o != null && o.progress().isShown() && o.progress().value() > 0;
        if (o == null) {
            missing.add("no outcome declared");
        } else {
            (current ? met : missing).add(checkinReason(o, period));
            if (o.progress().isShown()) {
                (moving ? met : missing).add(moving
                        ? "outcome " + number(o.progress().value()) + "% of the way from baseline to target"
                        : "outcome not moving towards its target (" + number(o.progress().value()) + "%)");
            }
        }
        Figure wau = w.wauPercent();
        boolean majority = wau.isShown() && wau.value() > settings.leverageWauPercent();
        (majority ? met : missing).add(wauReason(wau, w.teamSize()));
        List<String> reasons = new ArrayList<>(missing);
        // An old pilot does not stop leverage, but it is the first thing a reader should see after what is missing.
        if ("pilot".equals(w.stage()) && w.daysInStage() > settings.pilotMaxAgeDays()) {
            reasons.add("pilot for " + w.daysInStage() + " days");
        }
        reasons.addAll(met);
        if (missing.isEmpty() && current && moving && majority) {
            return new Judged(Verdict.LEVERAGE, reasons);
        }
        boolean emerging = (wau.isShown() && wau.value() >= settings.emergingWauPercent()) || (current && moving);
        return new Judged(emerging ? Verdict.EMERGING : Verdict.ACTIVITY, reasons);
    }

    List<String> flags(WorkflowScore w) {
        List<String> flags = new ArrayList<>();
        if ("pilot".equals(w.stage()) && w.daysInStage() > settings.pilotMaxAgeDays()) {
            flags.add("pilot for " + w.daysInStage() + " days (over " + settings.pilotMaxAgeDays() + ")");
        }
        if (w.outcome() != null && w.outcome().checkinState() == OutcomeProgress.CheckinState.MISSED) {
            flags.add("check-in missed");
        }
        if (w.outcome() != null && w.outcome().gapFlagged()) {
            flags.add(OutcomeGapWording.flag(w.outcome(), outcomeGap.percent()));
        }
        if (w.responsePercent().isShown() && w.responsePercent().value() < settings.responseRateFlag()) {
            flags.add("response rate " + number(w.responsePercent().value()) + "% (below "
                    + settings.responseRateFlag() + "%)");
        }
        if (w.trustChange().isShown() && w.trustChange().value() <= -settings.trustDropFlag()) {
            flags.add("trust down " + number(-w.trustChange().value()) + " points on the previous 4 weeks");
        }
        return flags;
    }

    /** A programme is at leverage when enough of its active workflows are; emerging when any is on its way. */
    Judged programme(List<WorkflowScore> workflows, Figure pilotToProduction, int pilots, int promoted) {
        List<String> reasons = new ArrayList<>();
        if (workflows.isEmpty()) {
            return new Judged(Verdict.ACTIVITY, List.of("no active workflows"));
        }
        long leverage = workflows.stream().filter(w -> w.verdict() == Verdict.LEVERAGE).count();
        long emerging = workflows.stream().filter(w -> w.verdict() == Verdict.EMERGING).count();
        reasons.add(leverage + " of " + workflows.size() + " workflows at leverage");
        if (pilotToProduction.isShown()) {
            reasons.add(promoted + " of " + pilots + " pilots reached production");
        }
        workflows.stream().filter(w -> w.verdict() != Verdict.LEVERAGE)
                .forEach(w -> reasons.add(w.name() + ": " + w.reasons().get(0)));
        Verdict verdict = leverage > 0 && leverage * 100 >= (long) settings.programmeLeverageShare() * workflows.size()
                ? Verdict.LEVERAGE : leverage + emerging > 0 ? Verdict.EMERGING : Verdict.ACTIVITY;
        return new Judged(verdict, reasons);
    }

    /** @param period "quarter" or "month", as the check-in cadence says */
    private static String checkinReason(OutcomeProgress o, String period) {
        return switch (o.checkinState()) {
            case CURRENT -> "check-in this " + period + (o.status() == null ? "" : ": " + o.status().replace('_', ' '));
            case DUE -> "check-in due this " + period + ", not in yet";
            case MISSED -> "check-in missed this " + period;
            case NONE -> "no check-in this " + period;
        };
    }

    private static String wauReason(Figure wau, TeamSize team) {
        return switch (wau.state()) {
            case SHOWN -> "WAU " + number(wau.value()) + "% of " + team.words();
            case SUPPRESSED -> "WAU not shown: too few people reported use";
            case NO_DATA -> team.value() <= 0 ? "no target team size and no synced members"
                    : "no usage data this week";
        };
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
