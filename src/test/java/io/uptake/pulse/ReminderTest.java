package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.message.PulseReminder;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, rebuildContext = true)
class ReminderTest {

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    SendReminders reminders;
    @Inject
    Dispatcher dispatcher;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    long round;
    Map<String, Long> ids;

    void open(int reminderCount) {
        ids = PulseWorld.in(context).reminders(reminderCount).person("ana@example.com", "UTC")
                .person("bo@example.com", "UTC").person("kenji@example.com", "Asia/Tokyo").build();
        clock.set(Instant.parse("2026-03-10T00:00:00Z"));
        round = ((OpenRound.Result.Opened) openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10")))
                .roundId();
        clock.set(Instant.parse("2026-03-10T01:00:00Z"));
        dispatcher.dispatchDue();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        dispatcher.dispatchDue();
        recordAnswer.record(new AnswerCommand(round, ids.get("ana@example.com"), "trust", "4", null));
        dispatcher.dispatchDue();
        slack.clear();
    }

    @Test
    void remindersGoOnlyToNonRespondersOneRemindAfterTheirOwnSend() {
        open(1);
        // Kenji's question reached him at 10:00 in Tokyo (01:00 UTC), Ana's and Bo's at 10:00 UTC; Ana answered.
        clock.set(Instant.parse("2026-03-11T00:59:00Z"));
        assertThat(reminders.run()).as("not before remind-after").isZero();
        clock.set(Instant.parse("2026-03-11T01:00:00Z"));
        assertThat(reminders.run()).as("Kenji, 24 hours after his question").isEqualTo(1);
        clock.set(Instant.parse("2026-03-11T10:01:00Z"));
        assertThat(reminders.run()).as("Bo; never Ana, who answered").isEqualTo(1);
        dispatcher.dispatchDue();

        assertThat(slack.delivered()).extracting(c -> c.envelope().recipient()).containsExactlyInAnyOrder("U2", "U3");
        assertThat(slack.delivered()).allSatisfy(c -> assertThat(c.envelope().message()).isInstanceOf(
                PulseReminder.class));
    }

    @Test
    void noMoreThanTheConfiguredNumberOfReminders() {
        open(1);
        clock.set(Instant.parse("2026-03-11T10:01:00Z"));
        assertThat(reminders.run()).isEqualTo(2);
        clock.set(Instant.parse("2026-03-12T10:01:00Z"));

        assertThat(reminders.run()).isZero();
    }

    @Test
    void aReminderDueInSomeonesQuietHoursWaitsForMorning() {
        open(1);
        // Kenji's reminder falls due at 01:00 UTC, but the service only looks at 13:00 UTC: 22:00 in Tokyo,
        // inside his quiet hours. Bo's (UTC) is due and it is daytime for him.
        clock.set(Instant.parse("2026-03-11T13:00:00Z"));
        assertThat(reminders.run()).isEqualTo(1);
        dispatcher.dispatchDue();
        assertThat(slack.delivered()).extracting(c -> c.envelope().recipient()).containsExactly("U2");

        clock.set(Instant.parse("2026-03-11T22:59:00Z"));
        assertThat(reminders.run()).as("07:59 in Tokyo is still quiet").isZero();
        clock.set(Instant.parse("2026-03-11T23:00:00Z"));
        assertThat(reminders.run()).as("08:00 in Tokyo").isEqualTo(1);
    }
}
