package io.uptake.scenario;

/**
 * One spell of a person in a workflow's audience.
 *
 * @param fromWeek the week on whose Monday they joined (0 = from the start)
 * @param leftWeek the week on whose Monday they left, or {@link Integer#MAX_VALUE} if they stay
 */
public record Membership(String email, String workflowId, int fromWeek, int leftWeek) {

    public static final int STAYS = Integer.MAX_VALUE;

    /** Whether they are in the audience at the start of that week, after its Monday changes. */
    public boolean inAt(int week) {
        return week >= fromWeek && week < leftWeek;
    }
}
