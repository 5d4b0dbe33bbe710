package io.uptake.digest.board;

import io.micronaut.core.annotation.Nullable;
import io.uptake.metrics.Effect;
import io.uptake.metrics.Figure;
import io.uptake.metrics.OutcomeEffectWording;
import io.uptake.metrics.OutcomeGapWording;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.OwnerDecision;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WorkflowScore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Words a programme's quarter as a {@link BoardPage}, from the scorecards of the quarter's weeks (oldest first) and
 * the evidence behind each workflow's outcome. A pure function: every figure comes from the scorecards, and what
 * is missing (no check-in, no measured value, no effect estimate, no decision) is said, never left blank.
 */
final class ComposeBoardPage {

    /** What backs a workflow's outcome at the quarter's end, read outside the scorecard. */
    record Evidence(@Nullable String checkinPeriod, @Nullable String evidenceUrl, @Nullable String measuredSource) {

        static final Evidence NONE = new Evidence(null, null, null);
    }

    /** Who the summary is for. */
    record People(@Nullable String owner, @Nullable String sponsor) {
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final String LEGEND = "L leverage · E emerging · A activity · – not scored that week (not yet known to "
            + "Uptake, or retired); the percentage is weekly active use (WAU) of the target team, * when hidden or not "
            + "measured.";

    private ComposeBoardPage() {
    }

    static BoardPage compose(String programmeId, String quarter, LocalDate firstDay, LocalDate lastDay,
                             List<Scorecard> weeks, Map<String, Evidence> evidence, People people) {
        List<ProgrammeScore> scores = new ArrayList<>();
        for (Scorecard week : weeks) {
            scores.add(week.programmes().stream().filter(p -> p.programmeId().equals(programmeId)).findFirst()
                    .orElse(null));
        }
        ProgrammeScore last = null;
        for (ProgrammeScore p : scores) {
            last = p == null ? last : p;
        }
        String name = last == null ? programmeId : last.name();
        List<String> weekNames = weeks.stream().map(Scorecard::week).toList();
        String subtitle = "Quarter " + quarter + " · " + DAY.format(firstDay) + " to " + DAY.format(lastDay)
                + (weekNames.isEmpty() ? " · no complete week yet"
                : " · weeks " + weekNames.get(0) + " to " + weekNames.get(weekNames.size() - 1));
        List<String> header = header(last, weekNames, people);
        Map<String, List<WorkflowScore>> byWorkflow = byWorkflow(scores);
        List<BoardPage.HistoryRow> history = new ArrayList<>();
        if (last != null) {
            history.add(new BoardPage.HistoryRow("Programme", scores.stream().map(p -> p == null ? empty()
                    : new BoardPage.Cell(p.verdict(), letter(p.verdict()))).toList()));
        }
        List<BoardPage.WorkflowPart> parts = new ArrayList<>();
        for (Map.Entry<String, List<WorkflowScore>> entry : byWorkflow.entrySet()) {
            List<WorkflowScore> each = entry.getValue();
            WorkflowScore end = lastOf(each);
            history.add(new BoardPage.HistoryRow(end.name(), each.stream().map(w -> w == null ? empty()
                    : new BoardPage.Cell(w.verdict(), letter(w.verdict()) + " " + percent(w.wauPercent())))
                    .toList()));
            parts.add(part(end, each, evidence.getOrDefault(entry.getKey(), Evidence.NONE), firstDay, lastDay));
        }
        List<String> notes = new ArrayList<>();
        notes.add(LEGEND);
        if (parts.isEmpty()) {
            notes.add("No workflow of this programme was scored in " + quarter + ".");
        }
        return new BoardPage(name + " · board summary " + quarter, subtitle, header, weekNames, history, parts,
                notes);
    }

    private static List<String> header(@Nullable ProgrammeScore last, List<String> weeks, People people) {
        List<String> header = new ArrayList<>();
        header.add("Owner: " + (people.owner() == null ? "none named (the sponsor stands in)" : people.owner())
                + " · Sponsor: " + (people.sponsor() == null ? "none named" : people.sponsor()));
        if (last == null) {
            header.add("Programme verdict: not scored in this quarter");
            return header;
        }
        String first = last.reasons().isEmpty() ? "no reason given" : last.reasons().get(0);
        header.add("Programme verdict at the quarter's end (" + weeks.get(weeks.size() - 1) + "): "
                + last.verdict() + ", first reason: " + first);
        if (last.outcome() != null) {
            header.add("Programme outcome: " + outcome(last.outcome()) + " · " + claimed(last.outcome())
                    + measured(last.outcome()));
        }
        if (!last.flags().isEmpty()) {
            header.add("Flag: " + last.flags().get(0));
        }
        return header;
    }

    /** The workflows in the order they first appear, each with its score per week (null where not scored). */
    private static Map<String, List<WorkflowScore>> byWorkflow(List<ProgrammeScore> scores) {
        Map<String, List<WorkflowScore>> byWorkflow = new LinkedHashMap<>();
        for (ProgrammeScore p : scores) {
            if (p != null) {
                p.workflows().forEach(w -> byWorkflow.computeIfAbsent(w.workflowId(), k -> new ArrayList<>()));
            }
        }
        for (Map.Entry<String, List<WorkflowScore>> entry : byWorkflow.entrySet()) {
            for (ProgrammeScore p : scores) {
                entry.getValue().add(p == null ? null : p.workflows().stream()
                        .filter(w -> w.workflowId().equals(entry.getKey())).findFirst().orElse(null));
            }
        }
        return byWorkflow;
    }

