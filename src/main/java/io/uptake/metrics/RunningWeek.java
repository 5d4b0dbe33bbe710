package io.uptake.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scorecard as read at a moment: of a week complete (UTC) then, as it is; of a week still running, said to be the
 * week so far up to today, with each workflow's drift judged on the last complete week instead. On a Monday the
 * week so far has a WAU near 0%, which read against last week's would say "WAU down 1 week running, 79% below its
 * 4-week peak" of a fall that has not happened. A workflow that week did not score keeps no drift figures and no
 * drift flags, with the week they would be judged on said.
 *
 * <p>Applied by the readers that show a week running in UTC (the API, the digest preview, a workflow's status), not
 * by the shared scorecards: a digest is sent for the week complete in its subscription's time zone, which may still
 * be running in UTC.
 */
public final class RunningWeek {

    private RunningWeek() {
    }

    /**
     * @param card   a scorecard as computed
     * @param source where the last complete week's scorecard is read
     * @param now    the moment it is read
     */
    public static Scorecard asRead(Scorecard card, ScorecardSource source, Instant now) {
        LocalDate monday = IsoWeek.parse(card.week()).orElseThrow();
        if (IsoWeek.complete(monday, now, ZoneOffset.UTC)) {
            return card.soFar(false);
        }
        LocalDate last = IsoWeek.lastComplete(now, ZoneOffset.UTC);
        String lastWeek = IsoWeek.format(last);
        List<String> ids = card.programmes().stream().map(ProgrammeScore::programmeId).toList();
        Map<String, Drift> judged = new HashMap<>();
        if (!ids.isEmpty()) {
            source.forWeek(last, ids).programmes().stream().flatMap(p -> p.workflows().stream())
                    .filter(w -> w.drift() != null).forEach(w -> judged.put(w.workflowId(), w.drift()));
        }
        List<ProgrammeScore> programmes = card.programmes().stream().map(p -> p.with(p.reasons(),
                p.workflows().stream().map(w -> w.withDriftOf(judged.getOrDefault(w.workflowId(), Drift.noData())
                        .judgedOn(lastWeek))).toList())).toList();
        return card.with(programmes).runningTo(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }
}
