package io.uptake.metrics;

import io.uptake.catalog.CheckinPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Makes one workflow's section 4 figures from the aggregates, every answer-based one through {@link Anonymity}. */
final class ScoreWorkflow {

    private final Anonymity anonymity;
    private final Verdicts verdicts;
    private final OutcomeGapSettings gap;

    ScoreWorkflow(Anonymity anonymity, Verdicts verdicts) {
        this(anonymity, verdicts, OutcomeGapSettings.defaults());
    }

    ScoreWorkflow(Anonymity anonymity, Verdicts verdicts, OutcomeGapSettings gap) {
        this.anonymity = anonymity;
        this.verdicts = verdicts;
        this.gap = gap;
    }

    /**
     * @param audienceByWeek the audience's members at the end of each week of the window: a past week's WAU (in the
     *                       history and the trend) is divided by its own week's team, as that week reported it
     */
    WorkflowScore score(CatalogueReads.WorkflowFacts w, UsageReads.UsageFacts usage, AnswerReads.AnswerFacts answers,
                        CheckinReads.CheckinFacts checkins, Window window, CheckinPolicy policy,
                        int[] audienceByWeek) {
        return score(w, usage, answers, checkins, null, window, policy, audienceByWeek);
    }

    /**
     * @param measured       the latest measured outcome value on or before the week's last day, or null
     * @param audienceByWeek as above
     */
    WorkflowScore score(CatalogueReads.WorkflowFacts w, UsageReads.UsageFacts usage, AnswerReads.AnswerFacts answers,
                        CheckinReads.CheckinFacts checkins, OutcomeValueReads.Measured measured, Window window,
                        CheckinPolicy policy, int[] audienceByWeek) {
        return score(w, usage, answers, checkins, measured, window, policy, audienceByWeek, null);
    }

    /**
     * @param waves the workflow's rollout waves ({@link WaveReads}); when it rolls out in waves, each week's team is
     *              the sum of the teams of the waves live that week. Null or a single wave live with the workflow:
     *              the team as it always was.
     */
    WorkflowScore score(CatalogueReads.WorkflowFacts w, UsageReads.UsageFacts usage, AnswerReads.AnswerFacts answers,
                        CheckinReads.CheckinFacts checkins, OutcomeValueReads.Measured measured, Window window,
                        CheckinPolicy policy, int[] audienceByWeek, List<WaveReads.WaveFacts> waves) {
        int now = window.current();
        boolean rolledOut = WaveReads.rolledOut(waves);
        TeamSize team = rolledOut ? WaveReads.team(waves, window, now)
                : TeamSize.of(w.targetTeamSize(), w.audienceSize(), w.emailList());
        List<WeekPoint> history = new ArrayList<>();
        Figure[] wau = new Figure[window.weeks()];
        Figure[] trust = new Figure[window.weeks()];
        for (int i = 0; i < window.weeks(); i++) {
            int size = i == now ? team.value() : rolledOut ? WaveReads.team(waves, window, i).value()
                    : TeamSize.of(w.targetTeamSize(), audienceByWeek[i], w.emailList()).value();
            wau[i] = wau(size, usage, window, i);
            trust[i] = trustIndex(answers.weeks()[i].trust());
            history.add(new WeekPoint(IsoWeek.format(window.monday(i)), wau[i], trust[i]));
        }
        AnswerReads.WeekAnswers current = answers.weeks()[now];
        var lastDay = window.end().minusDays(1);
        CatalogueReads.StageEntry stage = stageOn(w, lastDay);
        int daysInStage = stage == null ? 0 : (int) ChronoUnit.DAYS.between(stage.since(), lastDay);
        OutcomeProgress outcome = w.outcome() == null ? null
                : Outcomes.progress(w.outcome(), checkins, lastDay, policy, measured, gap);
        Figure cycleMedian = cycleMedian(current.cycleMinutes());
        WorkflowScore draft = new WorkflowScore(w.id(), w.programmeId(), w.name(),
                stage == null ? w.stage() : stage.stage(), daysInStage,
                w.ownerEmail(), w.targetTeamSize(), team, wau[now],
                now > 0 ? wau[now - 1] : Figure.noData(wau[now].source()),
                habit(w, usage, window), trust[now], trustChange(trust, answers, now),
                anonymity.breakdownBesideMean(Arrays.stream(current.trust()).boxed().toList(), Figure.Source.PULSE),
                correction(current.correction()), response(answers), cycleDelta(cycleMedian, w.cycleBaselineMinutes()),
                cycleMedian, outcome, Verdict.ACTIVITY, List.of(), List.of(), history);
        Verdicts.Judged judged = verdicts.workflow(draft, w.ownerName(),
                policy.cadence() == CheckinPolicy.Cadence.MONTHLY ? "month" : "quarter");
        return new WorkflowScore(draft.workflowId(), draft.programmeId(), draft.name(), draft.stage(),
                draft.daysInStage(), draft.ownerEmail(), draft.targetTeamSize(), draft.teamSize(), draft.wauPercent(),
                draft.wauPercentPrevious(), draft.habitPercent(), draft.trustIndex(), draft.trustChange(),
                draft.trustDistribution(), draft.correctionPercent(), draft.responsePercent(),
                draft.cycleTimeDeltaPercent(), draft.cycleTimeMedian(), draft.outcome(), judged.verdict(),
                judged.reasons(), verdicts.flags(draft), draft.history());
    }

