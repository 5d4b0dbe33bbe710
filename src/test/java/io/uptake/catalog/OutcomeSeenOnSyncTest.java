package io.uptake.catalog;

import static io.uptake.catalog.Catalogs.aCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When an outcome was declared, as the catalog sync stores it: the file's {@code declared:} date (moved with the
 * file), and the day a load first found the outcome on a workflow already known (set once, never moved).
 */
@MicronautTest(transactional = false, rebuildContext = true)
class OutcomeSeenOnSyncTest {

    @Inject
    SyncCatalog sync;
    @Inject
    CatalogRepositories.Outcomes outcomes;
    @Inject
    MutableClock clock;

    static Workflow withOutcome(Outcome outcome) {
        Workflow w = Catalogs.workflow("claims-triage", Stage.PILOT, LocalDate.parse("2026-09-01"));
        return new Workflow(w.id(), w.programmeId(), w.name(), w.stage(), w.stageSince(), w.ownerEmail(),
                w.audience(), w.targetTeamSize(), w.play(), Optional.ofNullable(outcome), w.cycleTime());
    }

    static Outcome outcome(String target, LocalDate declared) {
        return new Outcome("Claims closed per FTE per week", "claims", Outcome.Direction.UP, new BigDecimal("120"),
                new BigDecimal(target), new Quarter(2027, 1), declared);
    }

    @Test
    void anOutcomeThatComesWithItsWorkflowHasNoSeenDay() {
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        sync.sync(aCatalog().build());

        OutcomeRow row = outcomes.findById("claims-triage").orElseThrow();
        assertThat(row.seenOn()).isNull();
        assertThat(row.declaredOn()).isNull();
    }

    @Test
    void anOutcomeAddedLaterIsSeenOnThatDayAndLaterEditsLeaveTheDayAlone() {
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        sync.sync(aCatalog().with(withOutcome(null)).build());
        assertThat(outcomes.findById("claims-triage")).isEmpty();

        clock.set(Instant.parse("2026-11-16T09:00:00Z"));
        sync.sync(aCatalog().with(withOutcome(outcome("150", null))).build());
        assertThat(outcomes.findById("claims-triage").orElseThrow().seenOn()).isEqualTo(LocalDate.of(2026, 11, 16));

        clock.advance(Duration.ofDays(10));
        sync.sync(aCatalog().with(withOutcome(outcome("160", LocalDate.of(2026, 8, 30)))).build());
        OutcomeRow edited = outcomes.findById("claims-triage").orElseThrow();
        assertThat(edited.target()).isEqualByComparingTo("160");
        assertThat(edited.seenOn()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(edited.declaredOn()).isEqualTo(LocalDate.of(2026, 8, 30));
    }

    @Test
    void changingOnlyTheDeclaredDayIsAChange() {
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        sync.sync(aCatalog().with(withOutcome(outcome("150", LocalDate.of(2026, 8, 1)))).build());

        SyncReport report = sync.sync(aCatalog().with(withOutcome(outcome("150", LocalDate.of(2026, 8, 2)))).build());

        assertThat(report.changes()).contains("workflow claims-triage: outcome changed");
        assertThat(outcomes.findById("claims-triage").orElseThrow().declaredOn()).isEqualTo(LocalDate.of(2026, 8, 2));
    }
}
