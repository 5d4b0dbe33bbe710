package io.uptake.web.programmes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.catalog.CatalogViews.ProgrammeView;
import io.uptake.catalog.CatalogViews.StageView;
import io.uptake.catalog.CatalogViews.WorkflowView;
import io.uptake.catalog.ReadCatalog;
import io.uptake.checkin.CheckinLog;
import io.uptake.checkin.OutcomeValueLog;
import io.uptake.metrics.EffectWording;
import io.uptake.metrics.OutcomeEffectWording;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.StampFreshness;
import io.uptake.metrics.SequencingWording;
import io.uptake.metrics.WorkflowScore;
import io.uptake.pulse.OpenRoundProgress;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One workflow's page: every figure of a week with its n, source and state; up to a year of weekly history; the
 * stage ledger; the outcome with every check-in; the open pulse rounds' progress; and the flags with what to do
 * about each. For an admin, the programme's sponsor and the workflow's owner; anyone else gets the same 404 as
 * for a workflow that does not exist.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class WorkflowPage {

    static final int HISTORY_WEEKS = 52;
    /** The measured outcome values the page lists, newest first. */
    static final int MEASURED_SHOWN = 20;

    private final Frames frames;
    private final ReadCatalog catalog;
    private final WeeklyScorecards scorecards;
    private final CheckinLog checkins;
    private final OpenRoundProgress rounds;
    private final WorkflowFigures figures;
    private final FigureText text;
    private final MetricsSettings settings;
    private final ErrorPages errors;
    private final Clock clock;
    private final StampFreshness freshness;
    private final OutcomeValueLog measured;

    WorkflowPage(Frames frames, ReadCatalog catalog, WeeklyScorecards scorecards, CheckinLog checkins,
                 OpenRoundProgress rounds, WorkflowFigures figures, FigureText text, MetricsSettings settings,
                 ErrorPages errors, Clock clock, StampFreshness freshness, OutcomeValueLog measured) {
        this.freshness = freshness;
        this.measured = measured;
        this.frames = frames;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.checkins = checkins;
        this.rounds = rounds;
        this.figures = figures;
        this.text = text;
        this.settings = settings;
        this.errors = errors;
        this.clock = clock;
    }

    @Get(uri = "/workflows/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> workflow(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                             @Nullable @QueryValue String week) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        Optional<WorkflowView> found = catalog.workflow(id)
                .filter(w -> viewer.seesWorkflow(w.programme(), w.id()));
        if (found.isEmpty()) {
            return errors.workflowNotFound(request, authentication);
        }
        WeekChoice choice;
        try {
            choice = WeekChoice.of(week, clock.instant());
        } catch (WeekChoice.BadWeek e) {
            return errors.badRequest(request, authentication, e.getMessage());
        }
        WorkflowView workflow = found.get();
        List<Scorecard> history = scorecards.weeks(workflow.programme(), choice.monday(),
                historyWeeks(workflow, choice.monday()));
        // The week's figures come from a cache kept while the data stands; the usage data's freshness is judged now.
        Optional<WorkflowScore> score = Trend.find(scorecards.asRead(history.get(history.size() - 1),
                clock.instant()), id).map(freshness::stamp);
        Map<String, Object> model = new HashMap<>();
        model.put("workflow", workflow);
        model.put("programme", catalog.programme(workflow.programme()).map(ProgrammeView::name)
                .orElse(workflow.programme()));
        model.put("seesProgramme", viewer.seesProgramme(workflow.programme()));
        model.put("week", choice.week());
        model.put("soFar", choice.soFar());
        model.put("previous", choice.previous());
        model.put("next", choice.next());
        model.put("runningWeek", choice.runningWeek());
        model.put("score", score.orElse(null));
        model.put("figures", score.map(figures::rows).orElse(List.of()));
        model.put("outcome", score.map(s -> figures.outcome(s.outcome())).orElse(List.of()));
        model.put("use", score.map(figures::use).orElse(List.of()));
        model.put("calibration", score.map(s -> CalibrationView.of(s, text)).orElse(null));
        model.put("waves", score.map(s -> WaveRows.of(s, text)).orElse(List.of()));
        model.put("effect", score.map(s -> EffectWording.line(s.effect())).orElse(null));
        model.put("outcomeEffect", score.map(s -> OutcomeEffectWording.line(s.outcomeEffect())).orElse(null));
        model.put("cycleBaseline", score.map(WorkflowScore::cycleBaseline).map(b -> "Cycle-time baseline: "
                + EffectWording.oneDecimal(b.minutes()) + " min, " + b.words()).orElse(null));
        model.put("flags", score.map(s -> s.flags().stream().map(FlagAdvice::of).toList()).orElse(List.of()));
        model.put("decided", score.map(WorkflowScore::decision).map(SequencingWording::decided).orElse(null));
        String unit = workflow.outcome() == null ? "" : workflow.outcome().unit();
        model.put("checkins", checkins.of(id).stream().map(c -> WorkflowFigures.checkin(c, unit)).toList());
        model.put("measured", measured.latest(id, MEASURED_SHOWN).stream()
                .map(m -> WorkflowFigures.measured(m, unit)).toList());
        model.put("rounds", rounds.of(id).stream().map(figures::round).toList());
        model.put("stages", workflow.stageHistory() == null ? List.of()
                : workflow.stageHistory().stream().map(WorkflowFigures::stage).toList());
        List<Trend.Week> rows = new ArrayList<>(Trend.rows(history, id, choice.runningWeek(), text));
        Collections.reverse(rows);
        model.put("historyRows", rows);
        model.put("historyWeeks", history.size());
        model.put("chart", Trend.chart("history-" + id, "Weekly active use, trust index and response rate of "
                        + workflow.name() + ", " + history.size() + " weeks to " + choice.week(), history, id,
                settings.emergingWauPercent(), settings.leverageWauPercent()));
        return frames.page(request, authentication, "workflow", workflow.name(), "programmes", model);
    }

    /**
     * Up to a year, from the week the workflow's stage history begins (its first pilot), so a new workflow does not
     * cost a year of scorecards it was never in.
     */
    private static int historyWeeks(WorkflowView workflow, LocalDate monday) {
        Optional<LocalDate> first = workflow.stageHistory() == null ? Optional.empty()
                : workflow.stageHistory().stream().map(StageView::since).filter(d -> d != null)
                        .min(Comparator.naturalOrder());
        if (first.isEmpty()) {
            return HISTORY_WEEKS;
        }
        long weeks = ChronoUnit.WEEKS.between(IsoWeek.monday(first.get()), monday) + 1;
        return (int) Math.max(1, Math.min(HISTORY_WEEKS, weeks));
    }
}