    /**
     * Each wave's figures for the scored week, first wave first, for a workflow rolled out in waves (empty
     * otherwise). A wave not yet live by the week's end has no use figures. Its WAU and habit rest on its own
     * members' use under the same rules as the workflow's; its trust index and cycle-time median on its members'
     * answers in confidential rounds ({@link WaveAnswers}), made exactly as the workflow's are. A wave not yet live
     * has no trust index; its cycle-time median is that of its pre-rollout answers, its baseline.
     */
    List<WaveScore> waves(List<WaveReads.WaveFacts> waves, Map<Long, UsageReads.UsageFacts> usage,
                          Map<Long, WaveAnswers.Facts> answers, Window window) {
        if (!WaveReads.rolledOut(waves)) {
            return List.of();
        }
        int now = window.current();
        List<WaveScore> scores = new ArrayList<>();
        for (WaveReads.WaveFacts wave : waves) {
            boolean live = wave.liveIn(window.monday(now));
            UsageReads.UsageFacts used = usage.get(wave.audienceId());
            TeamSize team = wave.team(now);
            WaveAnswers.Facts answered = answers.get(wave.audienceId());
            Figure trust = live && answered != null ? trustIndex(answered.week().trust())
                    : Figure.noData(Figure.Source.PULSE);
            Figure cycle = answered == null ? Figure.noData(Figure.Source.PULSE)
                    : cycleMedian(live ? answered.week().cycleMinutes() : answered.preRollout());
            if (!live || used == null) {
                Figure.Source source = used != null && used.firstTelemetryDay() != null ? Figure.Source.TELEMETRY
                        : Figure.Source.SELF_REPORT;
                scores.add(new WaveScore(wave.wave(), wave.kind(), wave.goLive(), live, team, Figure.noData(source),
                        Figure.noData(source), trust, cycle));
                continue;
            }
            scores.add(new WaveScore(wave.wave(), wave.kind(), wave.goLive(), true, team,
                    wau(team.value(), used, window, now), habit(wave.membersByWeek()[now], used, window), trust,
                    cycle));
        }
        return scores;
    }

    /**
     * The stage the workflow was in on {@code day} with the day it began: the latest stage history entry on or
     * before it (the later recorded on a tie), so a past week is not scored with a stage entered later, and a
     * workflow that went back to a stage is scored from its return. Null when the history starts after
     * {@code day}.
     */
    private static CatalogueReads.StageEntry stageOn(CatalogueReads.WorkflowFacts w, LocalDate day) {
        CatalogueReads.StageEntry on = null;
        for (CatalogueReads.StageEntry entry : w.stages()) {
            if (entry.since() != null && !entry.since().isAfter(day)) {
                on = entry;
            }
        }
        return on;
    }

    /**
     * Telemetry wins over self-report for a week that has both; a week with neither is 0 once telemetry flows, that
     * is from the week of the workflow's first telemetry on. A week before it has no telemetry to be 0 of.
     */
    Figure wau(int teamSize, UsageReads.UsageFacts usage, Window window, int week) {
        boolean telemetryFeed = usage.firstTelemetryDay() != null
                && usage.firstTelemetryDay().isBefore(window.monday(week).plusWeeks(1));
        if (teamSize <= 0) {
            return Figure.noData(telemetryFeed ? Figure.Source.TELEMETRY : Figure.Source.SELF_REPORT);
        }
        if (usage.telemetryPresent()[week] || (telemetryFeed && usage.selfReporters()[week] == 0)) {
            return Figure.shown(percent(usage.telemetryActive()[week], teamSize), teamSize, Figure.Source.TELEMETRY);
        }
        if (usage.selfReporters()[week] == 0) {
            return Figure.noData(Figure.Source.SELF_REPORT);
        }
        return anonymity.score(percent(usage.selfActive()[week], teamSize), usage.selfReporters()[week],
                Figure.Source.SELF_REPORT);
    }

