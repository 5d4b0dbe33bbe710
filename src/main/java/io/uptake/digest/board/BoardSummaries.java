package io.uptake.digest.board;

import io.micronaut.core.annotation.Nullable;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.catalog.Quarter;
import io.uptake.checkin.CheckinLog;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WorkflowScore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A programme's quarterly board summary: composed from the scorecards of the quarter's weeks ({@link BoardQuarter}),
 * drawn as one PNG page, served on demand and sent once a quarter to the programme's owner (when the programmes file
 * names one) and its sponsor, each once, however often the job runs and on however many nodes.
 */
@Singleton
public class BoardSummaries {

    /** What a request for a page gives. */
    public sealed interface Page {

        record Png(String programmeName, String quarter, BoardPage page, byte[] png) implements Page {
        }

        record UnknownProgramme(String programmeId) implements Page {
        }

        record BadQuarter(String why) implements Page {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BoardSummaries.class);

    private final CatalogLookup catalog;
    private final ScorecardSource scorecards;
    private final CheckinLog checkins;
    private final BoardRuns runs;
    private final QueueBoardSummary queue;
    private final BoardSummarySettings settings;
    private final Clock clock;

    BoardSummaries(CatalogLookup catalog, ScorecardSource scorecards, CheckinLog checkins, BoardRuns runs,
                   QueueBoardSummary queue, BoardSummarySettings settings, Clock clock) {
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.checkins = checkins;
        this.runs = runs;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The page of a programme and quarter ({@code 2026-Q4}; none: the last quarter that has ended), with the weeks
     * complete so far when the quarter is still running.
     */
    public Page page(String programmeId, @Nullable String quarterText) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Quarter quarter;
        if (quarterText == null || quarterText.isBlank()) {
            quarter = BoardQuarter.previous(Quarter.of(today));
        } else {
            Optional<Quarter> parsed = Quarter.parse(quarterText);
            if (parsed.isEmpty()) {
                return new Page.BadQuarter("quarter must be written like 2026-Q4, was '" + quarterText.strip() + "'");
            }
            quarter = parsed.get();
            if (quarter.firstDay().isAfter(today)) {
                return new Page.BadQuarter("quarter " + quarter + " has not started yet");
            }
            if (quarter.year() < 2000) {
                return new Page.BadQuarter("quarter " + quarter + " is before any programme could have run");
            }
        }
        Optional<ProgrammeRow> programme = catalog.programme(programmeId);
        if (programme.isEmpty()) {
            return new Page.UnknownProgramme(programmeId);
        }
        BoardPage page = compose(programme.get(), quarter, now);
        return new Page.Png(programme.get().name(), quarter.toString(), page, BoardPageRenderer.png(page));
    }

