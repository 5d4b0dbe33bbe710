package io.uptake.chat.teams;

import io.micronaut.context.BeanProvider;
import io.uptake.catalog.AudienceRow;
import io.uptake.catalog.CatalogLookup;
import io.uptake.delivery.SendResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the members of every {@code teams-team} audience from the team's roster, paced; meant to run daily.
 * A team that has not installed the app, or a Teams adapter that is off, is skipped with a log line saying so.
 */
@Singleton
public class SyncTeamsRosters {

    /**
     * What one sync did.
     *
     * @param skipped teams that could not be read (not installed, refused, unreachable)
     */
    public record Report(int teams, int members, int joined, int left, int skipped) {
    }

    static final String KIND = "teams-team";

    private static final Logger LOG = LoggerFactory.getLogger(SyncTeamsRosters.class);

    private final RosterRepositories.Audiences audiences;
    private final CatalogLookup catalog;
    private final InstallationStore installations;
    private final BeanProvider<RosterReader> reader;
    private final AudienceRoster roster;
    private final Clock clock;

    SyncTeamsRosters(RosterRepositories.Audiences audiences, CatalogLookup catalog, InstallationStore installations,
                     BeanProvider<RosterReader> reader, AudienceRoster roster, Clock clock) {
        this.audiences = audiences;
        this.catalog = catalog;
        this.installations = installations;
        this.reader = reader;
        this.roster = roster;
        this.clock = clock;
    }

    public Report run() {
        if (!reader.isPresent()) {
            LOG.debug("Teams rosters not synced: the Teams adapter is off");
            return new Report(0, 0, 0, 0, 0);
        }
        int teams = 0;
        int members = 0;
        int joined = 0;
        int left = 0;
        int skipped = 0;
        for (AudienceRow audience : audiences.findByKindOrderById(KIND)) {
            boolean live = catalog.workflow(audience.workflowId()).filter(w -> w.retiredAt() == null).isPresent();
            if (!live || audience.sourceRef() == null) {
                continue;
            }
            Optional<Set<Long>> people = read(audience);
            if (people.isEmpty()) {
                skipped++;
                continue;
            }
            AudienceRoster.Change change = roster.replace(audience.id(), people.get(),
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
            teams++;
            members += people.get().size();
            joined += change.joined();
            left += change.left();
        }
        Report report = new Report(teams, members, joined, left, skipped);
        LOG.info("Teams rosters synced: {}", report);
        return report;
    }

    private Optional<Set<Long>> read(AudienceRow audience) {
        Optional<TeamsInstallationRow> team = installations.team(audience.sourceRef());
        if (team.isEmpty()) {
            LOG.warn("Workflow {} asks the members of Teams team {}, but Uptake is not installed in that team: add the "
                    + "app to the team so its members can be asked", audience.workflowId(), audience.sourceRef());
            return Optional.empty();
        }
        try {
            return Optional.of(reader.get().members(team.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            Optional<SendResult> known = ConnectorErrors.result(e, false);
            if (known.isEmpty()) {
                throw e;
            }
            LOG.warn("The roster of Teams team {} (workflow {}) could not be read: {}", audience.sourceRef(),
                    audience.workflowId(), ConnectorErrors.describe(known.get()));
            return Optional.empty();
        }
    }
}
