package io.uptake.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.RunningWeek;
import io.uptake.metrics.Scorecard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code week} and {@code programme} parameters the scorecard and its exports share, and the answer to them. */
final class ScorecardQuery {

    /** Either the scorecard asked for or the error response that explains why there is none. */
    record Answer(@Nullable Scorecard scorecard, @Nullable MutableHttpResponse<ApiError> error) {
    }

    /** The {@code week} that asks for the running week so far. */
    static final String CURRENT = "current";

    private ScorecardQuery() {
    }

    static Answer run(ScorecardSource scorecards, Clock clock, @Nullable String week,
                      @Nullable List<String> programme) {
        LocalDate monday;
        Instant now = clock.instant();
        if (week == null || week.isBlank()) {
            monday = IsoWeek.lastComplete(now, ZoneOffset.UTC);
        } else if (week.strip().equalsIgnoreCase(CURRENT)) {
            monday = IsoWeek.running(now, ZoneOffset.UTC);
        } else {
            Optional<LocalDate> parsed = IsoWeek.parse(week);
            if (parsed.isEmpty()) {
                return new Answer(null, HttpResponse.status(HttpStatus.BAD_REQUEST).body(ApiError.of(
                        "week must be an ISO week such as 2026-W47 or current, not '"
                                + (week.length() > 20 ? week.substring(0, 20) + "…" : week) + "'")));
            }
            monday = parsed.get();
        }
        Set<String> ids = new LinkedHashSet<>();
        if (programme != null) {
            programme.stream().flatMap(p -> Arrays.stream(p.split(","))).map(String::strip)
                    .filter(p -> !p.isEmpty()).forEach(ids::add);
        }
        Scorecard card = RunningWeek.asRead(scorecards.forWeek(monday, List.copyOf(ids)), scorecards, now);
        List<String> found = card.programmes().stream().map(ProgrammeScore::programmeId).toList();
        List<String> unknown = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return new Answer(null, HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(
                    "No programme with id " + String.join(", ", unknown) + " in " + card.week()
                            + " (a programme counts from the week Uptake first loaded it): GET /api/v1/programmes "
                            + "lists them.")));
        }
        return new Answer(card, null);
    }
}
