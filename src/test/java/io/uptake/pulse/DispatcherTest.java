package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.delivery.RecordingGateway;
import io.uptake.delivery.SendResult;
import io.uptake.people.PersonRepository;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The dispatcher against a scripted platform: pacing, rate limits, retries, dead letters, unreachable people. */
@MicronautTest(transactional = false, rebuildContext = true)
class DispatcherTest {

    static final Instant TEN = Instant.parse("2026-03-10T10:00:00Z");

    @Inject
    ApplicationContext context;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    OutboxRepository outbox;
    @Inject
    PersonRepository people;
    @Inject
    @Named("slack")
    RecordingGateway slack;
    @Inject
    MutableClock clock;

    /** The configured rate is where pacing starts; a ceiling at the same rate keeps it there. */
    @Test
    @Property(name = "uptake.delivery.pacing.slack-posts-ceiling", value = "4")
    void sendsToOneWorkspaceArePacedAtTheConfiguredRate() {
        open(8);

        dispatcher.dispatchDue();

        List<Instant> times = slack.delivered().stream().map(RecordingGateway.Call::at).toList();
        assertThat(times).hasSize(8);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void aRateLimitStormDelaysButLosesNothingAndSendsNothingTwice() {
        open(10);
        slack.answerNext(new SendResult.RateLimited(Duration.ofSeconds(30)));
        slack.answerNext(new SendResult.Sent("m-a"), new SendResult.RateLimited(Duration.ofSeconds(30)),
                new SendResult.RateLimited(Duration.ofSeconds(60)));

        for (int pass = 0; pass < 20 && outbox.countByStatus(OutboxRow.PENDING) > 0; pass++) {
            dispatcher.dispatchDue();
            outbox.nextDue().ifPresent(next -> clock.set(next.isAfter(clock.instant()) ? next : clock.instant()));
        }

        assertThat(outbox.countByStatus(OutboxRow.SENT)).isEqualTo(10);
        assertThat(slack.delivered()).extracting(c -> c.envelope().recipient()).doesNotHaveDuplicates().hasSize(10);
        List<RecordingGateway.Call> calls = slack.calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).result() instanceof SendResult.RateLimited limited && i + 1 < calls.size()) {
                assertThat(calls.get(i + 1).at()).as("next send after a 429 waits for Retry-After")
                        .isAfterOrEqualTo(calls.get(i).at().plus(limited.retryAfter()));
            }
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenDeadLettered() {
        open(1);
        IntStream.range(0, 8).forEach(i -> slack.answerNext(new SendResult.Failed("HTTP 503")));

        for (int pass = 0; pass < 10; pass++) {
            dispatcher.dispatchDue();
            outbox.nextDue().ifPresent(clock::set);
        }

        assertThat(slack.calls()).hasSize(8);
        assertThat(slack.calls().get(1).at()).isAfter(slack.calls().get(0).at());
        OutboxRow dead = outbox.findByStatusOrderByIdDesc(OutboxRow.DEAD).get(0);
        assertThat(dead.attempts()).isEqualTo(8);
        assertThat(dead.lastError()).isEqualTo("HTTP 503");
    }

    @Test
    void aRecipientWhoIsGoneIsMarkedUnreachableAndNothingMoreIsSentToThem() {
        Map<String, Long> ids = open(2);
        slack.answerNext(new SendResult.Rejected("user_not_found", true));

        dispatcher.dispatchDue();

        long gone = ids.get("p0@example.com");
        assertThat(people.findById(gone).orElseThrow().unreachableAt()).isNotNull();
        assertThat(slack.calls()).hasSize(2);
        assertThat(slack.delivered()).hasSize(1);
        assertThat(outbox.findByStatusOrderByIdDesc(OutboxRow.DEAD)).singleElement()
                .satisfies(r -> assertThat(r.personId()).isEqualTo(gone));
    }

    @Test
    void aMessageThatCouldNotGoOutBeforeItExpiredIsNotSentAfterDowntime() {
        open(3);
        clock.set(TEN.plus(Duration.ofHours(6)));

        var report = dispatcher.dispatchDue();

        assertThat(report.expired()).isEqualTo(3);
        assertThat(slack.calls()).isEmpty();
    }

    private Map<String, Long> open(int people) {
        PulseWorld world = PulseWorld.in(context);
        IntStream.range(0, people).forEach(i -> world.person("p" + i + "@example.com", "UTC"));
        Map<String, Long> ids = world.build();
        clock.set(TEN);
        openRound.scheduled(PulseWorld.PULSE, LocalDate.parse("2026-03-10"));
        return ids;
    }
}
