package io.uptake.storage;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables the scorecard's figures are computed from, in one place: a write to any of them changes a figure, so
 * it moves the {@link FigureVersion} on. A new figure that reads another table adds it here, and (for PostgreSQL)
 * a trigger on it in a new migration, as V13 has for these: FigureVersionPostgresTest compares the two lists.
 */
public final class FigureTables {

    public static final Set<String> NAMES = Set.of("programme", "workflow", "workflow_stage", "outcome", "audience",
            "audience_email", "audience_member", "person", "pulse", "pulse_round", "delivery", "answer",
            "usage_event", "checkin_cycle", "checkin", "checkin_policy",
            "stakeholder_round", "stakeholder_delivery", "stakeholder_answer", "outcome_value",
            "outcome_wave_value", "programme_outcome_value",
            "programme_outcome", "programme_checkin_cycle", "programme_checkin",
            "early_warning", "owner_decision");

    /** The table after each INSERT INTO, UPDATE, DELETE FROM or TRUNCATE, quoted or not. */
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT(?:\\s+OR\\s+\\w+)?\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?)\\s+[\"`]?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    private FigureTables() {
    }

    /** Whether a statement writes to a table some figure is computed from. */
    public static boolean writtenBy(String sql) {
        if (sql == null) {
            return false;
        }
        Matcher m = WRITE.matcher(sql);
        while (m.find()) {
            if (NAMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
