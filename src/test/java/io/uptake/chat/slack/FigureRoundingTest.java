package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Figures are rounded once, from the exact values, half away from zero: the trust change is the exact index of
 * the week minus the exact mean of the previous four weeks, and a negative half (−43.75) rounds to −43.8.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureRoundingTest extends FiguresWorld {

    static final List<String> USERS = List.of("U1", "U2", "U3", "U4", "U5", "U6");
    static final int[] TRUST_W47 = {4, 4, 4, 3, 2};
    static final int[] TRUST_W48 = {4, 4, 3, 2};
    static final String[] CYCLE_W48 = {"3", "3", "15", "15"};
    static final double BASELINE = 16;

    @Override
    String programmesFile() {
        return """
                programmes:
                  - id: rounding
                    name: Rounding
                    sponsor: cfo@example.com
                    workflows:
                      - id: a-triage
                        name: Claims triage
                        stage: pilot
                        stage-since: 2026-09-01
                        owner: u1@example.com
                        audience: { slack-channel: C0ROUND }
                        target-team-size: 6
                        cycle-time: { task: Triage one claim, baseline-minutes: 16 }
                pulses:
                  - id: triage-weekly
                    workflow: a-triage
                    schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                    questions: [usage, trust, cycle-time]
                    close-after: 96h
                """;
    }

    @Override
    Map<String, String> more() {
        return Map.of("uptake.metrics.min-respondents", "3");
    }

    @BeforeAll
    void twoWeeksOfAnswers() throws Exception {
        clock.set(Instant.parse("2026-11-16T08:00:00Z"));
        channelMembers("C0ROUND", USERS);
        clock.set(Instant.parse("2026-11-17T10:00:00Z"));
        openRound("triage-weekly");
        for (int i = 0; i < TRUST_W47.length; i++) {
            trust(USERS.get(i), TRUST_W47[i]);
        }
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        openRound("triage-weekly");
        for (int i = 0; i < TRUST_W48.length; i++) {
            trust(USERS.get(i), TRUST_W48[i]);
            answer(USERS.get(i), "cycle-time", CYCLE_W48[i]);
        }
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
    }

    static double index(int[] answers) {
        return IntStream.of(answers).mapToDouble(v -> (v - 1) * 25.0).average().orElseThrow();
    }

    static String oneDecimal(double exact) {
        return BigDecimal.valueOf(exact).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String shown(JsonNode figure) {
        return BigDecimal.valueOf(figure.path("value").asDouble()).stripTrailingZeros().toPlainString();
    }

    @Test
    void theTrustChangeIsTheExactIndexMinusTheExactMeanOfThePreviousWeeksRoundedOnce() throws Exception {
        String expected = oneDecimal(index(TRUST_W48) - index(TRUST_W47)); // 56.25 − 60 = −3.75

        JsonNode triage = workflow(scorecard("?week=2026-W48"), "a-triage");
        CSVRecord row = csvRow("?week=2026-W48", "a-triage").orElseThrow();

        assertThat(expected).isEqualTo("-3.8");
        assertThat(shown(triage.path("trustIndex"))).isEqualTo(oneDecimal(index(TRUST_W48)));
        assertThat(shown(triage.path("trustChange"))).isEqualTo(expected);
        assertThat(row.get("trust_change")).isEqualTo(expected);
    }

    @Test
    void aNegativeHalfRoundsAwayFromZero() throws Exception {
        double median = (Double.parseDouble(CYCLE_W48[1]) + Double.parseDouble(CYCLE_W48[2])) / 2;
        String expected = oneDecimal((median - BASELINE) / BASELINE * 100); // −43.75

        JsonNode triage = workflow(scorecard("?week=2026-W48"), "a-triage");
        CSVRecord row = csvRow("?week=2026-W48", "a-triage").orElseThrow();

        assertThat(expected).isEqualTo("-43.8");
        assertThat(shown(triage.path("cycleTimeDeltaPercent"))).isEqualTo(expected);
        assertThat(row.get("cycle_time_delta_percent")).isEqualTo(expected);
    }
}
