package io.uptake.scenario;

/**
 * One rollout wave of a workflow the programmes file declares in {@code waves:}: an audience of its own, live from
 * the Monday of {@code goLiveWeek}.
 *
 * @param number      1 for the first wave, in the file's order
 * @param audienceRef channel, user group or team id; unused for {@link AudienceKind#EMAILS}
 */
public record ScenarioWave(int number, AudienceKind kind, String audienceRef, int goLiveWeek, int targetTeamSize) {

    /** Whether the wave counts in that week: from its go-live week on. */
    public boolean liveIn(int week) {
        return week >= goLiveWeek;
    }
}
