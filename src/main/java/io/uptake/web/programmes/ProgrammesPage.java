package io.uptake.web.programmes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.digest.ProgrammeOutcomeWording;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.StakeholderFigures;
import io.uptake.metrics.StampFreshness;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WorkflowScore;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's first page: for a week, the programmes the viewer may see, each with its verdict and reasons and
 * its pilot → production share (for its sponsor and admins), and each workflow they may see with its figures and
 * a 12-week trend.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProgrammesPage {

    static final int TREND_WEEKS = 12;

    /** A programme as the page shows it; {@code whole} when the viewer sees the programme, not just workflows. */
    record Programme(String id, String name, boolean whole, Verdict verdict, List<String> reasons,
                     String pilotToProduction, String pilotToProductionN, List<Workflow> workflows,
                     @Nullable Stakeholders stakeholders, @Nullable String owner, String outcome,
                     List<String> flags) {
    }

    /** The programme's stakeholder pulse of the quarter, in words, with what would change minds when shown. */
    record Stakeholders(String quarter, String summary, List<String> changeMind) {
    }

    /** A workflow's row and trend. */
    record Workflow(String id, String name, String stage, Verdict verdict, List<String> reasons, String wau,
                    String trust, String response, String chart, List<Trend.Week> trend) {
    }

    private final Frames frames;
    private final WeeklyScorecards scorecards;
    private final FigureText text;
    private final MetricsSettings settings;
    private final ErrorPages errors;
    private final Clock clock;
    private final StampFreshness freshness;

    ProgrammesPage(Frames frames, WeeklyScorecards scorecards, FigureText text, MetricsSettings settings,
                   ErrorPages errors, Clock clock, StampFreshness freshness) {
        this.freshness = freshness;
        this.frames = frames;
        this.scorecards = scorecards;
        this.text = text;
        this.settings = settings;
        this.errors = errors;
        this.clock = clock;
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<?> programmes(HttpRequest<?> request, Authentication authentication,
                               @Nullable @QueryValue String week) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        WeekChoice choice;
        try {
            choice = WeekChoice.of(week, clock.instant());
        } catch (WeekChoice.BadWeek e) {
            return errors.badRequest(request, authentication, e.getMessage());
        }
        List<Scorecard> weeks = scorecards.weeks(choice.monday(), TREND_WEEKS);
        // Judged now: the weeks are kept while the data stands, but a usage source turns late with the calendar.
        Scorecard card = freshness.stamp(scorecards.asRead(weeks.get(weeks.size() - 1), clock.instant()));
        List<Programme> visible = new ArrayList<>();
        for (ProgrammeScore p : card.programmes()) {
            List<Workflow> flows = p.workflows().stream()
                    .filter(w -> viewer.seesWorkflow(p.programmeId(), w.workflowId()))
                    .map(w -> workflow(w, weeks, choice)).toList();
            boolean whole = viewer.seesProgramme(p.programmeId());
            if (whole || !flows.isEmpty()) {
                visible.add(new Programme(p.programmeId(), p.name(), whole, p.verdict(), p.reasons(),
                        text.value(p.pilotToProductionPercent(), " %"), FigureText.n(p.pilotToProductionPercent()),
                        flows, stakeholders(p), p.ownerEmail(), ProgrammeOutcomeWording.outcome(p.outcome()),
                        p.flags()));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("week", choice.week());
        model.put("soFar", choice.soFar());
        model.put("previous", choice.previous());
        model.put("next", choice.next());
        model.put("runningWeek", choice.runningWeek());
        model.put("programmes", visible);
        model.put("trendWeeks", TREND_WEEKS);
        return frames.page(request, authentication, "programmes", "Programmes", "programmes", model);
    }

    private @Nullable Stakeholders stakeholders(ProgrammeScore p) {
        String summary = StakeholderFigures.summary(p.stakeholders(), settings.minRespondents());
        return summary.isEmpty() ? null
                : new Stakeholders(p.stakeholders().quarter(), summary, p.stakeholders().changeMind());
    }

    private Workflow workflow(WorkflowScore w, List<Scorecard> weeks, WeekChoice choice) {
        String chart = Trend.chart("trend-" + w.workflowId(), "Weekly active use, trust index and response rate of "
                        + w.name() + ", " + TREND_WEEKS + " weeks to " + choice.week(), weeks, w.workflowId(),
                settings.emergingWauPercent(), settings.leverageWauPercent());
        return new Workflow(w.workflowId(), w.name(), w.stage(), w.verdict(), w.reasons(),
                text.value(w.wauPercent(), " %"), text.value(w.trustIndex(), ""), text.value(w.responsePercent(), " %"),
                chart, Trend.rows(weeks, w.workflowId(), choice.runningWeek(), text));
    }
}
