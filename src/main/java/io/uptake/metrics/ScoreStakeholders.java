package io.uptake.metrics;

import io.uptake.catalog.Quarter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stakeholder pulse of each programme for the quarter holding the scored week. */
@Singleton
class ScoreStakeholders {

    /** The confidence answers that count as still confident: 4 and 5 of 5. */
    static final int CONFIDENT_FROM = 4;
    /** The fund answer "Yes". */
    static final int FUND_YES = 2;

    private static final String ROUNDS = "SELECT id FROM read_stakeholder_round WHERE quarter = ?";

    private final StakeholderFigures figures;

    ScoreStakeholders(StakeholderFigures figures) {
        this.figures = figures;
    }

    Map<String, StakeholderPulse> score(Connection c, List<CatalogueReads.ProgrammeFacts> programmes,
                                        LocalDate monday) throws SQLException {
        String quarter = Quarter.of(monday).toString();
        Map<Long, Tally> rounds = new HashMap<>();
        Map<String, Tally> byProgramme = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, programme_id, closed_at FROM read_stakeholder_round WHERE quarter = ?")) {
            s.setString(1, quarter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Tally t = new Tally(rs.getTimestamp(3) != null);
                    rounds.put(rs.getLong(1), t);
                    byProgramme.put(rs.getString(2), t);
                }
            }
        }
        if (!rounds.isEmpty()) {
            read(c, quarter, rounds);
        }
        Map<String, StakeholderPulse> all = new HashMap<>();
        for (CatalogueReads.ProgrammeFacts p : programmes) {
            Tally t = byProgramme.get(p.id());
            all.put(p.id(), t == null ? StakeholderPulse.none() : figures.of(new StakeholderFigures.Counts(quarter,
                    t.closed, t.asked, t.answered, t.confident, t.confidenceN, t.fundYes, t.fundN, t.texts)));
        }
        return all;
    }

    private static void read(Connection c, String quarter, Map<Long, Tally> rounds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT round_id, COUNT(*), "
                + "SUM(CASE WHEN answered THEN 1 ELSE 0 END) FROM read_stakeholder_delivery "
                + "WHERE round_id IN (" + ROUNDS + ") GROUP BY round_id")) {
            s.setString(1, quarter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Tally t = rounds.get(rs.getLong(1));
                    t.asked = rs.getInt(2);
                    t.answered = rs.getInt(3);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT round_id, question, value_int FROM "
                + "read_stakeholder_answer WHERE round_id IN (" + ROUNDS + ")")) {
            s.setString(1, quarter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Tally t = rounds.get(rs.getLong(1));
                    int value = rs.getInt(3);
                    boolean given = !rs.wasNull();
                    if (given && "confidence".equals(rs.getString(2))) {
                        t.confidenceN++;
                        t.confident += value >= CONFIDENT_FROM ? 1 : 0;
                    } else if (given && "fund".equals(rs.getString(2))) {
                        t.fundN++;
                        t.fundYes += value == FUND_YES ? 1 : 0;
                    }
                }
            }
        }
        // Ordered by the words themselves, so the order says nothing about who wrote first.
        try (PreparedStatement s = c.prepareStatement("SELECT round_id, shown_text FROM read_stakeholder_comment "
                + "WHERE round_id IN (" + ROUNDS + ") ORDER BY shown_text")) {
            s.setString(1, quarter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    if (text != null && !text.isBlank()) {
                        rounds.get(rs.getLong(1)).texts.add(text);
                    }
                }
            }
        }
    }

    private static final class Tally {
        final boolean closed;
        final List<String> texts = new ArrayList<>();
        int asked;
        int answered;
        int confident;
        int confidenceN;
        int fundYes;
        int fundN;

        Tally(boolean closed) {
            this.closed = closed;
        }
    }
}
