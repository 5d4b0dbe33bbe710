package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the measured values of a workflow's outcome, as its system of record gives them: one value per day,
 * a day posted again replacing the value it had. Every value is checked before any is stored, so a post with one
 * bad value stores nothing and says which row and field are wrong.
 */
@Singleton
public class RecordOutcomeValues {

    /** The most values one post may hold. */
    public static final int MAX_ROWS = 10_000;
    /** The longest source name kept. */
    public static final int MAX_SOURCE = 100;
    /** Values are kept to 4 decimal places, below 10^14 either way (the column is NUMERIC(18, 4)). */
    static final BigDecimal LIMIT = new BigDecimal("1E14");

    private static final String WORKFLOW_UPSERT = "INSERT INTO outcome_value (workflow_id, day, value, source, "
            + "received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (workflow_id, day) DO UPDATE SET "
            + "value = excluded.value, source = excluded.source, received_at = excluded.received_at";
    private static final String WAVE_UPSERT = "INSERT INTO outcome_wave_value (workflow_id, wave, day, value, source, "
            + "received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (workflow_id, wave, day) DO UPDATE SET "
            + "value = excluded.value, source = excluded.source, received_at = excluded.received_at";
    private static final String PROGRAMME_UPSERT = "INSERT INTO programme_outcome_value (programme_id, day, value, "
            + "source, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (programme_id, day) DO UPDATE SET "
            + "value = excluded.value, source = excluded.source, received_at = excluded.received_at";

    private static final Logger LOG = LoggerFactory.getLogger(RecordOutcomeValues.class);

    private final CheckinLookup catalog;
    private final DataSource dataSource;
    private final Clock clock;

