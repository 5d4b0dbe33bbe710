package io.uptake.chat.web;

import io.micronaut.context.annotation.Requires;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.people.AudienceMembersSource;
import io.uptake.people.DirectorySource;
import io.uptake.people.LinkIdentity;
import io.uptake.people.SyncChatAudiences;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated platforms' directory: who is in the Slack workspace and the Teams tenant, and who is in each
 * channel, user group and team. The demo says what it holds ({@link #replace}); a read links the people the
 * programmes file names and those in audiences, then syncs the audiences' members, as the Slack and Teams syncs do.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
public class WebDirectory implements DirectorySource {

    private static final Logger LOG = LoggerFactory.getLogger(WebDirectory.class);

    /** What the directory holds at one moment. */
    private record Snapshot(Map<String, DirectoryUser> users, Map<String, Set<String>> members) {
    }

    private final CatalogLookup catalog;
    private final LinkIdentity identities;
    private final SyncChatAudiences audiences;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    WebDirectory(CatalogLookup catalog, LinkIdentity identities, SyncChatAudiences audiences) {
        this.catalog = catalog;
        this.identities = identities;
        this.audiences = audiences;
    }

    /**
     * Replaces what the directory holds.
     *
     * @param members by audience key ({@link #key}): the user ids in that channel, group or team
     */
    public void replace(List<DirectoryUser> users, Map<String, Set<String>> members) {
        Map<String, DirectoryUser> byKey = users.stream().collect(Collectors.toMap(u -> key(u.platform(),
                u.userId()), Function.identity(), (a, b) -> a));
        snapshot = new Snapshot(Map.copyOf(byKey), members.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
    }

    /** The key of an audience kind and id ({@code slack-channel:C0CLAIMS}), or of a user ({@code slack:U01}). */
    public static String key(String kind, String ref) {
        return kind + ":" + ref;
    }

    static String key(Platform platform, String userId) {
        return key(platform.code(), userId);
    }

    /** Everyone in the simulated workspace and tenant. */
    public List<DirectoryUser> users() {
        return List.copyOf(snapshot.users().values());
    }

    public Optional<DirectoryUser> user(Platform platform, String userId) {
        return Optional.ofNullable(snapshot.users().get(key(platform, userId)));
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public void read() {
        sync();
    }

    /** Links the people Uptake should know and syncs every channel, group and team audience from the directory. */
    public SyncChatAudiences.Report sync() {
        Snapshot now = snapshot;
        Set<String> named = catalog.namedEmails();
        for (DirectoryUser user : now.users().values()) {
            if (named.contains(user.email().toLowerCase(Locale.ROOT))) {
                person(user);
            }
        }
        SyncChatAudiences.Report report = audiences.sync(new AudienceMembersSource<RuntimeException>() {
            @Override
            public boolean holds(AudienceSource audience) {
                return audience.platform().isPresent() && audience.sourceRef() != null;
            }

            @Override
            public Optional<Set<Long>> members(AudienceSource audience) {
                Set<Long> people = new HashSet<>();
                for (String userId : now.members().getOrDefault(key(audience.kind(), audience.sourceRef()),
                        Set.of())) {
                    DirectoryUser user = now.users().get(key(audience.platform().orElseThrow(), userId));
                    if (user != null) {
                        person(user).ifPresent(people::add);
                    }
                }
                return Optional.of(people);
            }
        });
        LOG.debug("Simulated directory synced: {}", report);
        return report;
    }

    /** The person behind a user, linking them on first sight; empty for someone erased at their request. */
    private Optional<Long> person(DirectoryUser user) {
        String tenant = WebTenants.of(user.platform());
        return identities.find(user.platform(), tenant, user.userId())
                .or(() -> identities.link(chatUser(user)));
    }

    static LinkIdentity.ChatUser chatUser(DirectoryUser user) {
        return new LinkIdentity.ChatUser(user.platform(), WebTenants.of(user.platform()), user.userId(),
                user.email(), user.name(), user.zone(), user.locale(), null, null);
    }
}
