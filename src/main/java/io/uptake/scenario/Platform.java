package io.uptake.scenario;

/** Where a generated person can be reached, if anywhere. */
public enum Platform {
    SLACK, TEAMS,
    /** Named by email only (an {@code emails:} audience); no chat platform knows them. */
    NONE
}
