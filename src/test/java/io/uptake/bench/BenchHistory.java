package io.uptake.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes a year of history in large batches: people split evenly over the workflows' audiences, one weekly
 * confidential pulse of four questions per workflow, 95% of deliveries answered, and telemetry on about half of
 * each person's weekdays. Values come from a fixed hash, so every run writes the same rows.
 */
final class BenchHistory {

    record Counts(long answers, long usage, long deliveries) {
    }

    static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    static final int BATCH = 20_000;
    static final int[] MINUTES = {3, 8, 15, 30, 50, 75};

    private final Connection c;
    private final int people;
    private final int programmes;
    private final int perProgramme;
    private final int weeks;
    private final LocalDate firstMonday;

    BenchHistory(Connection c, int people, int programmes, int perProgramme, int weeks, LocalDate firstMonday) {
        this.c = c;
        this.people = people;
        this.programmes = programmes;
        this.perProgramme = perProgramme;
        this.weeks = weeks;
        this.firstMonday = firstMonday;
    }

    Counts seed() throws SQLException {
        c.setAutoCommit(false);
        int workflows = programmes * perProgramme;
        int audience = people / workflows;
        try (Statement s = c.createStatement()) {
            for (int p = 0; p < programmes; p++) {
                s.execute("INSERT INTO programme (id, name, sponsor_email, created_at, updated_at) VALUES ('prog-" + p
                        + "', 'Programme " + p + "', 'sponsor" + p + "@example.com', " + millis() + ", " + millis()
                        + ")");
                s.execute("INSERT INTO digest_subscription (channel, programmes, schedule_days, schedule_at, "
                        + "schedule_zone, created_at, updated_at) VALUES ('slack:CPROG" + p + "', 'prog-" + p
                        + "', 'MONDAY', '09:00', 'UTC', " + millis() + ", " + millis() + ")");
            }
            StringBuilder all = new StringBuilder();
            for (int p = 0; p < programmes; p++) {
                all.append(p == 0 ? "" : ",").append("prog-").append(p);
            }
            s.execute("INSERT INTO digest_subscription (channel, programmes, schedule_days, schedule_at, "
                    + "schedule_zone, created_at, updated_at) VALUES ('slack:CLEADERS', '" + all
                    + "', 'MONDAY', '09:00', 'UTC', "
                    + millis() + ", " + millis() + ")");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, email, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= people; i++) {
                ps.setLong(1, i);
                ps.setString(2, "p" + i + "@example.com");
                ps.setTimestamp(3, Timestamp.from(CREATED));
                ps.setTimestamp(4, Timestamp.from(CREATED));
                add(ps, i);
            }
            ps.executeBatch();
        }
        for (int w = 0; w < workflows; w++) {
            workflow(w, audience);
        }
        c.commit();
        long answers = 0;
        long deliveries = 0;
        long usage = 0;
        try (PreparedStatement round = c.prepareStatement("INSERT INTO pulse_round (id, pulse_id, period, questions, "
                + "mode, opened_at, closes_at, closed_at) VALUES (?, ?, ?, ?, 'confidential', ?, ?, ?)");
                PreparedStatement delivery = c.prepareStatement("INSERT INTO delivery (id, round_id, person_id, "
                        + "platform, due_at, sent_at, answered) VALUES (?, ?, ?, 'slack', ?, ?, ?)");
                PreparedStatement answer = c.prepareStatement("INSERT INTO answer (round_id, delivery_id, person_id, "
                        + "question, value_int, value_num, answered_on) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            deliveryBatch = delivery;
            long roundId = 0;
            long deliveryId = 0;
            for (int week = 0; week < weeks; week++) {
                LocalDate tuesday = firstMonday.plusWeeks(week).plusDays(1);
                Timestamp opened = Timestamp.from(tuesday.atTime(10, 0).toInstant(ZoneOffset.UTC));
                Date day = Date.valueOf(tuesday);
                for (int w = 0; w < workflows; w++) {
                    roundId++;
                    round.setLong(1, roundId);
                    round.setString(2, "pulse-" + w);
                    round.setString(3, tuesday.toString());
                    round.setString(4, "usage,trust,correction,cycle-time");
                    round.setTimestamp(5, opened);
                    round.setTimestamp(6, opened);
                    round.setTimestamp(7, opened);
                    round.executeUpdate();
                    for (int m = 0; m < audience; m++) {
                        int person = w * audience + m + 1;
                        int h = hash(person, week);
                        boolean answered = h % 20 != 0;
                        deliveryId++;
                        delivery.setLong(1, deliveryId);
                        delivery.setLong(2, roundId);
                        delivery.setLong(3, person);
                        delivery.setTimestamp(4, opened);
                        delivery.setTimestamp(5, opened);
                        delivery.setBoolean(6, answered);
                        add(delivery, ++deliveries);
                        if (!answered) {
                            continue;
                        }
                        answers += answer(answer, roundId, deliveryId, person, "usage", h % 4, null, day);
                        answers += answer(answer, roundId, deliveryId, person, "trust", 1 + (h >> 3) % 5, null, day);
                        answers += answer(answer, roundId, deliveryId, person, "correction", (h >> 6) % 4, null, day);
                        answers += answer(answer, roundId, deliveryId, person, "cycle-time", null,
                                BigDecimal.valueOf(MINUTES[(h >> 9) % MINUTES.length]), day);
                    }
                }
            }
            delivery.executeBatch();
            answer.executeBatch();
        }
        c.commit();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage_event (workflow_id, person_id, day, count, "
                + "source, created_at) VALUES (?, ?, ?, ?, 'telemetry', ?)")) {
            Timestamp created = Timestamp.from(CREATED);
            for (int d = 0; d < weeks * 7; d++) {
                LocalDate day = firstMonday.plusDays(d);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                Date date = Date.valueOf(day);
                for (int person = 1; person <= workflows * audience; person++) {
                    int h = hash(person, d);
                    if (h % 2 == 0) {
                        continue;
                    }
                    ps.setString(1, "wf-" + (person - 1) / audience);
                    ps.setLong(2, person);
                    ps.setDate(3, date);
                    ps.setInt(4, 1 + h % 7);
                    ps.setTimestamp(5, created);
                    add(ps, ++usage);
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        return new Counts(answers, usage, deliveries);
    }

    private void workflow(int w, int audience) throws SQLException {
        String id = "wf-" + w;
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO workflow (id, programme_id, name, stage, stage_since, owner_email, "
                    + "target_team_size, cycle_baseline_minutes, created_at, updated_at) VALUES ('" + id
                    + "', 'prog-" + w / perProgramme
                    + "', 'Workflow " + w + "', '" + (w % 3 == 0 ? "pilot" : "production") + "', "
                    + Date.valueOf(firstMonday).getTime() + ", 'owner" + w + "@example.com', " + audience + ", 20, "
                    + millis() + ", " + millis() + ")");
            s.execute("INSERT INTO workflow_stage (workflow_id, stage, since, source, recorded_at) VALUES ('" + id
                    + "', 'pilot', " + Date.valueOf(firstMonday).getTime() + ", 'catalog', " + millis() + ")");
            s.execute("INSERT INTO outcome (workflow_id, metric, unit, direction, baseline, target, target_quarter, "
                    + "updated_at) VALUES ('" + id + "', 'Claims per FTE', 'claims', 'up', 100, 150, '2027-Q1', "
                    + millis() + ")");
            s.execute("INSERT INTO audience (id, workflow_id, kind, source_ref, updated_at) VALUES (" + (w + 1) + ", '"
                    + id + "', 'emails', '', " + millis() + ")");
            s.execute("INSERT INTO pulse (id, workflow_id, questions, mode, schedule_days, schedule_at, "
                    + "remind_after_minutes, reminders, close_after_minutes, created_at, updated_at) "
                    + "VALUES ('pulse-" + w
                    + "', '" + id + "', 'usage,trust,correction,cycle-time', 'confidential', 'TUESDAY', '10:00', 1440, "
                    + "1, 4320, " + millis() + ", " + millis() + ")");
            s.execute("INSERT INTO checkin_cycle (workflow_id, period, opened_at) VALUES ('" + id + "', '2026-Q4', "
                    + Instant.parse("2026-10-01T09:00:00Z").toEpochMilli() + ")");
            s.execute("INSERT INTO checkin (cycle_id, value, status, confidence, submitted_at) VALUES ("
                    + "(SELECT MAX(id) FROM checkin_cycle), " + (100 + w) + ", 'on_track', 7, "
                    + Instant.parse("2026-10-03T09:00:00Z").toEpochMilli() + ")");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audience_member (audience_id, person_id, "
                + "joined_at) VALUES (?, ?, ?)")) {
            for (int m = 0; m < audience; m++) {
                ps.setLong(1, w + 1);
                ps.setLong(2, (long) w * audience + m + 1);
                ps.setTimestamp(3, Timestamp.from(CREATED));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private long answer(PreparedStatement ps, long round, long delivery, int person, String question, Integer value,
                        BigDecimal minutes, Date day) throws SQLException {
        ps.setLong(1, round);
        ps.setLong(2, delivery);
        ps.setLong(3, person);
        ps.setString(4, question);
        ps.setObject(5, value);
        ps.setBigDecimal(6, minutes);
        ps.setDate(7, day);
        ps.addBatch();
        if (++pending % BATCH == 0) {
            deliveryBatch.executeBatch(); // the answers' deliveries first, for the foreign key
            ps.executeBatch();
        }
        return 1;
    }

    private long pending;
    private PreparedStatement deliveryBatch;

    private static void add(PreparedStatement ps, long count) throws SQLException {
        ps.addBatch();
        if (count % BATCH == 0) {
            ps.executeBatch();
        }
    }

    private static long millis() {
        return CREATED.toEpochMilli();
    }

    /** A fixed, well-mixed number from two ints. */
    static int hash(int a, int b) {
        int h = a * 0x9E3779B1 ^ b * 0x85EBCA77;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h & 0x7FFFFFFF;
    }
}
