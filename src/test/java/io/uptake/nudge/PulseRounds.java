package io.uptake.nudge;

import io.uptake.pulse.AnswerCommand;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.PulseWorld;
import io.uptake.pulse.RecordAnswer;
import io.uptake.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Runs whole rounds of the test pulse: open on a day at 10:00 UTC, record usage answers, close 80 hours later
 * (after the last person's close time, whatever their zone).
 */
record PulseRounds(OpenRound openRound, RecordAnswer recordAnswer, CloseRounds closeRounds, MutableClock clock) {

    /** @param usage the usage answer value per person id: "0" never … "3" most days */
    long run(String day, Map<Long, String> usage) {
        clock.set(Instant.parse(day + "T10:00:00Z"));
        long round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse(day))).roundId();
        usage.forEach((person, value) -> recordAnswer.record(new AnswerCommand(round, person, "usage", value, null)));
        clock.advance(Duration.ofHours(80));
        closeRounds.run();
        return round;
    }
}
