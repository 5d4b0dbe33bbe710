package io.uptake.metrics;

import java.sql.Connection;
import java.sql.SQLException;

/** Lets tests of other packages write {@link SeededHistory}. */
public final class ScorecardSeed {

    private ScorecardSeed() {
    }

    public static void seed(Connection c) throws SQLException {
        SeededHistory.seed(c);
    }
}
