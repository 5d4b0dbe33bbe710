package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.PulseQuestion;
import io.uptake.people.PersonRow;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class OpenRoundTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PulseRepositories.Deliveries deliveries;
    @Inject
    PulseRepositories.Rounds rounds;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    @Test
    void aRoundReachesPeopleInThreeZonesAtTenLocalEachWithNewYorkAlreadyOnSummerTime() {
        // 2026-03-10 is a Tuesday: New York moved to EDT on 8 March, London stays on GMT until 29 March.
        Map<String, Long> ids = PulseWorld.in(context).person("tokyo@example.com", "Asia/Tokyo")
                .person("london@example.com", "Europe/London").person("ny@example.com", "America/New_York").build();
        clock.set(Instant.parse("2026-03-09T20:00:00Z"));

        var result = (OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));

        assertThat(result.recipients()).isEqualTo(3);
        assertThat(dueOf(result.roundId(), ids.get("tokyo@example.com"))).isEqualTo("2026-03-10T01:00:00Z");
        assertThat(dueOf(result.roundId(), ids.get("london@example.com"))).isEqualTo("2026-03-10T10:00:00Z");
        assertThat(dueOf(result.roundId(), ids.get("ny@example.com"))).isEqualTo("2026-03-10T14:00:00Z");
        assertThat(sentAt("2026-03-10T00:59:00Z")).isZero();
        assertThat(sentAt("2026-03-10T01:00:00Z")).isEqualTo(1);
        assertThat(sentAt("2026-03-10T09:59:59Z")).isZero();
        assertThat(sentAt("2026-03-10T10:00:00Z")).isEqualTo(1);
        assertThat(sentAt("2026-03-10T14:00:00Z")).isEqualTo(1);
        assertThat(slack.delivered()).extracting(c -> c.envelope().recipient()).containsExactly("U1", "U2", "U3");
        assertThat(slack.delivered()).allMatch(c -> c.envelope().message() instanceof PulseQuestion);
    }

    @Test
    void londonMovesAnHourOnceSummerTimeStarts() {
        Map<String, Long> ids = PulseWorld.in(context).person("london@example.com", "Europe/London").build();
        clock.set(Instant.parse("2026-03-30T20:00:00Z"));

        var result = (OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-31"));

        assertThat(dueOf(result.roundId(), ids.get("london@example.com"))).isEqualTo("2026-03-31T09:00:00Z");
    }

    @Test
    void openingTheSameRoundTwiceCreatesOneRoundAndOneMessageEach() {
        PulseWorld.in(context).person("a@example.com", "UTC").person("b@example.com", "UTC").build();
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));

        var first = (OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));
        var second = (OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));

        assertThat(second.roundId()).isEqualTo(first.roundId());
        assertThat(second.created()).isFalse();
        assertThat(rounds.count()).isEqualTo(1);
        assertThat(sentAt("2026-03-10T10:00:00Z")).isEqualTo(2);
    }

    @Test
    void optedOutPausedErasedAndUnreachablePeopleAreNotAsked() {
        PulseWorld world = PulseWorld.in(context).person("ok@example.com", "UTC").person("out@example.com", "UTC")
                .person("paused@example.com", "UTC").person("erased@example.com", "UTC")
                .person("gone@example.com", "UTC");
        Map<String, Long> ids = world.build();
        Instant now = Instant.parse("2026-03-10T08:00:00Z");
        clock.set(now);
        world.update(ids.get("out@example.com"), p -> with(p, now, null, null, null));
        world.update(ids.get("paused@example.com"), p -> with(p, null, now.plusSeconds(86_400 * 14), null, null));
        world.update(ids.get("erased@example.com"), p -> with(p, null, null, now, null));
        world.update(ids.get("gone@example.com"), p -> with(p, null, null, null, now));

        var result = (OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));

        assertThat(result.recipients()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(4);
        assertThat(deliveries.findByRoundIdOrderById(result.roundId())).extracting(DeliveryRow::personId)
                .containsExactly(ids.get("ok@example.com"));
    }

    @Test
    void aRoundWhoseTimePassedLongAgoIsNotOpened() {
        PulseWorld.in(context).person("a@example.com", "UTC").build();
        clock.set(Instant.parse("2026-03-10T16:00:00Z"));

        OpenRound.Result result = openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));

        assertThat(result).isInstanceOf(OpenRound.Result.NotOpened.class);
        assertThat(rounds.count()).isZero();
    }

    @Test
    void aWeekendSendMovesToMondayAndQuietHoursToTheirEnd() {
        SendTimes times = new SendTimes(java.time.LocalTime.of(20, 0), java.time.LocalTime.of(8, 0), true);
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");

        assertThat(times.due(LocalDate.parse("2026-03-14"), java.time.LocalTime.of(10, 0), utc))
                .isEqualTo("2026-03-16T10:00:00Z");
        assertThat(times.due(LocalDate.parse("2026-03-10"), java.time.LocalTime.of(6, 30), utc))
                .isEqualTo("2026-03-10T08:00:00Z");
        assertThat(times.due(LocalDate.parse("2026-03-13"), java.time.LocalTime.of(21, 0), utc))
                .isEqualTo("2026-03-16T08:00:00Z");
    }

    @Test
    void someoneWhoJoinsWhileTheRoundIsOpenStillGetsIt() {
        PulseWorld world = PulseWorld.in(context).person("early@example.com", "UTC");
        world.build();
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        var round = (OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));
        PulseWorld.in(context).person("early@example.com", "UTC").person("late@example.com", "UTC").build();
        clock.set(Instant.parse("2026-03-10T15:00:00Z"));

        int added = context.getBean(AddLateJoiners.class).run();

        assertThat(added).isEqualTo(1);
        assertThat(deliveries.findByRoundIdOrderById(round.roundId())).hasSize(2);
        assertThat(context.getBean(AddLateJoiners.class).run()).isZero();
    }

    private Instant dueOf(long roundId, long personId) {
        return deliveries.findByRoundIdAndPersonId(roundId, personId).orElseThrow().dueAt();
    }

    private int sentAt(String instant) {
        clock.set(Instant.parse(instant));
        return dispatcher.dispatchDue().sent();
    }

    static PersonRow with(PersonRow p, Instant optedOut, Instant pausedUntil, Instant erased, Instant unreachable) {
        return new PersonRow(p.id(), p.email(), p.displayName(), p.timeZone(), p.locale(), optedOut, pausedUntil,
                unreachable, unreachable == null ? null : "test", erased, p.createdAt(), p.updatedAt());
    }
}
