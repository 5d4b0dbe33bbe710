package io.uptake.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.uptake.message.OwnerAlert;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the scheduler on, each node sends what is due by itself, with no Quartz job and no call from a test; and the
 * settings that make the lease unsafe stop the start.
 */
class DispatchLoopTest {

    @TempDir
    Path dir;

    @Test
    void aNodeWithTheSchedulerOnSendsWhatIsDueByItself() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", dir.resolve("loop.db").toString(),
                "uptake.scheduler.enabled", true,
                "uptake.delivery.poll", "50ms"), "test")) {
            CountDownLatch sent = new CountDownLatch(1);
            RecordingGateway slack = context.getBean(RecordingGateway.class, Qualifiers.byName("slack"));
            slack.beforeEachSend(sent::countDown);

            context.getBean(Outbox.class).enqueue(new NewMessage("loop:1", Platform.SLACK, "T1", "U1", null,
                    new OwnerAlert("Claims triage", "2026-W47", List.of("due")), MutableClock.START, null, null,
                    null));

            assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aLeaseTooShortToRenewOnABusyDatabaseIsRefusedAtStartup() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "datasources.default.url", dir.resolve("short.db").toString(),
                "uptake.delivery.claim-lease", "500ms"), "test"))
                .hasRootCauseMessage("uptake.delivery.claim-lease is PT0.5S; it must be at least PT3S, or a busy "
                        + "database makes live nodes' rows look abandoned and they are sent twice");
    }
}
