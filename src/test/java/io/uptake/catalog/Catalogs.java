package io.uptake.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds catalogues for tests: a small valid one by default, changed one piece at a time. */
final class Catalogs {

    private final List<Workflow> workflows = new ArrayList<>();
    private final List<Pulse> pulses = new ArrayList<>();
    private final List<DigestSubscription> digests = new ArrayList<>();

    static Catalogs aCatalog() {
        Catalogs c = new Catalogs();
        c.workflows.add(workflow("claims-triage", Stage.PILOT, LocalDate.parse("2026-09-01")));
        c.workflows.add(workflow("fraud-review", Stage.PILOT, LocalDate.parse("2026-10-01")));
        c.pulses.add(pulse("claims-weekly", "claims-triage"));
        c.digests.add(new DigestSubscription(ChannelRef.parse("slack:C0LEADERS").orElseThrow(), List.of("claims-ai"),
                new Schedule(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), Optional.of(ZoneId.of("Europe/London")))));
        return c;
    }

    static Workflow workflow(String id, Stage stage, LocalDate since) {
        return new Workflow(id, "claims-ai", "Workflow " + id, stage, Optional.of(since), "jane@example.com",
                new Audience.SlackChannel("C0123ABCD"), 40, Optional.of(URI.create("https://wiki.example.com/" + id)),
                Optional.of(new Outcome("Claims closed per FTE per week", "claims", Outcome.Direction.UP,
                        new BigDecimal("120"), new BigDecimal("150"), new Quarter(2027, 1))),
                Optional.of(new CycleTime("Triage one claim", new BigDecimal("18"))));
    }

    static Pulse pulse(String id, String workflowId) {
        return new Pulse(id, workflowId, new Schedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0), Optional.empty()),
                List.of(Question.USAGE, Question.TRUST, Question.CORRECTION), Pulse.Mode.CONFIDENTIAL,
                Duration.ofHours(24), 1, Duration.ofHours(72));
    }

    Catalogs without(String workflowId) {
        workflows.removeIf(w -> w.id().equals(workflowId));
        pulses.removeIf(p -> p.workflowId().equals(workflowId));
        return this;
    }

    Catalogs with(Workflow workflow) {
        without(workflow.id());
        workflows.add(workflow);
        return this;
    }

    Catalog build() {
        Programme programme = new Programme("claims-ai", "Claims triage assistant", "cfo@example.com", workflows);
        return new Catalog(List.of(programme), pulses, CheckinPolicy.DEFAULT, digests);
    }
}
