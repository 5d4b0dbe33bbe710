package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes a scorecard's raw history (people, catalogue rows, rounds, answers, usage, check-ins) with plain SQL. */
public final class History {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final Connection c;

    private History(Connection c) {
        this.c = c;
    }

    public static History on(Connection c) {
        return new History(c);
    }

    public long person(String email) throws SQLException {
        return insert("INSERT INTO person (email, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                email, email, CREATED, CREATED);
    }

    public History programme(String id, String name) throws SQLException {
        insert("INSERT INTO programme (id, name, sponsor_email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                id, name, "sponsor@example.com", CREATED, CREATED);
        return this;
    }

    /** A workflow whose current stage began on {@code since}; the stage is also written to its history. */
    public History workflow(String id, String programme, String name, String stage, LocalDate since, int team,
                            BigDecimal baselineMinutes) throws SQLException {
        insert("INSERT INTO workflow (id, programme_id, name, stage, stage_since, owner_email, target_team_size, "
                + "cycle_baseline_minutes, retired_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, programme, name, stage, since, "owner-" + id + "@example.com", team, baselineMinutes,
                "retired".equals(stage) ? CREATED : null, CREATED, CREATED);
        return stage(id, stage, since);
    }

    public History stage(String workflow, String stage, LocalDate since) throws SQLException {
        insert("INSERT INTO workflow_stage (workflow_id, stage, since, source, recorded_at) VALUES (?, ?, ?, ?, ?)",
                workflow, stage, since, "catalog", CREATED);
        return this;
    }

    public History outcome(String workflow, String direction, int baseline, int target) throws SQLException {
        insert("INSERT INTO outcome (workflow_id, metric, unit, direction, baseline, target, target_quarter, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", workflow, "Claims per FTE", "claims", direction,
                BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), "2027-Q1", CREATED);
        return this;
    }

    public long audience(String workflow, long... members) throws SQLException {
        long audience = insert("INSERT INTO audience (workflow_id, kind, source_ref, updated_at) VALUES (?, ?, ?, ?)",
                workflow, "emails", "", CREATED);
        for (long person : members) {
            insert("INSERT INTO audience_member (audience_id, person_id, joined_at) VALUES (?, ?, ?)", audience,
                    person, CREATED);
        }
        return audience;
    }

    /** A rollout wave of a workflow (V19): its audience with a go-live day (null: live with it) and team size. */
    public long wave(String workflow, int wave, String kind, LocalDate goLive, int target, long... members)
            throws SQLException {
        long audience = insert("INSERT INTO audience (workflow_id, kind, source_ref, updated_at, wave, go_live, "
                + "target_team_size) VALUES (?, ?, ?, ?, ?, ?, ?)", workflow, kind, "emails".equals(kind) ? "" : "X"
                + wave, CREATED, wave, goLive, target);
        for (long person : members) {
            insert("INSERT INTO audience_member (audience_id, person_id, joined_at) VALUES (?, ?, ?)", audience,
                    person, CREATED);
        }
        return audience;
    }

    /** A member leaves the audience (as a sync finds them gone) at this instant. */
    public History left(long audience, long person, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audience_member SET left_at = ? WHERE audience_id = ? AND person_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, audience);
            ps.setLong(3, person);
            ps.executeUpdate();
        }
        return this;
    }

    public History pulse(String id, String workflow, String mode) throws SQLException {
        insert("INSERT INTO pulse (id, workflow_id, questions, mode, schedule_days, schedule_at, "
                + "remind_after_minutes, reminders, close_after_minutes, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, workflow, "usage,trust,correction,cycle-time", mode,
                "TUESDAY", "10:00", 1440, 1, 4320, CREATED, CREATED);
        return this;
    }

    public long round(String pulse, LocalDate day, String mode) throws SQLException {
        Instant opened = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        return insert("INSERT INTO pulse_round (pulse_id, period, questions, mode, opened_at, closes_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", pulse, day.toString(), "usage,trust,correction,cycle-time", mode,
                opened, opened.plusSeconds(72 * 3600));
    }

    /** A pre-rollout round (issue 19), its period {@code pre-rollout-} and the day. */
    public long preRolloutRound(String pulse, LocalDate day) throws SQLException {
        Instant opened = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        return insert("INSERT INTO pulse_round (pulse_id, period, questions, mode, opened_at, closes_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", pulse, "pre-rollout-" + day, "cycle-time", "confidential",
                opened, opened.plusSeconds(72 * 3600));
    }

    /** A round sent by hand ("send now") at {@code sent}, its period written the way pulse/OpenRound writes it. */
    public long manualRound(String pulse, Instant sent, String mode) throws SQLException {
        String minute = sent.atZone(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'"));
        return insert("INSERT INTO pulse_round (pulse_id, period, questions, mode, opened_at, closes_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", pulse, "manual-" + minute, "usage,trust,correction,cycle-time", mode,
                sent, sent.plusSeconds(72 * 3600));
    }

    public long delivery(long round, long person, LocalDate day, boolean answered) throws SQLException {
        Instant due = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        return insert("INSERT INTO delivery (round_id, person_id, platform, due_at, sent_at, answered) "
                + "VALUES (?, ?, ?, ?, ?, ?)", round, person, "slack", due, due, answered);
    }

    /** An answer; {@code person} null for an anonymous round. */
    public History answer(long round, Long person, String question, Integer valueInt, BigDecimal valueNum,
                          LocalDate on) throws SQLException {
        insert("INSERT INTO answer (round_id, person_id, ballot, question, value_int, value_num, answered_on) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", round, person, person == null ? Long.toHexString(System.nanoTime())
                : null, question, valueInt, valueNum, on);
        return this;
    }

    public History usage(String workflow, long person, LocalDate day, int count, String source) throws SQLException {
        insert("INSERT INTO usage_event (workflow_id, person_id, day, count, source, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", workflow, person, day, count, source, CREATED);
        return this;
    }

    public long cycle(String workflow, String period, Instant opened, Instant escalated) throws SQLException {
        return insert("INSERT INTO checkin_cycle (workflow_id, period, opened_at, escalated_at) VALUES (?, ?, ?, ?)",
                workflow, period, opened, escalated);
    }

    public History checkin(long cycle, int value, String status, int confidence, Instant at) throws SQLException {
        insert("INSERT INTO checkin (cycle_id, value, status, confidence, submitted_at) VALUES (?, ?, ?, ?, ?)",
                cycle, BigDecimal.valueOf(value), status, confidence, at);
        return this;
    }

    private long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant t) {
                    ps.setTimestamp(i + 1, Timestamp.from(t));
                } else if (p instanceof LocalDate d) {
                    ps.setDate(i + 1, Date.valueOf(d));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            ps.executeUpdate();
            if (sql.matches("INSERT INTO (programme|workflow|outcome|pulse) .*")) {
                return 0; // text keys: nothing generated
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
