package io.uptake.scenario;

/** How large a generated organisation is: the suite's size, or a demonstration's. */
public enum Size {
    /** About 210 people, enough for every rule to bite (suppression, joiners, leavers) and fast enough for CI. */
    CI(1),
    /** Five times as many people in every audience, for a demonstration database. */
    DEMO(5);

    private final int scale;

    Size(int scale) {
        this.scale = scale;
    }

    /** How many times the CI organisation's audiences this size has. */
    public int scale() {
        return scale;
    }
}
