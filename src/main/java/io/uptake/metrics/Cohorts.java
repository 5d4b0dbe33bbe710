package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How a workflow's audience used it in the scored week, already passed through the anonymity rules. The four
 * cohorts split the people the week is counted over by their days of use: telemetry counts the audience members of
 * the week and the days each had telemetry use; self-reports count the members who reported, an answer standing
 * for its days ("never" 0, "once" 1, "a few times" 3, "most days" 5). Their figures are percentages of that group,
 * each with its size as n and the source it came from.
 *
 * @param none            people with no day of use
 * @param light           1 to {@code lightMaxDays} days
 * @param moderate        above light, up to {@code moderateMaxDays} days
 * @param heavy           more than {@code moderateMaxDays} days
 * @param triedAndStopped share of the audience at the end of the week who used the workflow in the 4 weeks before
 *                        the last 2 and not in those 2 (self-reports: of those who reported in the last 2 weeks, who
 *                        reported use before and only "never" since)
 * @param passive         share of the week's audience whose telemetry shows them only present, never active (a day
 *                        counted 0); NO_DATA when the source does not tell passive use apart
 * @param lightMaxDays    the configured cut between light and moderate
 * @param moderateMaxDays the configured cut between moderate and heavy
 */
@Serdeable
public record Cohorts(Figure none, Figure light, Figure moderate, Figure heavy, Figure triedAndStopped,
                      Figure passive, int lightMaxDays, int moderateMaxDays) {

    /** Cohorts of a week with no usage data at all. */
    static Cohorts noData(CohortSettings settings) {
        Figure none = Figure.noData(Figure.Source.SELF_REPORT);
        return new Cohorts(none, none, none, none, none, none, settings.lightMaxDays(), settings.moderateMaxDays());
    }
}
