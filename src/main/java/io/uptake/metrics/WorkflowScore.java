package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every section 4 figure of one workflow for one ISO week, already passed through the anonymity rules.
 *
 * @param targetTeamSize      the programmes file's target team size, 0 when it gives none
 * @param teamSize            the team WAU is divided by: the target, or else the audience at the end of the week
 * @param wauPercent          weekly active users ÷ team size, in percent; source TELEMETRY or SELF_REPORT
 * @param wauPercentPrevious  the same for the week before, for the trend arrow
 * @param habitPercent        share of the audience active in ≥ 9 of the last 12 weeks; NO_DATA before 12 weeks
 * @param trustIndex          mean trust answer mapped 1→0 … 5→100
 * @param trustChange         trust index of this week's rounds minus the mean of the previous 4 weeks, in points
 * @param trustDistribution   answers per trust value 1..5 (five figures), each suppressed where the rules say so
 * @param correctionPercent   share answering "often" or "always" to the correction question
 * @param responsePercent     answered ÷ delivered over the week's rounds; n is the delivered count
 * @param cycleTimeDeltaPercent median reported minutes against the catalogue baseline, as Δ%
 * @param cycleTimeMedian     median reported minutes
 * @param outcome             the outcome progress, null when the workflow has no outcome
 * @param reasons             the verdict's reasons in plain words, never empty
 * @param flags               what leaders should look at (pilot older than 90 days, missed check-in, ...)
 * @param history             the last 12 weeks, oldest first, for the chart
 * @param freshness           how fresh the telemetry behind the usage figures is ("data as of"), judged when the
 *                            scorecard is read; null when they rest on self-reports only, or before it is judged
 * @param cohorts             the audience by days of use in the week, tried-and-stopped and passive use
 * @param seatCost            the seat cost of the tool the workflow's use comes from; null when the programmes
 *                            file gives the workflow no {@code usage.source} or that tool no seats
 * @param blockers            what people said is in the way, by category
 * @param drift               drift-back and decay: WAU falling, tried-and-stopped, never-started, first quarter
 * @param calibration         trust read against the correction rate
 * @param waves               the workflow's rollout waves, each with its own figures, first wave first; one wave when
 *                            the programmes file gives a single {@code audience}
 * @param effect              the effect of going live on cycle time, estimated across waves; null until estimated
 * @param decision            the owner's latest scale / fix / stop decision; null when none was recorded
 * @param cycleBaseline       the cycle-time baseline the Δ % is against: typed in the programmes file, or else
 *                            sampled in chat before go-live; null when there is none
 * @param outcomeEffect       the effect of going live on the outcome, estimated across waves from the values
 *                            measured per wave; null for a workflow without an outcome or not rolled out in waves
 */
