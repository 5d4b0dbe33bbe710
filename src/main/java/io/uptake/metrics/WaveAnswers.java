package io.uptake.metrics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pulse answers of each rollout wave (issue 19), for confidential rounds only: an anonymous answer does not say
 * who gave it, so it cannot be put in a wave. A person's answers count towards the wave whose audience they are a
 * member of at the end of the scored week (in the audiences of several waves: the one that went live first, as in
 * {@link ScoreEffect}). The rounds are those {@link AnswerReads} gives the week: trust and cycle-time answers are
 * counted per value into the same {@link AnswerReads.WeekAnswers} the workflow's figures are made from.
 *
 * <p>A wave's pre-rollout cycle times (its baseline, shown while it is not yet live) come from the rounds whose
 * period starts {@code pre-rollout-}, up to the end of the week and at most {@link ScoreEffect#WEEKS} weeks back;
 * a person who answered several counts once, with their latest answer.
 */
final class WaveAnswers {

    /** One wave's answers: those of the scored week's rounds, and each member's latest pre-rollout cycle time. */
    record Facts(AnswerReads.WeekAnswers week, TreeMap<BigDecimal, Integer> preRollout) {
    }

    private WaveAnswers() {
    }

    /** The answers of each given wave, by audience id; a wave whose members gave none is absent. */
    static Map<Long, Facts> read(Connection c, Collection<WaveReads.WaveFacts> waves, Window window)
            throws SQLException {
        Map<Long, Facts> facts = new HashMap<>();
        if (waves.isEmpty()) {
            return facts;
        }
        Map<Long, WaveReads.WaveFacts> byAudience = new HashMap<>();
        waves.forEach(w -> byAudience.put(w.audienceId(), w));
        Map<String, Map<Long, WaveReads.WaveFacts>> waveOfPerson = new HashMap<>();
        Instant end = window.end().atStartOfDay(ZoneOffset.UTC).toInstant();
        Sql.Fragment audiences = Sql.in(byAudience.keySet());
        Sql.query(c, "SELECT audience_id, person_id FROM read_membership WHERE audience_id IN (" + audiences.sql()
                + ") AND (joined_at IS NULL OR joined_at < ?) AND (left_at IS NULL OR left_at >= ?)", rs -> {
                    WaveReads.WaveFacts wave = byAudience.get(rs.getLong("audience_id"));
                    waveOfPerson.computeIfAbsent(wave.workflowId(), k -> new HashMap<>())
                            .merge(rs.getLong("person_id"), wave, WaveAnswers::earlier);
                }, audiences, end, end);
        if (waveOfPerson.isEmpty()) {
            return facts;
        }
        Sql.Fragment ids = Sql.in(waveOfPerson.keySet());
        String periods = "(" + AnswerReads.PERIOD_IN_RANGE + " OR (r.period >= ? AND r.period < ?))";
        Sql.Fragment range = AnswerReads.periodRange(window.scoredWeek(), window.end());
        // The week's trust answers, and cycle times of the week's rounds and of pre-rollout rounds.
        Sql.query(c, "SELECT p.workflow_id, r.period, a.person_id, a.value_int FROM read_pulse p "
                + "CROSS JOIN read_round r CROSS JOIN read_trust_answer a WHERE r.pulse_id = p.id "
                + "AND a.round_id = r.id AND p.workflow_id IN (" + ids.sql() + ") AND " + AnswerReads.PERIOD_IN_RANGE,
                rs -> {
                    WaveReads.WaveFacts wave = wave(waveOfPerson, rs.getString("workflow_id"), rs.getLong("person_id"));
                    int value = rs.getInt("value_int");
                    if (wave != null && value >= 1 && value <= 5) {
                        facts(facts, wave).week().trust()[value - 1]++;
                    }
                }, ids, range);
        LocalDate from = window.scoredWeek().minusWeeks(ScoreEffect.WEEKS - 1L);
        Map<Long, Map<Long, String>> latestPeriod = new HashMap<>();
        Map<Long, Map<Long, BigDecimal>> latestMinutes = new HashMap<>();
        Sql.query(c, "SELECT p.workflow_id, r.period, a.person_id, a.value_num FROM read_pulse p "
                + "CROSS JOIN read_round r CROSS JOIN read_cycle_time_answer a WHERE r.pulse_id = p.id "
                + "AND a.round_id = r.id AND p.workflow_id IN (" + ids.sql() + ") AND " + periods, rs -> {
                    long person = rs.getLong("person_id");
                    WaveReads.WaveFacts wave = wave(waveOfPerson, rs.getString("workflow_id"), person);
                    BigDecimal minutes = Sql.decimal(rs, "value_num");
                    String period = rs.getString("period");
                    if (wave == null || minutes == null) {
                        return;
                    }
                    minutes = minutes.stripTrailingZeros();
                    if (!period.startsWith(ScoreEffect.PRE_ROLLOUT)) {
                        facts(facts, wave).week().cycleMinutes().merge(minutes, 1, Integer::sum);
                        return;
                    }
                    LocalDate day = ScoreEffect.periodDay(period);
                    if (day == null || day.isBefore(from) || !day.isBefore(window.end())) {
                        return;
                    }
                    Map<Long, String> periodOf = latestPeriod.computeIfAbsent(wave.audienceId(), k -> new HashMap<>());
                    String seen = periodOf.get(person);
                    if (seen == null || seen.compareTo(period) < 0) {
                        periodOf.put(person, period);
                        latestMinutes.computeIfAbsent(wave.audienceId(), k -> new HashMap<>()).put(person, minutes);
                    }
                }, ids, range, new Sql.Fragment("", List.of(ScoreEffect.PRE_ROLLOUT, ScoreEffect.PRE_ROLLOUT_END)));
        latestMinutes.forEach((audience, people) -> people.values().forEach(minutes ->
                facts(facts, byAudience.get(audience)).preRollout().merge(minutes, 1, Integer::sum)));
        return facts;
    }

    private static WaveReads.WaveFacts wave(Map<String, Map<Long, WaveReads.WaveFacts>> waveOfPerson,
                                            String workflow, long person) {
        Map<Long, WaveReads.WaveFacts> people = waveOfPerson.get(workflow);
        return people == null ? null : people.get(person);
    }

    private static Facts facts(Map<Long, Facts> facts, WaveReads.WaveFacts wave) {
        return facts.computeIfAbsent(wave.audienceId(), k -> new Facts(AnswerReads.WeekAnswers.empty(),
                new TreeMap<>()));
    }

    private static WaveReads.WaveFacts earlier(WaveReads.WaveFacts a, WaveReads.WaveFacts b) {
        ScoreEffect.Wave first = ScoreEffect.earlier(new ScoreEffect.Wave(a.wave(), a.goLive()),
                new ScoreEffect.Wave(b.wave(), b.goLive()));
        return first.number() == a.wave() ? a : b;
    }

    static List<WaveReads.WaveFacts> all(Map<String, List<WaveReads.WaveFacts>> waves) {
        List<WaveReads.WaveFacts> all = new ArrayList<>();
        waves.values().stream().filter(WaveReads::rolledOut).forEach(all::addAll);
        return all;
    }
}
