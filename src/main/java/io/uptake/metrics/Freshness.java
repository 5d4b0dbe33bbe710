package io.uptake.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * How fresh the telemetry behind a workflow's usage figures is: the source it comes from, the newest day that
 * source has delivered ("data as of"), and whether the source is late or hides who its users are. A workflow whose
 * usage figures rest on self-reports only has none.
 *
 * <p>Judged when the scorecard is read, against the service's clock, not when its figures were computed: a
 * source that stops delivering is late the day it passes its expected lag, whether or not anything was written.
 *
 * @param source          the source's name as the programmes file and {@code /health} give it:
 *                        {@code github-copilot}, {@code microsoft-365-copilot}, {@code csv:<profile>}, or
 *                        {@code file} for telemetry posted to the admin API
 * @param sourceName      the source in words, e.g. "GitHub Copilot"
 * @param dataAsOf        the newest day the source delivered in full (for {@code file}, the newest day of
 *                        telemetry posted for this workflow); null when it has delivered nothing yet
 * @param daysBehind      days from {@code dataAsOf} to today (UTC); null without {@code dataAsOf}
 * @param expectedLagDays the days the source may be behind before it is late ({@link ExpectedLags})
 * @param stale           whether the source is later than that, or has delivered nothing yet
 * @param anonymised      whether the source hid who its users are on its last delivery, so no use could be counted
 * @param lastPullFailed  whether the source's last pull or upload failed ({@code /health} says why)
 * @param notes           what the freshness adds to the workflow's flags and (first) to its verdict's reasons, in
 *                        the scorecard's words; empty when the data is on time
 */
@Serdeable
public record Freshness(String source, String sourceName, @Nullable LocalDate dataAsOf, @Nullable Integer daysBehind,
                        int expectedLagDays, boolean stale, boolean anonymised, boolean lastPullFailed,
                        List<String> notes) {

    /** The source of telemetry posted to {@code POST /api/v1/usage-events}. */
    public static final String FILE = "file";

    public Freshness {
        notes = List.copyOf(notes);
    }

    /** Whether there is anything to flag: a late source, or one that hides its users. */
    public boolean flagged() {
        return !notes.isEmpty();
    }
}