    /**
     * The share of the audience with a habit, resting on the people whose use was counted. Once self-reports add
     * weeks to anyone's count, the figure is a self-reported one and rests on the people who reported: a handful of
     * reporters in a large audience would otherwise be identifiable from it.
     */
    private Figure habit(CatalogueReads.WorkflowFacts w, UsageReads.UsageFacts usage, Window window) {
        return habit(w.audienceSize(), usage, window);
    }

    private Figure habit(int audienceSize, UsageReads.UsageFacts usage, Window window) {
        UsageReads.HabitBasis basis = usage.habit();
        boolean selfReported = basis.selfReport() || !basis.telemetry();
        Figure.Source source = selfReported ? Figure.Source.SELF_REPORT : Figure.Source.TELEMETRY;
        if (usage.firstDay() == null || usage.firstDay().isAfter(window.first()) || audienceSize == 0) {
            return Figure.noData(source);
        }
        double value = percent(Math.min(usage.habitual(), audienceSize), audienceSize);
        return anonymity.score(value, selfReported ? basis.selfReporters() : basis.active(), source);
    }

    private Figure trustIndex(int[] counts) {
        int n = Arrays.stream(counts).sum();
        return n == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(round(trustPoints(counts) / n), n, Figure.Source.PULSE);
    }

    /** The sum of the trust answers mapped 1→0 … 5→100, exact. */
    private static double trustPoints(int[] counts) {
        double sum = 0;
        for (int v = 0; v < 5; v++) {
            sum += counts[v] * 25.0 * v;
        }
        return sum;
    }

    /**
     * Against the answers of the previous 4 weeks pooled, taking only weeks whose own index could be shown: the
     * exact mean of this week's answers minus the exact mean of those, rounded once (rounding the index first
     * would put the change 0.1 off what the answers say).
     */
    private Figure trustChange(Figure[] trust, AnswerReads.AnswerFacts answers, int now) {
        if (!trust[now].isShown()) {
            return trust[now].state() == Figure.State.SUPPRESSED ? Figure.suppressed(Figure.Source.PULSE)
                    : Figure.noData(Figure.Source.PULSE);
        }
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, now - 4); i < now; i++) {
            if (trust[i].isShown()) {
                sum += trustPoints(answers.weeks()[i].trust());
                n += trust[i].n();
            }
        }
        double current = trustPoints(answers.weeks()[now].trust()) / trust[now].n();
        return n == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(round(current - sum / n), n + trust[now].n(), Figure.Source.PULSE);
    }

    private Figure correction(int[] counts) {
        int n = Arrays.stream(counts).sum();
        return n == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(percent(counts[2] + counts[3], n), n, Figure.Source.PULSE);
    }

    private Figure response(AnswerReads.AnswerFacts answers) {
        return answers.delivered() == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(percent(answers.answered(), answers.delivered()), answers.delivered(),
                        Figure.Source.PULSE);
    }

    private Figure cycleMedian(Map<BigDecimal, Integer> histogram) {
        int n = histogram.values().stream().mapToInt(Integer::intValue).sum();
        if (n == 0) {
            return Figure.noData(Figure.Source.PULSE);
        }
        double lower = nth(histogram, (n - 1) / 2);
        double upper = nth(histogram, n / 2);
        return anonymity.score((lower + upper) / 2, n, Figure.Source.PULSE);
    }

    private static double nth(Map<BigDecimal, Integer> sorted, int index) {
        int seen = 0;
        for (Map.Entry<BigDecimal, Integer> e : sorted.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey().doubleValue();
            }
        }
        throw new IllegalStateException("index beyond the histogram");
    }

    private Figure cycleDelta(Figure median, BigDecimal baseline) {
        if (!median.isShown() || baseline == null || baseline.signum() <= 0) {
            return median.state() == Figure.State.SUPPRESSED ? Figure.suppressed(Figure.Source.PULSE)
                    : Figure.noData(Figure.Source.PULSE);
        }
        double b = baseline.doubleValue();
        return anonymity.score(round((median.value() - b) / b * 100), median.n(), Figure.Source.PULSE);
    }

    static double percent(int part, int whole) {
        return round(part * 100.0 / whole);
    }

    static double round(double value) {
        return Rounding.oneDecimal(value);
    }
}
