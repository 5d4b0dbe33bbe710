package io.uptake.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chat directory a test declares: each Slack channel, user group or Teams team (by its reference in the programmes
 * file) with the emails of its members, read into the audiences as the platforms' own directory reads would.
 */
public final class InTestDirectory {

    private InTestDirectory() {
    }

    /** Syncs every chat audience from {@code members}, asserting that each of them was read. */
    public static SyncChatAudiences.Report sync(ApplicationContext context, Map<String, List<String>> members) {
        FindOrAddPerson people = context.getBean(FindOrAddPerson.class);
        SyncChatAudiences.Report report = context.getBean(SyncChatAudiences.class)
                .sync(new AudienceMembersSource<RuntimeException>() {
                    @Override
                    public boolean holds(AudienceSource audience) {
                        return !audience.byEmail();
                    }

                    @Override
                    public Optional<Set<Long>> members(AudienceSource audience) {
                        return Optional.of(members.get(audience.sourceRef()).stream()
                                .map(e -> people.findOrAdd(e).orElseThrow()).collect(Collectors.toSet()));
                    }
                });
        assertThat(report.read()).isEqualTo(members.size());
        return report;
    }
}
