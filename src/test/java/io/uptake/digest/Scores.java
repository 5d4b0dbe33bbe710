package io.uptake.digest;

import io.uptake.metrics.Cohorts;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Figure.Source;
import io.uptake.metrics.Freshness;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.SeatCost;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WeekPoint;
import io.uptake.metrics.WorkflowScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Hand-built scorecards for digest tests: a healthy workflow by default, changed one figure at a time. */
public final class Scores {

    private Scores() {
    }

    /** A workflow in production with every figure shown. */
    public static Workflow workflow(String id, String name) {
        return new Workflow(new WorkflowScore(id, "claims-ai", name, "production", 30, "jane@example.com", 40,
                Figure.shown(62, 40, Source.TELEMETRY), Figure.shown(55, 40, Source.TELEMETRY),
                Figure.shown(35, 40, Source.TELEMETRY), Figure.shown(71, 12, Source.PULSE),
                Figure.shown(4, 12, Source.PULSE), List.of(), Figure.shown(20, 12, Source.PULSE),
                Figure.shown(80, 15, Source.PULSE), Figure.shown(-30, 9, Source.PULSE),
                Figure.shown(12.6, 9, Source.PULSE),
                new OutcomeProgress("Claims closed per FTE per week", "claims", "up", new BigDecimal("120"),
                        new BigDecimal("150"), new BigDecimal("133.5"), Figure.shown(45, 1, Source.CHECKIN),
                        "on_track", 7, 20, OutcomeProgress.CheckinState.CURRENT),
                Verdict.LEVERAGE, List.of("owner named", "check-in current"), List.of(), history(12))
                .with(cohorts(), seatCost()));
    }

    /** Of 40 people in the week: 12 none, 8 light, 10 moderate, 10 heavy; 4 of 40 at the end stopped. */
    public static Cohorts cohorts() {
        return new Cohorts(Figure.shown(30, 40, Source.TELEMETRY), Figure.shown(20, 40, Source.TELEMETRY),
                Figure.shown(25, 40, Source.TELEMETRY), Figure.shown(25, 40, Source.TELEMETRY),
                Figure.shown(10, 40, Source.TELEMETRY), Figure.noData(Source.TELEMETRY), 1, 3);
    }

    /** 50 seats at 19 USD a month shared by 25 active people; 28 active in 4 weeks leave 22 idle. */
    public static SeatCost seatCost() {
        return new SeatCost("github-copilot", 50, "USD", new BigDecimal("218.49"),
                Figure.shown(8.74, 25, Source.TELEMETRY), Figure.shown(22, 28, Source.TELEMETRY));
    }

    /** Twelve weeks of history ending in 2026-W47, every figure shown. */
    public static List<WeekPoint> history(int weeks) {
        return IntStream.range(0, weeks).mapToObj(i -> new WeekPoint("2026-W" + (36 + i),
                Figure.shown(30 + 2 * i, 40, Source.TELEMETRY), Figure.shown(60 + i, 8, Source.PULSE))).toList();
    }

    public static ProgrammeScore programme(String id, String name, Verdict verdict, List<WorkflowScore> workflows) {
        return new ProgrammeScore(id, name, "cfo@example.com", verdict, List.of("WAU 62% of a 40-person team"),
                Figure.shown(50, 2, Source.CATALOGUE), workflows);
    }

    public static Scorecard card(String week, ProgrammeScore... programmes) {
        return new Scorecard(week, List.of(programmes));
    }

