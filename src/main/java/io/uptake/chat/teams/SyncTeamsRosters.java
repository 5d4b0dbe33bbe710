package io.uptake.chat.teams;

import io.micronaut.context.BeanProvider;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.delivery.SendResult;
import io.uptake.people.AudienceMembersSource;
import io.uptake.people.SyncChatAudiences;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the roster of every {@code teams-team} audience, paced, for {@link SyncChatAudiences}, which decides who
 * joins and who leaves; meant to run daily. A team that has not installed the app, or a Teams adapter that is off,
 * is skipped with a log line saying so.
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

    private final SyncChatAudiences audiences;
    private final InstallationStore installations;
    private final BeanProvider<RosterReader> reader;

    SyncTeamsRosters(SyncChatAudiences audiences, InstallationStore installations,
                     BeanProvider<RosterReader> reader) {
        this.audiences = audiences;
        this.installations = installations;
        this.reader = reader;
    }

    public Report run() {
        if (!reader.isPresent()) {
            LOG.debug("Teams rosters not synced: the Teams adapter is off");
            return new Report(0, 0, 0, 0, 0);
        }
        SyncChatAudiences.Report synced = audiences.sync(new Rosters());
        Report report = new Report(synced.read(), synced.members(), synced.joined(), synced.left(), synced.unread());
        LOG.info("Teams rosters synced: {}", report);
        return report;
    }

    /** The rosters of the teams that are audiences, as people. */
    private final class Rosters implements AudienceMembersSource<RuntimeException> {

        @Override
        public boolean holds(AudienceSource audience) {
            return KIND.equals(audience.kind()) && audience.sourceRef() != null;
        }

        @Override
        public Optional<Set<Long>> members(AudienceSource audience) {
            Optional<TeamsInstallationRow> team = installations.team(audience.sourceRef());
            if (team.isEmpty()) {
                LOG.warn("Workflow {} asks the members of Teams team {}, but Uptake is not installed in that team: "
                        + "add the app to the team so its members can be asked", audience.workflowId(),
                        audience.sourceRef());
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
}
