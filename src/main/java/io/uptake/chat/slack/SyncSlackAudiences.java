package io.uptake.chat.slack;

import com.slack.api.model.User;
import io.micronaut.context.annotation.Requires;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.people.LinkIdentity;
import io.uptake.people.SyncAudienceMembers;
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
 * Brings Slack's people into Uptake: members of the channels and user groups that are audiences become
 * audience members (leavers leave), and everyone the programmes file names by email is linked to their Slack
 * account, with email, time zone and locale from their profile.
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
    private final SyncAudienceMembers members;

    SyncSlackAudiences(SlackWorkspaces workspaces, SlackDirectory directory, CatalogLookup catalog,
                       LinkIdentity identities, SyncAudienceMembers members) {
        this.workspaces = workspaces;
        this.directory = directory;
        this.catalog = catalog;
        this.identities = identities;
        this.members = members;
    }

    public Report run() throws InterruptedException {
        int linked = 0;
        int joined = 0;
        int left = 0;
        int failed = 0;
        for (SlackWorkspaces.Workspace workspace : workspaces.all()) {
            Map<String, User> users = new HashMap<>();
            try {
                directory.users(workspace.botToken()).stream().filter(SyncSlackAudiences::person)
                        .forEach(u -> users.put(u.getId(), u));
            } catch (SlackDirectory.DirectoryError e) {
                LOG.warn("Slack workspace {}: users.list failed ({}); audiences not synced", workspace.teamId(),
                        e.getMessage());
                failed++;
                continue;
            }
            Map<String, Long> personByUser = new HashMap<>();
            Set<String> named = catalog.namedEmails();
            for (User user : users.values()) {
                String email = user.getProfile() == null ? null : user.getProfile().getEmail();
                if (email != null && named.contains(email.toLowerCase(Locale.ROOT))) {
                    link(workspace, user).ifPresent(person -> personByUser.put(user.getId(), person));
                }
            }
            for (AudienceSource audience : catalog.activeAudiences()) {
                if (!audience.kind().startsWith("slack-")) {
                    continue;
                }
                try {
                    Set<Long> people = new HashSet<>();
                    for (String userId : memberIds(workspace, audience)) {
                        User user = users.get(userId);
                        Optional<Long> person = user == null ? Optional.empty()
                                : Optional.ofNullable(personByUser.get(userId)).or(() -> link(workspace, user));
                        person.ifPresent(id -> {
                            personByUser.put(userId, id);
                            people.add(id);
                        });
                    }
                    SyncAudienceMembers.Changes changes = members.sync(audience.audienceId(), people);
                    joined += changes.joined();
                    left += changes.left();
                } catch (SlackDirectory.DirectoryError e) {
                    LOG.warn("Slack {} {} could not be read ({}): its members are unchanged", audience.kind(),
                            audience.sourceRef(), e.getMessage());
                    failed++;
                }
            }
            linked += personByUser.size();
        }
        Report report = new Report(linked, joined, left, failed);
        LOG.info("Slack audiences synced: {} people, {} joined, {} left, {} audiences failed", report.people(),
                report.joined(), report.left(), report.failedAudiences());
        return report;
    }

    private Set<String> memberIds(SlackWorkspaces.Workspace workspace, AudienceSource audience)
            throws SlackDirectory.DirectoryError, InterruptedException {
        return audience.kind().equals("slack-channel")
                ? directory.channelMembers(workspace.botToken(), audience.sourceRef())
                : directory.usergroupMembers(workspace.botToken(), audience.sourceRef());
    }

    /** Empty for someone erased at their request: the sync does not bring them back. */
    private Optional<Long> link(SlackWorkspaces.Workspace workspace, User user) {
        return identities.link(SlackPeople.chatUser(workspace.teamId(), user.getId(), user));
    }

    /** Real, active people: not bots, not deactivated, not Slackbot. */
    private static boolean person(User user) {
        return !user.isDeleted() && !user.isBot() && !"USLACKBOT".equals(user.getId()) && !user.isAppUser();
    }
}