    /** A programme of {@code count} workflows whose names are {@code nameLength} characters long. */
    public static Scorecard large(int count, int nameLength) {
        List<WorkflowScore> workflows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = ("Workflow " + i + " <&> ").repeat(nameLength).substring(0, nameLength);
            workflows.add(workflow("wf-" + i, name).pilotFor(140).responsePercent(Figure.shown(40, 20,
                    Source.PULSE)).trustChange(Figure.shown(-22, 12, Source.PULSE)).build());
        }
        return card("2026-W47", programme("big", "B".repeat(200), Verdict.ACTIVITY, workflows));
    }

    /** Changes one figure at a time of a workflow score. */
    public record Workflow(WorkflowScore w) {

        public WorkflowScore build() {
            return w;
        }

        /** The usage data's freshness, as the scorecard judges it when read; call it last. */
        public Workflow freshness(Freshness freshness) {
            return new Workflow(w.withFreshness(freshness));
        }

        public Workflow trust(Figure trust, Figure change) {
            return new Workflow(new WorkflowScore(w.workflowId(), w.programmeId(), w.name(), w.stage(),
                    w.daysInStage(), w.ownerEmail(), w.targetTeamSize(), w.wauPercent(), w.wauPercentPrevious(),
                    w.habitPercent(), trust, change, w.trustDistribution(), w.correctionPercent(),
                    w.responsePercent(), w.cycleTimeDeltaPercent(), w.cycleTimeMedian(), w.outcome(), w.verdict(),
                    w.reasons(), w.flags(), w.history()).with(w.cohorts(), w.seatCost()));
        }

        public Workflow trustChange(Figure change) {
            return trust(w.trustIndex(), change);
        }

        public Workflow usage(Figure wau, Figure habit) {
            return new Workflow(new WorkflowScore(w.workflowId(), w.programmeId(), w.name(), w.stage(),
                    w.daysInStage(), w.ownerEmail(), w.targetTeamSize(), wau, w.wauPercentPrevious(),
                    habit, w.trustIndex(), w.trustChange(), w.trustDistribution(), w.correctionPercent(),
                    w.responsePercent(), w.cycleTimeDeltaPercent(), w.cycleTimeMedian(), w.outcome(), w.verdict(),
                    w.reasons(), w.flags(), w.history()).with(w.cohorts(), w.seatCost()));
        }

        public Workflow responsePercent(Figure response) {
            return new Workflow(new WorkflowScore(w.workflowId(), w.programmeId(), w.name(), w.stage(),
                    w.daysInStage(), w.ownerEmail(), w.targetTeamSize(), w.wauPercent(), w.wauPercentPrevious(),
                    w.habitPercent(), w.trustIndex(), w.trustChange(), w.trustDistribution(), w.correctionPercent(),
                    response, w.cycleTimeDeltaPercent(), w.cycleTimeMedian(), w.outcome(), w.verdict(),
                    w.reasons(), w.flags(), w.history()).with(w.cohorts(), w.seatCost()));
        }

        public Workflow pilotFor(int days) {
            return new Workflow(new WorkflowScore(w.workflowId(), w.programmeId(), w.name(), "pilot", days,
                    w.ownerEmail(), w.targetTeamSize(), w.wauPercent(), w.wauPercentPrevious(), w.habitPercent(),
                    w.trustIndex(), w.trustChange(), w.trustDistribution(), w.correctionPercent(),
                    w.responsePercent(), w.cycleTimeDeltaPercent(), w.cycleTimeMedian(), w.outcome(), w.verdict(),
                    w.reasons(), w.flags(), w.history()).with(w.cohorts(), w.seatCost()));
        }

        public Workflow checkin(OutcomeProgress.CheckinState state) {
            OutcomeProgress o = w.outcome();
            return new Workflow(new WorkflowScore(w.workflowId(), w.programmeId(), w.name(), w.stage(),
                    w.daysInStage(), w.ownerEmail(), w.targetTeamSize(), w.wauPercent(), w.wauPercentPrevious(),
                    w.habitPercent(), w.trustIndex(), w.trustChange(), w.trustDistribution(), w.correctionPercent(),
                    w.responsePercent(), w.cycleTimeDeltaPercent(), w.cycleTimeMedian(),
                    new OutcomeProgress(o.metric(), o.unit(), o.direction(), o.baseline(), o.target(), o.current(),
                            o.progress(), o.status(), o.confidence(), 120, state), w.verdict(),
                    w.reasons(), w.flags(), w.history()).with(w.cohorts(), w.seatCost()));
        }

        public Workflow use(Cohorts cohorts, SeatCost seatCost) {
            return new Workflow(w.with(cohorts, seatCost));
        }

        public Workflow history(List<WeekPoint> history) {
            return new Workflow(new WorkflowScore(w.workflowId(), w.programmeId(), w.name(), w.stage(),
                    w.daysInStage(), w.ownerEmail(), w.targetTeamSize(), w.wauPercent(), w.wauPercentPrevious(),
                    w.habitPercent(), w.trustIndex(), w.trustChange(), w.trustDistribution(), w.correctionPercent(),
                    w.responsePercent(), w.cycleTimeDeltaPercent(), w.cycleTimeMedian(), w.outcome(), w.verdict(),
                    w.reasons(), w.flags(), history).with(w.cohorts(), w.seatCost()));
        }
    }
}
