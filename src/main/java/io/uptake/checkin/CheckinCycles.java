package io.uptake.checkin;

import io.micronaut.core.annotation.Nullable;
import io.uptake.catalog.CheckinLookup.Subject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check-in cycles and check-ins of every subject, whichever table keeps them: a workflow's in
 * {@code checkin_cycle} and {@code checkin}, a programme's own in {@code programme_checkin_cycle} and
 * {@code programme_checkin}. Opening, reminding, escalating and submitting are written once, against this.
 */
@Singleton
class CheckinCycles {

    /**
     * One period's check-in of one subject.
     *
     * @param subject the subject's key: the workflow id, or {@code programme:<id>}
     */
    record Cycle(long id, String subject, String period, Instant openedAt, int remindersSent,
                 @Nullable Instant escalatedAt, @Nullable Instant completedAt) {

        boolean programme() {
            return Subject.programmeId(subject).isPresent();
        }

        /** The stem of the cycle's message keys: its id, prefixed for a programme's so the two never collide. */
        String ref() {
            return programme() ? Subject.PROGRAMME + id : String.valueOf(id);
        }
    }

    private final CheckinRepositories.Cycles cycles;
    private final CheckinRepositories.Checkins checkins;
    private final CheckinRepositories.ProgrammeCycles programmeCycles;
    private final CheckinRepositories.ProgrammeCheckins programmeCheckins;

    CheckinCycles(CheckinRepositories.Cycles cycles, CheckinRepositories.Checkins checkins,
                  CheckinRepositories.ProgrammeCycles programmeCycles,
                  CheckinRepositories.ProgrammeCheckins programmeCheckins) {
        this.cycles = cycles;
        this.checkins = checkins;
        this.programmeCycles = programmeCycles;
        this.programmeCheckins = programmeCheckins;
    }

    Optional<Cycle> find(String subject, String period) {
        Optional<String> programme = Subject.programmeId(subject);
        return programme.isPresent() ? programmeCycles.findByProgrammeIdAndPeriod(programme.get(), period)
                .map(CheckinCycles::of) : cycles.findByWorkflowIdAndPeriod(subject, period).map(CheckinCycles::of);
    }

    Cycle open(String subject, String period, Instant now) {
        Optional<String> programme = Subject.programmeId(subject);
        return programme.isPresent()
                ? of(programmeCycles.save(new ProgrammeCheckinCycleRow(null, programme.get(), period, now, 0, null,
                        null)))
                : of(cycles.save(new CheckinCycleRow(null, subject, period, now, 0, null, null)));
    }

    /** Cycles still waiting for their owner and not yet escalated: workflows' first, then programmes'. */
    List<Cycle> waiting() {
        List<Cycle> waiting = new ArrayList<>();
        cycles.findWaiting().forEach(c -> waiting.add(of(c)));
        programmeCycles.findWaiting().forEach(c -> waiting.add(of(c)));
        return waiting;
    }

    /** Stores a cycle's new state (reminders sent, escalated, completed). */
    void update(Cycle c) {
        Optional<String> programme = Subject.programmeId(c.subject());
        if (programme.isPresent()) {
            programmeCycles.update(new ProgrammeCheckinCycleRow(c.id(), programme.get(), c.period(), c.openedAt(),
                    c.remindersSent(), c.escalatedAt(), c.completedAt()));
        } else {
            cycles.update(new CheckinCycleRow(c.id(), c.subject(), c.period(), c.openedAt(), c.remindersSent(),
                    c.escalatedAt(), c.completedAt()));
        }
    }

    /** The value of the latest check-in logged on a subject, in any period. */
    Optional<BigDecimal> latestValue(String subject) {
        Optional<String> programme = Subject.programmeId(subject);
        return programme.isPresent() ? programmeCheckins.findLatestOfProgramme(programme.get())
                .map(ProgrammeCheckinRow::value) : checkins.findLatestOfWorkflow(subject).map(CheckinRow::value);
    }

    /** Stores a check-in against its cycle; returns its id. */
    long save(Cycle cycle, CheckinCommand.Valid valid, long personId, Instant now) {
        if (cycle.programme()) {
            return programmeCheckins.save(new ProgrammeCheckinRow(null, cycle.id(), valid.value(), valid.status(),
                    valid.confidence(), valid.evidenceUrl(), valid.note(), personId, now)).id();
        }
        return checkins.save(new CheckinRow(null, cycle.id(), valid.value(), valid.status(), valid.confidence(),
                valid.evidenceUrl(), valid.note(), personId, now)).id();
    }

    static Cycle withReminders(Cycle c, int sent) {
        return new Cycle(c.id(), c.subject(), c.period(), c.openedAt(), sent, c.escalatedAt(), c.completedAt());
    }

    static Cycle escalated(Cycle c, Instant at) {
        return new Cycle(c.id(), c.subject(), c.period(), c.openedAt(), c.remindersSent(), at, c.completedAt());
    }

    static Cycle completed(Cycle c, Instant at) {
        return new Cycle(c.id(), c.subject(), c.period(), c.openedAt(), c.remindersSent(), c.escalatedAt(),
                c.completedAt() == null ? at : c.completedAt());
    }

    private static Cycle of(CheckinCycleRow c) {
        return new Cycle(c.id(), c.workflowId(), c.period(), c.openedAt(), c.remindersSent(), c.escalatedAt(),
                c.completedAt());
    }

    private static Cycle of(ProgrammeCheckinCycleRow c) {
        return new Cycle(c.id(), Subject.PROGRAMME + c.programmeId(), c.period(), c.openedAt(), c.remindersSent(),
                c.escalatedAt(), c.completedAt());
    }
}