    private static BoardPage.WorkflowPart part(WorkflowScore end, List<WorkflowScore> each, Evidence evidence,
                                               LocalDate firstDay, LocalDate lastDay) {
        List<String> lines = new ArrayList<>();
        OutcomeProgress o = end.outcome();
        if (o == null) {
            lines.add("Outcome: none declared");
        } else {
            lines.add("Outcome: " + outcome(o));
            lines.add(claimed(o) + measured(o));
            lines.add("Evidence: " + (evidence.evidenceUrl() == null ? "no link given with the check-in"
                    : evidence.evidenceUrl() + " (check-in " + evidence.checkinPeriod() + ")")
                    + " · Measured by: " + (o.measured() == null ? "no system of record yet"
                    : evidence.measuredSource() == null ? "a system of record not named" : evidence.measuredSource()));
        }
        lines.add(effect(end.effect()));
        if (end.outcomeEffect() != null) {
            lines.add(OutcomeEffectWording.LABEL + ": " + OutcomeEffectWording.line(end.outcomeEffect()));
        }
        lines.add(decisions(each, firstDay, lastDay));
        return new BoardPage.WorkflowPart(end.name() + " (" + end.stage() + ", owner " + end.ownerEmail() + ")",
                end.verdict().name(), lines);
    }

    static String outcome(OutcomeProgress o) {
        String unit = o.unit() == null || o.unit().isBlank() ? "" : " " + o.unit();
        return o.metric() + ", " + o.direction() + ", baseline " + number(o.baseline()) + unit + " → target "
                + number(o.target()) + unit;
    }

    private static String claimed(OutcomeProgress o) {
        if (o.claimed() == null) {
            return "Claimed: no check-in yet";
        }
        Figure progress = o.progress();
        return "Claimed " + number(o.claimed()) + (o.status() == null ? "" : " (" + o.status().replace('_', ' ')
                + (o.confidence() == null ? "" : ", confidence " + o.confidence() + "/10") + ")")
                + (progress.isShown() ? ", " + OutcomeGapWording.number(BigDecimal.valueOf(progress.value())
                .setScale(0, java.math.RoundingMode.HALF_UP)) + "% of the way to target" : "");
    }

    private static String measured(OutcomeProgress o) {
        if (o.measured() == null) {
            return " · Measured: no value from a system of record";
        }
        String gap = o.gapPercent() == null ? "" : ", " + OutcomeGapWording.number(BigDecimal.valueOf(
                Math.abs(o.gapPercent()))) + "% apart" + (o.gapFlagged() ? " (flagged)" : "");
        return " · Measured " + number(o.measured()) + " on " + DAY.format(o.measuredOn()) + gap;
    }

    static String effect(@Nullable Effect effect) {
        if (effect == null) {
            return "Effect of going live on cycle time: no effect estimate yet";
        }
        if (effect instanceof Effect.NotEstimable none) {
            // The reason is a sentence of its own ("There are no weekly values to measure yet.").
            return "Effect of going live on cycle time: no estimate. " + none.words();
        }
        Effect.Estimate e = (Effect.Estimate) effect;
        return "Effect of going live on cycle time: " + signed(e.effect()) + " min"
                + (e.percent() == null ? "" : " (" + signed(e.percent()) + "%)") + ", "
                + Math.round(e.confidence() * 100) + "% interval " + signed(e.low()) + " to " + signed(e.high())
                + " min; " + e.people() + " people, " + e.weeks() + " weeks"
                + (e.excludesZero() ? "" : "; the interval includes no effect");
    }

    /** The owner's decisions taken in the quarter, each once, oldest first, as the weeks' scorecards show them. */
    static String decisions(List<WorkflowScore> each, LocalDate firstDay, LocalDate lastDay) {
        Set<OwnerDecision> seen = new LinkedHashSet<>();
        Optional<OwnerDecision> before = Optional.empty();
        for (WorkflowScore w : each) {
            OwnerDecision d = w == null ? null : w.decision();
            if (d == null) {
                continue;
            }
            if (d.decidedOn().isBefore(firstDay)) {
                before = Optional.of(d);
            } else if (!d.decidedOn().isAfter(lastDay)) {
                seen.add(d);
            }
        }
        if (seen.isEmpty()) {
            return "Decisions: no decision recorded this quarter" + before.map(d -> " (last: " + d.choice()
                    + " on " + DAY.format(d.decidedOn()) + ")").orElse("");
        }
        return "Decisions: " + String.join("; ", seen.stream().map(d -> d.choice() + " on " + DAY.format(
                d.decidedOn()) + (d.prompt() == null ? "" : " (asked: " + d.prompt() + ")")).toList());
    }

    private static WorkflowScore lastOf(List<WorkflowScore> each) {
        WorkflowScore end = null;
        for (WorkflowScore w : each) {
            end = w == null ? end : w;
        }
        return end;
    }

    private static BoardPage.Cell empty() {
        return new BoardPage.Cell(null, "–");
    }

    static String letter(Verdict verdict) {
        return verdict.name().substring(0, 1);
    }

    static String percent(Figure figure) {
        return figure.isShown() ? Math.round(figure.value()) + "%" : "*";
    }

    static String number(BigDecimal value) {
        return OutcomeGapWording.number(value);
    }

    private static String signed(double value) {
        String text = BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return value > 0 ? "+" + text : text.replace('-', '−');
    }
}
