package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.platform.Platform;
import io.uptake.chat.PersonalCommands;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /uptake status <workflow>} on the seeded history: last week's figures, hidden where too few answered. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowStatusTest {

    @Inject
    DataSource dataSource;
    @Inject
    PersonalCommands commands;
    @Inject
    MutableClock clock;

    @BeforeAll
    void seed() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            SeededHistory.seed(c);
        }
        clock.set(Instant.parse("2026-11-17T10:00:00Z")); // the last complete week is then 2026-W46
    }

    @Test
    void showsTheWorkflowsFiguresForLastWeek() {
        String reply = commands.run(1, "status claims-triage", Platform.SLACK);

        assertThat(reply).contains("2026-W46").contains("Claims triage").contains("60%")
                .contains("Trust: 88/100 ↑ +38 pts (n=10)").doesNotContain("  Claims intake:");
    }

    @Test
    void hidesFiguresRestingOnTooFewAnswers() {
        String reply = commands.run(1, "status claims-intake", Platform.TEAMS);

        assertThat(reply).contains("Claims intake")
                .contains("Weekly active: —  (fewer than 5 people reporting their use)");
    }

    @Test
    void saysSoForAnUnknownWorkflow() {
        assertThat(commands.run(1, "status no-such-flow", Platform.SLACK))
                .isEqualTo("I know no active workflow called `no-such-flow`.");
    }
}