    RecordOutcomeValues(CheckinLookup catalog, DataSource dataSource, Clock clock) {
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A value that passed the checks; {@code wave} null for the workflow's own value. */
    record Checked(LocalDate day, BigDecimal value, String source, Integer wave) {

        Checked(LocalDate day, BigDecimal value, String source) {
            this(day, value, source, null);
        }

        Checked withWave(Integer number) {
            return new Checked(day, value, source, number);
        }
    }

    /** A day's value of one wave, or of the workflow itself (wave null): what a post may give once. */
    private record Key(Integer wave, LocalDate day) {
    }

    @Transactional
    /**
     * Stores the values of a subject's outcome: a workflow's (by its id) or a programme's own
     * ({@code programme:<id>}, as {@link CheckinLookup.Subject} names it; its values have no wave).
     */
    public OutcomeValuesResult record(String workflowId, List<OutcomeValueInput> rows) {
        Optional<String> programmeId = CheckinLookup.Subject.programmeId(workflowId);
        if (programmeId.isPresent() ? catalog.programme(programmeId.get()).isEmpty()
                : catalog.workflow(workflowId).isEmpty()) {
            return new OutcomeValuesResult.UnknownWorkflow(workflowId);
        }
        if (programmeId.isPresent() ? catalog.subject(workflowId).isEmpty()
                : catalog.accountable(workflowId).isEmpty()) {
            return new OutcomeValuesResult.NoOutcome(workflowId);
        }
        if (rows.isEmpty()) {
            return new OutcomeValuesResult.Refused("No values: send at least one {\"day\", \"value\"}.");
        }
        if (rows.size() > MAX_ROWS) {
            return new OutcomeValuesResult.Refused("A post holds at most " + MAX_ROWS + " values; this one has "
                    + rows.size() + ". Split it into several posts.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Checked> checked = new ArrayList<>();
        Map<Key, String> seen = new HashMap<>();
        Instant now = CheckinRepositories.millis(clock.instant());
        int replaced;
        try (Connection c = dataSource.getConnection()) {
            Set<Integer> waves = null;
            for (OutcomeValueInput row : rows) {
                Object result = check(row, today);
                if (result instanceof String refusal) {
                    return new OutcomeValuesResult.Refused(refusal);
                }
                Checked value = (Checked) result;
                if (row.wave() != null && !row.wave().isBlank() && programmeId.isPresent()) {
                    return new OutcomeValuesResult.Refused(row.where() + ": 'wave' is for a workflow's rollout "
                            + "waves; a programme's outcome has none, so leave it out.");
                }
                if (row.wave() != null && !row.wave().isBlank()) {
                    waves = waves == null ? waves(c, workflowId) : waves;
                    Object wave = wave(row, workflowId, waves);
                    if (wave instanceof String refusal) {
                        return new OutcomeValuesResult.Refused(refusal);
                    }
                    value = value.withWave((Integer) wave);
                }
                String before = seen.putIfAbsent(new Key(value.wave(), value.day()), row.where());
                if (before != null) {
                    return new OutcomeValuesResult.Refused(row.where() + ": day " + value.day()
                            + (value.wave() == null ? "" : " of wave " + value.wave()) + " is given twice (also "
                            + before + "); send each day once.");
                }
                checked.add(value);
            }
            if (programmeId.isPresent()) {
                Set<Key> existing = programmeDays(c, programmeId.get());
                replaced = (int) checked.stream().filter(v -> existing.contains(new Key(null, v.day()))).count();
                upsert(c, PROGRAMME_UPSERT, programmeId.get(), checked, now);
            } else {
                Set<Key> existing = days(c, workflowId);
                replaced = (int) checked.stream().filter(v -> existing.contains(new Key(v.wave(), v.day()))).count();
                upsert(c, WORKFLOW_UPSERT, workflowId, checked.stream().filter(v -> v.wave() == null).toList(), now);
                upsert(c, WAVE_UPSERT, workflowId, checked.stream().filter(v -> v.wave() != null).toList(), now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the outcome values of " + workflowId, e);
        }
        LOG.info("Outcome values of workflow {}: {} stored, {} of them replacing a day's value", workflowId,
                checked.size(), replaced);
        return new OutcomeValuesResult.Stored(workflowId, checked.size(), replaced, false);
    }

    /** The checked value, or why it is refused, naming the row and the field. */
    static Object check(OutcomeValueInput row, LocalDate today) {
        String where = row.where();
        if (row.day() == null || row.day().isBlank()) {
            return where + ": 'day' is missing; give the day the value was measured on, e.g. 2026-11-30.";
        }
        LocalDate day;
        try {
            day = LocalDate.parse(row.day().strip());
        } catch (DateTimeParseException e) {
            return where + ": 'day' \"" + shown(row.day()) + "\" is not a date; write it as YYYY-MM-DD, e.g. "
                    + "2026-11-30.";
        }
        if (day.isAfter(today)) {
            return where + ": 'day' " + day + " is in the future (today is " + today + " UTC); send measured values "
                    + "only.";
        }
        if (row.value() == null || row.value().isBlank()) {
            return where + ": 'value' is missing; give the measured number, e.g. 44.";
        }
        BigDecimal value;
        String text = row.value().strip();
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            boolean infinite = text.matches("(?i)[+-]?(inf|infinity|nan)");
            return where + ": 'value' \"" + shown(row.value()) + "\" is " + (infinite ? "not a finite number"
                    : "not a number") + "; write it with a decimal point and no thousands separators, e.g. 44.5.";
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            return where + ": 'value' " + shown(text) + " is too large; values must lie between -10^14 and 10^14.";
        }
        String source = row.source() == null || row.source().isBlank() ? null : row.source().strip();
        if (source != null && (source.length() > MAX_SOURCE || source.chars().anyMatch(Character::isISOControl))) {
            return where + ": 'source' must be one line of at most " + MAX_SOURCE + " characters.";
        }
        return new Checked(day, value.setScale(Math.min(Math.max(value.scale(), 0), 4), RoundingMode.HALF_UP)
                .stripTrailingZeros(), source);
    }

    /** The wave's number when the workflow has that wave, or why it is refused, naming the row and field. */
    static Object wave(OutcomeValueInput row, String workflowId, Set<Integer> waves) {
        String text = row.wave().strip();
        String known = waves.isEmpty() ? "it has none stored yet" : "its waves are " + String.join(", ",
                waves.stream().sorted().map(String::valueOf).toList());
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return row.where() + ": 'wave' \"" + shown(text) + "\" is not a wave number; give the wave's number "
                    + "in the programmes file (1 for the first; " + known + "), or leave it out for the workflow's "
                    + "own value.";
        }
        if (!waves.contains(number)) {
            return row.where() + ": 'wave' " + number + " is not a wave of workflow '" + workflowId + "' (" + known
                    + ").";
        }
        return number;
    }

    /** The wave numbers of the workflow's audiences. */
    private static Set<Integer> waves(Connection c, String workflowId) throws SQLException {
        Set<Integer> waves = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT wave FROM read_audience "
                + "WHERE workflow_id = ?")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    waves.add(rs.getInt("wave"));
                }
            }
        }
        return waves;
    }

    private static String shown(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    /** The days that have a value already, the workflow's own and each wave's. */
    private static Set<Key> days(Connection c, String workflowId) throws SQLException {
        Set<Key> days = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(NULL AS INTEGER) AS wave, day FROM outcome_value "
                + "WHERE workflow_id = ? UNION ALL SELECT wave, day FROM outcome_wave_value WHERE workflow_id = ?")) {
            ps.setString(1, workflowId);
            ps.setString(2, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int wave = rs.getInt("wave");
                    days.add(new Key(rs.wasNull() ? null : wave, rs.getDate("day").toLocalDate()));
                }
            }
        }
        return days;
    }

    private static Set<Key> programmeDays(Connection c, String programmeId) throws SQLException {
        Set<Key> days = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day FROM programme_outcome_value "
                + "WHERE programme_id = ?")) {
            ps.setString(1, programmeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new Key(null, rs.getDate("day").toLocalDate()));
                }
            }
        }
        return days;
    }

    /** Replaces or adds each value's day; the statement's key columns are the id, the wave when it has one, the day. */
    private static void upsert(Connection c, String sql, String id, List<Checked> values, Instant now)
            throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Checked v : values) {
                int i = 1;
                ps.setString(i++, id);
                if (v.wave() != null) {
                    ps.setInt(i++, v.wave());
                }
                ps.setDate(i++, Date.valueOf(v.day()));
                ps.setBigDecimal(i++, v.value());
                ps.setString(i++, v.source());
                ps.setTimestamp(i, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