    /**
     * Sends the summaries due now: on and after the send day of the quarter that has just ended
     * ({@link BoardQuarter#sendDay}) at the set time, for {@link BoardSummarySettings#CATCH_UP_DAYS} days, to each
     * owner and sponsor who has not had theirs. Returns how many were queued.
     */
    public int run() {
        if (!settings.enabled()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Quarter quarter = BoardQuarter.previous(Quarter.of(LocalDate.ofInstant(now, settings.zone())));
        ZonedDateTime due = BoardQuarter.sendDay(quarter).atTime(settings.at()).atZone(settings.zone());
        if (now.isBefore(due.toInstant()) || now.isAfter(due.plusDays(BoardSummarySettings.CATCH_UP_DAYS)
                .toInstant())) {
            return 0;
        }
        int queued = 0;
        for (ProgrammeRow programme : catalog.activeProgrammes()) {
            queued += send(programme, quarter, now);
        }
        return queued;
    }

    private int send(ProgrammeRow programme, Quarter quarter, Instant now) {
        Set<String> served = runs.served(programme.id(), quarter.toString());
        List<QueueBoardSummary.Recipient> reachable = new ArrayList<>();
        Scorecard last = null;
        List<Scorecard> weeks = weeks(programme.id(), quarter, now);
        if (!weeks.isEmpty()) {
            last = weeks.get(weeks.size() - 1);
        }
        for (Map.Entry<String, String> r : recipients(programme, last).entrySet()) {
            if (served.contains(r.getKey())) {
                continue;
            }
            Optional<QueueBoardSummary.Recipient> target = queue.reach(r.getKey(), r.getValue(), now);
            if (target.isEmpty()) {
                LOG.info("Board summary of programme {} for {}: the {} cannot be messaged yet (no chat account, "
                        + "opted out or unreachable)", programme.id(), quarter, r.getValue());
            } else {
                reachable.add(target.get());
            }
        }
        if (reachable.isEmpty()) {
            return 0;
        }
        BoardPage page = compose(programme, quarter, weeks);
        int queued = queue.queue(new QueueBoardSummary.Request(programme.id(), quarter.toString(), page,
                BoardPageRenderer.png(page), message(page, last, programme.id()), reachable, now));
        LOG.info("Board summary of programme {} for {} queued for {} recipients", programme.id(), quarter, queued);
        return queued;
    }

    /** The owner (the file's programme owner, else none) and the sponsor, by lower-case email, with their role. */
    static Map<String, String> recipients(ProgrammeRow programme, @Nullable Scorecard last) {
        String owner = owner(programme, last);
        Map<String, String> roles = new LinkedHashMap<>();
        if (owner != null) {
            roles.put(owner.strip().toLowerCase(Locale.ROOT), "owner");
        }
        if (programme.sponsorEmail() != null && !programme.sponsorEmail().isBlank()) {
            roles.merge(programme.sponsorEmail().strip().toLowerCase(Locale.ROOT), "sponsor",
                    (a, b) -> "owner and sponsor");
        }
        return roles;
    }

    private static String owner(ProgrammeRow programme, @Nullable Scorecard last) {
        if (last != null) {
            for (ProgrammeScore p : last.programmes()) {
                if (p.programmeId().equals(programme.id()) && p.ownerEmail() != null && !p.ownerEmail().isBlank()) {
                    return p.ownerEmail();
                }
            }
        }
        return programme.ownerEmail() == null || programme.ownerEmail().isBlank() ? null : programme.ownerEmail();
    }

    private BoardPage compose(ProgrammeRow programme, Quarter quarter, Instant now) {
        return compose(programme, quarter, weeks(programme.id(), quarter, now));
    }

    private BoardPage compose(ProgrammeRow programme, Quarter quarter, List<Scorecard> weeks) {
        Scorecard last = weeks.isEmpty() ? null : weeks.get(weeks.size() - 1);
        Map<String, ComposeBoardPage.Evidence> evidence = new HashMap<>();
        if (last != null) {
            for (ProgrammeScore p : last.programmes()) {
                for (WorkflowScore w : p.workflows()) {
                    evidence.put(w.workflowId(), evidence(w, quarter));
                }
            }
        }
        String owner = owner(programme, last);
        return ComposeBoardPage.compose(programme.id(), quarter.toString(), quarter.firstDay(), quarter.lastDay(),
                weeks, evidence, new ComposeBoardPage.People(owner, programme.sponsorEmail()));
    }

    /** The scorecards of the quarter's weeks complete at {@code now}, oldest first. */
    private List<Scorecard> weeks(String programmeId, Quarter quarter, Instant now) {
        List<Scorecard> weeks = new ArrayList<>();
        for (LocalDate monday : BoardQuarter.weeks(quarter)) {
            if (IsoWeek.complete(monday, now, ZoneOffset.UTC)) {
                weeks.add(scorecards.forWeek(monday, List.of(programmeId)));
            }
        }
        return weeks;
    }

    /** The owner's evidence link of the quarter's last check-in, and the source of the measured value shown. */
    private ComposeBoardPage.Evidence evidence(WorkflowScore w, Quarter quarter) {
        String q = quarter.toString();
        List<String> months = List.of(0, 1, 2).stream().map(i -> quarter.firstDay().plusMonths(i).toString()
                .substring(0, 7)).toList();
        Optional<CheckinLog.Entry> checkin = checkins.of(w.workflowId()).stream()
                .filter(e -> e.period().equals(q) || months.contains(e.period()))
                .max(Comparator.comparing(CheckinLog.Entry::submittedAt));
        OutcomeProgress o = w.outcome();
        String source = o == null || o.measuredOn() == null ? null
                : runs.measuredSource(w.workflowId(), o.measuredOn());
        return new ComposeBoardPage.Evidence(checkin.map(CheckinLog.Entry::period).orElse(null),
                checkin.map(CheckinLog.Entry::evidenceUrl).orElse(null), source);
    }

    /** The short message that goes with the page. */
    static QueueBoardSummary.Message message(BoardPage page, @Nullable Scorecard last, String programmeId) {
        ProgrammeScore p = last == null ? null : last.programmes().stream()
                .filter(s -> s.programmeId().equals(programmeId)).findFirst().orElse(null);
        List<String> lines = new ArrayList<>();
        if (p == null) {
            lines.add("The programme was not scored in any complete week of the quarter.");
        } else {
            lines.add("Verdict at the quarter's end: " + p.verdict() + ". First reason: "
                    + (p.reasons().isEmpty() ? "none given" : p.reasons().get(0)) + ".");
            Map<Verdict, Long> counts = new HashMap<>();
            p.workflows().forEach(w -> counts.merge(w.verdict(), 1L, Long::sum));
            lines.add(p.workflows().size() + (p.workflows().size() == 1 ? " workflow: " : " workflows: ")
                    + counts.getOrDefault(Verdict.LEVERAGE, 0L) + " leverage, "
                    + counts.getOrDefault(Verdict.EMERGING, 0L) + " emerging, "
                    + counts.getOrDefault(Verdict.ACTIVITY, 0L) + " activity.");
        }
        lines.add("The page attached has each workflow's outcome, claimed and measured, with its evidence, the verdict "
                + "of every week, the effect estimates and the decisions taken.");
        return new QueueBoardSummary.Message("Board summary: " + page.title().replace(" · board summary ", ", "),
                lines);
    }
}
