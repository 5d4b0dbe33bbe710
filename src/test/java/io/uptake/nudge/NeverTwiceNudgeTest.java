package io.uptake.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.PlayNudge;
import io.uptake.people.PersonPreferences;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.PulseWorld;
import io.uptake.pulse.RecordAnswer;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule "never twice", end to end from pulse answers to the message the gateway sends, with every cap. */
@MicronautTest(transactional = false, rebuildContext = true)
class NeverTwiceNudgeTest {

    static final String PLAY = "https://wiki.example.com/plays/claims-triage";

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    CloseRounds closeRounds;
    @Inject
    NudgeNeverUsers nudgeNeverUsers;
    @Inject
    NudgeRepository nudges;
    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PersonRepository people;
    @Inject
    PersonPreferences preferences;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    Map<String, Long> ids;

    void world(String anaZone) {
        ids = PulseWorld.in(context).person("ana@example.com", anaZone).person("bo@example.com", "UTC")
                .person("cy@example.com", "UTC").person("owner@example.com", "UTC").play(PLAY).build();
        PersonRow owner = people.findById(ids.get("owner@example.com")).orElseThrow();
        people.update(new PersonRow(owner.id(), owner.email(), "Jane Owner", owner.timeZone(), null, null, null, null,
                null, null, owner.createdAt(), owner.updatedAt()));
    }

    /** Ana says never twice; Bo never then most days; Cy most days then never. */
    long twoRounds() {
        long ana = ids.get("ana@example.com");
        long bo = ids.get("bo@example.com");
        long cy = ids.get("cy@example.com");
        PulseRounds rounds = new PulseRounds(openRound, recordAnswer, closeRounds, clock);
        rounds.run("2026-03-03", Map.of(ana, "0", bo, "0", cy, "3"));
        return rounds.run("2026-03-10", Map.of(ana, "0", bo, "3", cy, "0"));
    }

    @Test
    void onlySomeoneWhoSaidNeverTwiceRunningGetsThePlayAndTheOwnersNameOnce() {
        world("UTC");
        long round = twoRounds();
        dispatcher.dispatchDue();
        slack.clear();

        int first = nudgeNeverUsers.run();
        int again = nudgeNeverUsers.run();
        dispatcher.dispatchDue();

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(nudges.findByDedupeKey("nudge:never:claims-triage:" + ids.get("ana@example.com") + ":" + round))
                .isPresent();
        assertThat(slack.delivered()).singleElement().satisfies(call -> {
            assertThat(call.envelope().message()).isEqualTo(new PlayNudge("Claims triage", PLAY, "Jane Owner"));
            assertThat(call.envelope().recipient()).isEqualTo("U1");
        });
    }

    @Test
    void optedOutAndPausedPeopleAreNotNudged() {
        world("UTC");
        preferences.optOut(ids.get("ana@example.com"));
        twoRounds();
        preferences.pause(ids.get("ana@example.com"), Duration.ofDays(14));

        assertThat(nudgeNeverUsers.run()).isZero();
        assertThat(nudges.count()).isZero();
    }

    @Test
    void someoneAlreadyNudgedThisWeekWaitsForNextWeek() {
        world("UTC");
        twoRounds();
        long ana = ids.get("ana@example.com");
        nudges.save(new NudgeRow(null, ana, "checkin_missed", null, "nudge:checkin:x:" + ana, clock.instant()));

        assertThat(nudgeNeverUsers.run()).isZero();
        clock.set(Instant.parse("2026-03-16T09:00:00Z"));

        assertThat(nudgeNeverUsers.run()).isEqualTo(1);
    }

    @Test
    void aNudgeDueInQuietHoursWaitsUntilTheyEnd() {
        world("America/Sao_Paulo");
        long round = twoRounds();
        dispatcher.dispatchDue();
        slack.clear();
        clock.set(Instant.parse("2026-03-13T23:30:00Z"));

        nudgeNeverUsers.run();
        dispatcher.dispatchDue();

        // 20:30 on Friday in São Paulo: quiet hours, then the weekend, so Monday 08:00 there.
        Instant quietEnds = Instant.parse("2026-03-16T11:00:00Z");
        String key = "nudge:never:claims-triage:" + ids.get("ana@example.com") + ":" + round;
        assertThat(outbox.find(key)).hasValueSatisfying(row -> assertThat(row.notBefore()).isEqualTo(quietEnds));
        assertThat(slack.delivered()).isEmpty();
        clock.set(quietEnds);
        dispatcher.dispatchDue();
        assertThat(slack.delivered()).singleElement()
                .satisfies(c -> assertThat(c.envelope().message()).isInstanceOf(PlayNudge.class));
    }
}
