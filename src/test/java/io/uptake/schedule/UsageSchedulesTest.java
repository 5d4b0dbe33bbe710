package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.usage.FakeConnector;
import io.uptake.usage.PullUsage;
import io.uptake.usage.SourceActivity;
import io.uptake.usage.SourcePull;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Scheduler;

/** Each configured connector is pulled every 6 hours; a failed pull is one log line and the source's last error. */
@MicronautTest(transactional = false, rebuildContext = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageSchedulesTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;
    @Inject
    Schedules schedules;
    @Inject
    BeanJobFactory factory;
    @Inject
    Scheduler scheduler;
    @Inject
    FakeConnector connector;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    programmes:
                      - id: eng-ai
                        name: Engineering assistants
                        sponsor: cto@example.com
                        workflows:
                          - id: coding
                            owner: lee@example.com
                            audience: { emails: [ana@example.com] }
                            usage: { source: github-copilot }
                    """);
            return Map.of("uptake.test.fake-connector", "true", "uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aConfiguredConnectorIsPulledEverySixHoursAndOneNotConfiguredIsNot() {
        // The test clock starts at 2026-11-22T09:00Z; the first pull comes five minutes after registration.
        assertThat(schedules.nextFire("usage:pull:github-copilot")).contains(Instant.parse("2026-11-22T09:05:00Z"));
        assertThat(schedules.keys()).doesNotContain("usage:pull:microsoft-365-copilot");
        assertThat(UsageSchedules.EVERY).hasHours(6);
    }

    @Test
    void aFailedScheduledPullIsOneLogLineAndTheSourcesLastError() throws Exception {
        connector.fail("GitHub refused the token (401)");

        try (LogEvents pull = LogEvents.of(PullUsage.class); LogEvents jobs = LogEvents.of(BeanJobFactory.class)) {
            assertThatCode(() -> Jobs.fire(factory, scheduler, "usage:pull:github-copilot", UsagePullJob.class,
                    Map.of(UsagePullJob.SOURCE, "github-copilot"))).doesNotThrowAnyException();

            assertThat(pull.at(Level.WARN)).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains("github-copilot", "GitHub refused the token (401)");
                assertThat(event.getThrowableProxy()).isNull();
            });
            assertThat(jobs.at(Level.ERROR)).isEmpty();
        }
        assertThat(lastError()).isEqualTo("GitHub refused the token (401)");
    }

    @Test
    void aScheduledPullStoresWhatTheToolReported() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-20");
        connector.answer(new SourcePull(List.of(new SourceActivity("ana@example.com", null, day,
                "chat", 1, false)), day, false, List.of()));

        Jobs.fire(factory, scheduler, "usage:pull:github-copilot", UsagePullJob.class,
                Map.of(UsagePullJob.SOURCE, "github-copilot"));

        assertThat(lastError()).isNull();
        assertThat(connector.asked()).containsExactly("2026-08-24..2026-11-22");
    }

    private String lastError() throws Exception {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT last_error FROM read_usage_source WHERE source = 'github-copilot'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