@Serdeable
public record WorkflowScore(String workflowId, String programmeId, String name, String stage, int daysInStage,
                            String ownerEmail, int targetTeamSize, TeamSize teamSize,
                            Figure wauPercent, Figure wauPercentPrevious, Figure habitPercent,
                            Figure trustIndex, Figure trustChange, List<Figure> trustDistribution,
                            Figure correctionPercent, Figure responsePercent,
                            Figure cycleTimeDeltaPercent, Figure cycleTimeMedian,
                            @Nullable OutcomeProgress outcome,
                            Verdict verdict, List<String> reasons, List<String> flags,
                            List<WeekPoint> history, @Nullable Freshness freshness, Cohorts cohorts,
                            @Nullable SeatCost seatCost, Blockers blockers, Drift drift,
                            TrustCalibration calibration, List<WaveScore> waves, @Nullable Effect effect,
                            @Nullable OwnerDecision decision, @Nullable CycleBaseline cycleBaseline,
                            @Nullable OutcomeEffect outcomeEffect) {

    public WorkflowScore {
        trustDistribution = List.copyOf(trustDistribution);
        reasons = List.copyOf(reasons);
        flags = List.copyOf(flags);
        history = List.copyOf(history);
        waves = List.copyOf(waves);
    }

    /** A score without an outcome effect. */
    public WorkflowScore(String workflowId, String programmeId, String name, String stage, int daysInStage,
                         String ownerEmail, int targetTeamSize, TeamSize teamSize,
                         Figure wauPercent, Figure wauPercentPrevious, Figure habitPercent,
                         Figure trustIndex, Figure trustChange, List<Figure> trustDistribution,
                         Figure correctionPercent, Figure responsePercent,
                         Figure cycleTimeDeltaPercent, Figure cycleTimeMedian,
                         @Nullable OutcomeProgress outcome,
                         Verdict verdict, List<String> reasons, List<String> flags,
                         List<WeekPoint> history, @Nullable Freshness freshness, Cohorts cohorts,
                         @Nullable SeatCost seatCost, Blockers blockers, Drift drift,
                         TrustCalibration calibration, List<WaveScore> waves, @Nullable Effect effect,
                         @Nullable OwnerDecision decision, @Nullable CycleBaseline cycleBaseline) {
        this(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize, teamSize, wauPercent,
                wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution, correctionPercent,
                responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons, flags, history,
                freshness, cohorts, seatCost, blockers, drift, calibration, waves, effect, decision, cycleBaseline,
                null);
    }

    /** A score without waves, effect estimate or decision. */
    public WorkflowScore(String workflowId, String programmeId, String name, String stage, int daysInStage,
                         String ownerEmail, int targetTeamSize, TeamSize teamSize,
                         Figure wauPercent, Figure wauPercentPrevious, Figure habitPercent,
                         Figure trustIndex, Figure trustChange, List<Figure> trustDistribution,
                         Figure correctionPercent, Figure responsePercent,
                         Figure cycleTimeDeltaPercent, Figure cycleTimeMedian,
                         @Nullable OutcomeProgress outcome,
                         Verdict verdict, List<String> reasons, List<String> flags,
                         List<WeekPoint> history, @Nullable Freshness freshness, Cohorts cohorts,
                         @Nullable SeatCost seatCost, Blockers blockers, Drift drift,
                         TrustCalibration calibration) {
        this(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize, teamSize, wauPercent,
                wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution, correctionPercent,
                responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons, flags, history,
                freshness, cohorts, seatCost, blockers, drift, calibration, List.of(), null, null, null);
    }

    /** A workflow whose freshness is not judged yet, scored without cohorts or seat cost. */
    public WorkflowScore(String workflowId, String programmeId, String name, String stage, int daysInStage,
                         String ownerEmail, int targetTeamSize, TeamSize teamSize,
                         Figure wauPercent, Figure wauPercentPrevious, Figure habitPercent,
                         Figure trustIndex, Figure trustChange, List<Figure> trustDistribution,
                         Figure correctionPercent, Figure responsePercent,
                         Figure cycleTimeDeltaPercent, Figure cycleTimeMedian,
                         @Nullable OutcomeProgress outcome,
                         Verdict verdict, List<String> reasons, List<String> flags,
                         List<WeekPoint> history) {
        this(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize, teamSize, wauPercent,
                wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution, correctionPercent,
                responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons, flags, history,
                null, Cohorts.noData(CohortSettings.defaults()), null, Blockers.noData(), Drift.noData(),
                TrustCalibration.noData());
    }

    /** The same score with its cohorts and seat cost. */
    public WorkflowScore with(Cohorts cohorts, @Nullable SeatCost seatCost) {
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons,
                flags, history, freshness, cohorts, seatCost, blockers, drift, calibration, waves, effect, decision,
                cycleBaseline, outcomeEffect);
    }

    /**
     * The same score with the reasons behind its numbers: blockers, drift and trust calibration. The drift's flags
     * join the workflow's own.
     */
    public WorkflowScore withSignals(Blockers blockers, Drift drift, TrustCalibration calibration) {
        List<String> newFlags = new ArrayList<>(flags);
        if (drift != null) {
            newFlags.addAll(drift.flags());
        }
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons,
                newFlags, history, freshness, cohorts, seatCost, blockers, drift, calibration, waves, effect, decision,
                cycleBaseline, outcomeEffect);
    }

    /** A workflow scored against its target team size. */
    public WorkflowScore(String workflowId, String programmeId, String name, String stage, int daysInStage,
                         String ownerEmail, int targetTeamSize,
                         Figure wauPercent, Figure wauPercentPrevious, Figure habitPercent,
                         Figure trustIndex, Figure trustChange, List<Figure> trustDistribution,
                         Figure correctionPercent, Figure responsePercent,
                         Figure cycleTimeDeltaPercent, Figure cycleTimeMedian,
                         @Nullable OutcomeProgress outcome,
                         Verdict verdict, List<String> reasons, List<String> flags,
                         List<WeekPoint> history) {
        this(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                TeamSize.of(targetTeamSize, 0), wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange,
                trustDistribution, correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian,
                outcome, verdict, reasons, flags, history);
    }

    /**
     * The same workflow with its freshness judged anew: the notes of the freshness it had are taken out of its
     * reasons and flags, and those of {@code judged} go first in its reasons (the verdict rests on the figures they
     * qualify) and last in its flags.
     */
    public WorkflowScore withFreshness(@Nullable Freshness judged) {
        List<String> old = freshness == null ? List.of() : freshness.notes();
        List<String> added = judged == null ? List.of() : judged.notes();
        List<String> newReasons = new ArrayList<>(added);
        reasons.stream().filter(r -> !old.contains(r)).forEach(newReasons::add);
        List<String> newFlags = new ArrayList<>(flags.stream().filter(f -> !old.contains(f)).toList());
        newFlags.addAll(added);
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict,
                newReasons, newFlags, history, judged, cohorts, seatCost, blockers, drift, calibration, waves, effect,
                decision, cycleBaseline, outcomeEffect);
    }

    /**
     * The same workflow with its drift replaced by {@code judged} (that of another week): the flags of the drift it
     * had are taken out, those of {@code judged} added.
     */
    public WorkflowScore withDriftOf(Drift judged) {
        List<String> old = drift == null ? List.of() : drift.flags();
        List<String> newFlags = new ArrayList<>(flags.stream().filter(f -> !old.contains(f)).toList());
        newFlags.addAll(judged.flags());
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons,
                newFlags, history, freshness, cohorts, seatCost, blockers, judged, calibration, waves, effect,
                decision, cycleBaseline);
    }

    /** The same score with its rollout waves' figures. */
    public WorkflowScore withWaves(List<WaveScore> newWaves) {
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons,
                flags, history, freshness, cohorts, seatCost, blockers, drift, calibration, newWaves, effect,
                decision, cycleBaseline, outcomeEffect);
    }

    /**
     * The same score with its cycle-time baseline's source, and the Δ % against it (changed when the baseline is
     * sampled in chat because the programmes file types none).
     */
    public WorkflowScore withCycleBaseline(@Nullable CycleBaseline baseline, Figure delta) {
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, delta, cycleTimeMedian, outcome, verdict, reasons,
                flags, history, freshness, cohorts, seatCost, blockers, drift, calibration, waves, effect, decision,
                baseline, outcomeEffect);
    }

    /** The same score with the effect of going live estimated. */
    public WorkflowScore withEffect(@Nullable Effect estimated) {
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons,
                flags, history, freshness, cohorts, seatCost, blockers, drift, calibration, waves, estimated,
                decision, cycleBaseline, outcomeEffect);
    }

    /** The same score with the effect of going live on its outcome estimated. */
    public WorkflowScore withOutcomeEffect(@Nullable OutcomeEffect estimated) {
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict, reasons,
                flags, history, freshness, cohorts, seatCost, blockers, drift, calibration, waves, effect, decision,
                cycleBaseline, estimated);
    }

    /** The same score with the owner's latest decision and the reasons and flags of the operating model added. */
    public WorkflowScore withOperatingModel(@Nullable OwnerDecision latest, List<String> addedReasons,
                                            List<String> addedFlags) {
        List<String> newReasons = new ArrayList<>(reasons);
        newReasons.addAll(addedReasons);
        List<String> newFlags = new ArrayList<>(flags);
        newFlags.addAll(addedFlags);
        return new WorkflowScore(workflowId, programmeId, name, stage, daysInStage, ownerEmail, targetTeamSize,
                teamSize, wauPercent, wauPercentPrevious, habitPercent, trustIndex, trustChange, trustDistribution,
                correctionPercent, responsePercent, cycleTimeDeltaPercent, cycleTimeMedian, outcome, verdict,
                newReasons, newFlags, history, freshness, cohorts, seatCost, blockers, drift, calibration, waves,
                effect, latest, cycleBaseline, outcomeEffect);
    }
}
