package io.uptake.chat.teams;

import io.micronaut.context.ApplicationContext;
import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import io.uptake.catalog.Stage;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.Workflow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Declares a programme whose workflow's audience is one Teams team, with a weekly pulse for it. */
final class TeamsWorld {

    private TeamsWorld() {
    }

    /** Declares the catalogue (replacing any other) and returns the audience's id. */
    static long declare(ApplicationContext context, String pulseId, String teamId, Pulse.Mode mode,
                        Question... questions) {
        String workflowId = pulseId + "-workflow";
        Workflow workflow = new Workflow(workflowId, "teams-ai", "Claims triage", Stage.PILOT,
                Optional.of(LocalDate.parse("2026-01-05")), "owner@example.com", new Audience.TeamsTeam(teamId), 3,
                Optional.empty(), Optional.empty(), Optional.empty());
        Pulse pulse = new Pulse(pulseId, workflowId, new Schedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0),
                Optional.empty()), List.of(questions), mode, Duration.ofHours(24), 1, Duration.ofHours(72));
        context.getBean(SyncCatalog.class).sync(new Catalog(List.of(new Programme("teams-ai", "Teams AI",
                "cfo@example.com", List.of(workflow))), List.of(pulse), CheckinPolicy.DEFAULT, List.of()));
        return context.getBean(CatalogLookup.class).audience(workflowId).orElseThrow().audienceId();
    }
}
