package io.uptake.scenario;

/**
 * One spell of a person in a workflow's audience.
 *
 * @param fromWeek the week on whose Monday they joined (0 = from the start)
 * @param leftWeek the week on whose Monday they left, or {@link Integer#MAX_VALUE} if they stay
 * @param wave     the rollout wave whose audience it is in (1 for the first), or 0 for a workflow's single audience
 */
public record Membership(String email, String workflowId, int fromWeek, int leftWeek, int wave) {

    /** A spell in a workflow's single audience. */
    public Membership(String email, String workflowId, int fromWeek, int leftWeek) {
        this(email, workflowId, fromWeek, leftWeek, 0);
    }

    public static final int STAYS = Integer.MAX_VALUE;

    /** Whether they are in the audience at the start of that week, after its Monday changes. */
    public boolean inAt(int week) {
        return week >= fromWeek && week < leftWeek;
    }
}
