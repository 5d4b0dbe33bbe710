package io.uptake.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinRequest;
import io.uptake.message.MessageCodec;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check-in cycles over a fixed clock: opened once per quarter, reminders on days 2 and 5, escalation to the
 * sponsor on day 7. The clock starts on Sunday 22 November 2026 at 09:00 UTC, so the first request waits until
 * Monday at the same time; day 2 is a Tuesday, day 5 a Friday and day 7 the next Sunday.
 */
@MicronautTest(transactional = false)
class CheckinCyclesTest {

    static final Instant START = MutableClock.START;

    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    OpenCheckinCycles open;
    @Inject
    SendCheckinReminders reminders;
    @Inject
    EscalateMissedCheckins escalate;
    @Inject
    SubmitCheckin submit;
    @Inject
    CheckinRepositories.Cycles cycles;
    @Inject
    CheckinRepositories.Nudges nudges;
    @Inject
    Outbox outbox;
    @Inject
    MessageCodec codec;
    @Inject
    PersonRepository people;

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void aCycleOpensOncePerQuarterAndTheOwnerIsAskedOnMonday() {
        long owner = world("wf-open", "olga@example.com", "UOLGA");

        int first = open.run();
        clock.advance(Duration.ofHours(3));
        int again = open.run();

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        CheckinCycleRow cycle = cycles.findByWorkflowIdAndPeriod("wf-open", "2026-Q4").orElseThrow();
        assertThat(cycle.openedAt()).isEqualTo(START);
        OutboxRow request = outbox.find(OpenCheckinCycles.key(cycle.id())).orElseThrow();
        assertThat(request.recipient()).isEqualTo("UOLGA");
        assertThat(request.personId()).isEqualTo(owner);
        assertThat(request.notBefore()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        CheckinRequest message = (CheckinRequest) codec.read(request.kind(), request.payload());
        assertThat(message.reminder()).isZero();
        assertThat(message.form().period()).isEqualTo("2026-Q4");
        assertThat(message.form().baseline()).isEqualTo("120");
    }

    @Test
    void remindersGoOnDayTwoAndDayFiveOnly() {
        world("wf-remind", "rita@example.com", "URITA");
        open.run();
        long cycle = cycles.findByWorkflowIdAndPeriod("wf-remind", "2026-Q4").orElseThrow().id();

        clock.set(START.plus(Duration.ofDays(2)).minusSeconds(60));
        int beforeDayTwo = reminders.run();
        clock.set(START.plus(Duration.ofDays(2)));
        int dayTwo = reminders.run();
        clock.advance(Duration.ofHours(1));
        int dayTwoAgain = reminders.run();
        clock.set(START.plus(Duration.ofDays(5)));
        int dayFive = reminders.run();
        clock.set(START.plus(Duration.ofDays(6)));
        int daySix = reminders.run();

        assertThat(new int[] {beforeDayTwo, dayTwo, dayTwoAgain, dayFive, daySix}).containsExactly(0, 1, 0, 1, 0);
        assertThat(outbox.find(SendCheckinReminders.key(cycle, 1)).orElseThrow().notBefore())
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(outbox.find(SendCheckinReminders.key(cycle, 2)).orElseThrow().notBefore())
                .isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(cycles.findById(cycle).orElseThrow().remindersSent()).isEqualTo(2);
    }

    @Test
    void aReminderDueInTheOwnersQuietHoursWaitsForTheMorning() {
        world("wf-quiet", "quinn@example.com", "UQUINN");
        clock.set(Instant.parse("2026-11-23T22:00:00Z"));
        open.run();

        clock.set(Instant.parse("2026-11-25T22:00:00Z"));
        int atNight = reminders.run();
        clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        int inTheMorning = reminders.run();

        assertThat(atNight).isZero();
        assertThat(inTheMorning).isEqualTo(1);
    }

    @Test
    void anOwnerWhoLoggedTheCheckinIsNeitherRemindedNorEscalated() {
        long owner = world("wf-done", "dina@example.com", "UDINA");
        open.run();
        clock.advance(Duration.ofDays(1));
        CheckinResult saved = submit.submit(new CheckinCommand("wf-done", owner, "131", "on_track", "7", null, null,
                null, null));

        clock.set(START.plus(Duration.ofDays(8)));
        int reminded = reminders.run();
        int escalated = escalate.run();

        assertThat(saved).isInstanceOf(CheckinResult.Saved.class);
        assertThat(reminded).isZero();
        assertThat(escalated).isZero();
        CheckinCycleRow cycle = cycles.findByWorkflowIdAndPeriod("wf-done", "2026-Q4").orElseThrow();
        assertThat(cycle.completedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(cycle.escalatedAt()).isNull();
    }

    @Test
    void anOptedOutOwnerIsNotReminded() {
        long owner = world("wf-optout", "otto@example.com", "UOTTO");
        open.run();
        PersonRow person = people.findById(owner).orElseThrow();
        people.update(person.withChoices(START, null, START));

        clock.set(START.plus(Duration.ofDays(2)));

        assertThat(reminders.run()).isZero();
    }

    @Test
    void onDaySevenTheSponsorIsToldOnceAndANudgeIsRecorded() {
        world("wf-late", "lena@example.com", "ULENA");
        long sponsor = CheckinWorld.in(context).slackUser(CheckinWorld.SPONSOR, "UCFO", "Carla CFO", "Europe/London");
        open.run();
        long cycle = cycles.findByWorkflowIdAndPeriod("wf-late", "2026-Q4").orElseThrow().id();

        clock.set(START.plus(Duration.ofDays(7)).minusSeconds(60));
        int beforeDaySeven = escalate.run();
        clock.set(START.plus(Duration.ofDays(7)));
        int daySeven = escalate.run();
        int again = escalate.run();
        int reminderAfter = reminders.run();

        assertThat(new int[] {beforeDaySeven, daySeven, again, reminderAfter}).containsExactly(0, 1, 0, 0);
        assertThat(cycles.findById(cycle).orElseThrow().escalatedAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        OutboxRow row = outbox.find(EscalateMissedCheckins.key(cycle)).orElseThrow();
        assertThat(row.recipient()).isEqualTo("UCFO");
        assertThat(row.notBefore()).as("a Sunday escalation waits for Monday").isEqualTo(
                Instant.parse("2026-11-30T09:00:00Z"));
        CheckinEscalation message = (CheckinEscalation) codec.read(row.kind(), row.payload());
        assertThat(message.owner()).isEqualTo("Lena (lena@example.com)");
        assertThat(message.daysOverdue()).isEqualTo(7);
        assertThat(nudges.findByKindOrderByIdAsc("checkin_missed")).filteredOn(n -> n.workflowId().equals("wf-late"))
                .singleElement().satisfies(n -> assertThat(n.personId()).isEqualTo(sponsor));
    }

    @Test
    void anOptedOutSponsorIsNotMessagedButTheCycleIsStillMarkedMissed() {
        world("wf-quiet-sponsor", "sam@example.com", "USAM");
        long sponsor = CheckinWorld.in(context).slackUser(CheckinWorld.SPONSOR, "UCFO", "Carla CFO", "Europe/London");
        people.update(people.findById(sponsor).orElseThrow().withChoices(START, null, START));
        open.run();
        long cycle = cycles.findByWorkflowIdAndPeriod("wf-quiet-sponsor", "2026-Q4").orElseThrow().id();

        clock.set(START.plus(Duration.ofDays(7)));
        int told = escalate.run();

        people.update(people.findById(sponsor).orElseThrow().withChoices(null, null, START));
        assertThat(told).isZero();
        assertThat(cycles.findById(cycle).orElseThrow().escalatedAt()).isNotNull();
        assertThat(outbox.find(EscalateMissedCheckins.key(cycle))).isEmpty();
    }

    @Test
    void aMonthlyPolicyFromTheFileOpensAMonthlyCycle() {
        CheckinWorld.in(context).workflow("wf-monthly", "mo@example.com")
                .policy(new io.uptake.catalog.CheckinPolicy(io.uptake.catalog.CheckinPolicy.Cadence.MONTHLY,
                        java.util.List.of(Duration.ofDays(1)), Duration.ofDays(3))).declare();

        open.run();

        assertThat(cycles.findByWorkflowIdAndPeriod("wf-monthly", "2026-11")).isPresent();
    }

    private long world(String workflowId, String ownerEmail, String userId) {
        CheckinWorld world = CheckinWorld.in(context).workflow(workflowId, ownerEmail).declare();
        String name = Character.toUpperCase(ownerEmail.charAt(0)) + ownerEmail.substring(1, ownerEmail.indexOf('@'));
        return world.slackUser(ownerEmail, userId, name, "Europe/London");
    }
}
