package io.uptake.chat.slack;

import com.slack.api.model.User;
import io.micronaut.context.annotation.Requires;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.people.AudienceMembersSource;
import io.uptake.people.LinkIdentity;
import io.uptake.people.SyncChatAudiences;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Slack's people into Uptake: everyone the programmes file names by email is linked to their Slack account,
 * with email, time zone and locale from their profile, and the members of the channels and user groups that are
 * audiences are read for {@link SyncChatAudiences}, which decides who joins and who leaves.
 */
@Singleton
@Requires(bean = SlackWorkspaces.class)
public class SyncSlackAudiences {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSlackAudiences.class);

    /** What one sync did across all workspaces. */
    public record Report(int people, int joined, int left, int failedAudiences) {
    }

    private final SlackWorkspaces workspaces;
    private final SlackDirectory directory;
    private final CatalogLookup catalog;
    private final LinkIdentity identities;
    private final SyncChatAudiences audiences;

    SyncSlackAudiences(SlackWorkspaces workspaces, SlackDirectory directory, CatalogLookup catalog,
                       LinkIdentity identities, SyncChatAudiences audiences) {
        this.workspaces = workspaces;
        this.directory = directory;
        this.catalog = catalog;
        this.identities = identities;
        this.audiences = audiences;
    }

    public Report run() throws InterruptedException {
        int linked = 0;
        int joined = 0;
        int left = 0;
        int failed = 0;
        Set<String> named = catalog.namedEmails();
        for (SlackWorkspaces.Workspace workspace : workspaces.all()) {
            Map<String, User> users = new HashMap<>();
            try {
                directory.users(workspace.botToken()).stream().filter(SyncSlackAudiences::person)
                        .forEach(u -> users.put(u.getId(), u));
            } catch (SlackDirectory.DirectoryError e) {
                // Slack's error code says it all; a call that threw also logs what it threw.
                LOG.warn("Slack workspace {}: users.list failed ({}); audiences not synced", workspace.teamId(),
                        e.getMessage(), e.getCause());
                failed++;
                continue;
            }
            Members members = new Members(workspace, users);
            for (User user : users.values()) {
                String email = user.getProfile() == null ? null : user.getProfile().getEmail();
                if (email != null && named.contains(email.toLowerCase(Locale.ROOT))) {
                    members.link(user);
                }
            }
            SyncChatAudiences.Report synced = audiences.sync(members);
            joined += synced.joined();
            left += synced.left();
            failed += synced.unread();
            linked += members.personByUser.size();
        }
        Report report = new Report(linked, joined, left, failed);
        LOG.info("Slack audiences synced: {} people, {} joined, {} left, {} audiences failed", report.people(),
                report.joined(), report.left(), report.failedAudiences());
        return report;
    }

    /** The members of one workspace's channels and user groups, as people, linking each on first sight. */
    private final class Members implements AudienceMembersSource<InterruptedException> {

        private final SlackWorkspaces.Workspace workspace;
        private final Map<String, User> users;
        private final Map<String, Long> personByUser = new HashMap<>();

        Members(SlackWorkspaces.Workspace workspace, Map<String, User> users) {
            this.workspace = workspace;
            this.users = users;
        }

        @Override
        public boolean holds(AudienceSource audience) {
            return audience.kind().startsWith("slack-");
        }

        @Override
        public Optional<Set<Long>> members(AudienceSource audience) throws InterruptedException {
            try {
                Set<Long> people = new HashSet<>();
                for (String userId : memberIds(audience)) {
                    User user = users.get(userId);
                    Optional<Long> person = user == null ? Optional.empty()
                            : Optional.ofNullable(personByUser.get(userId)).or(() -> link(user));
                    person.ifPresent(people::add);
                }
                return Optional.of(people);
            } catch (SlackDirectory.DirectoryError e) {
                LOG.warn("Slack {} {} could not be read ({}): its members are unchanged", audience.kind(),
                        audience.sourceRef(), e.getMessage(), e.getCause());
                return Optional.empty();
            }
        }

        private Set<String> memberIds(AudienceSource audience)
                throws SlackDirectory.DirectoryError, InterruptedException {
            return audience.kind().equals("slack-channel")
                    ? directory.channelMembers(workspace.botToken(), audience.sourceRef())
                    : directory.usergroupMembers(workspace.botToken(), audience.sourceRef());
        }

        /** Empty for someone erased at their request: the sync does not bring them back. */
        private Optional<Long> link(User user) {
            Optional<Long> person = identities.link(SlackPeople.chatUser(workspace.teamId(), user.getId(), user));
            person.ifPresent(id -> personByUser.put(user.getId(), id));
            return person;
        }
    }

    /** Real, active people: not bots, not deactivated, not Slackbot. */
    private static boolean person(User user) {
        return !user.isDeleted() && !user.isBot() && !"USLACKBOT".equals(user.getId()) && !user.isAppUser();
    }
}
