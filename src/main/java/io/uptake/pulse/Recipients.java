package io.uptake.pulse;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.people.AudienceMemberRepository;
import io.uptake.people.AudienceMemberRow;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The people a workflow's pulse goes to now: its audience minus whoever opted out, paused, was erased or cannot
 * be reached, each with the chat identity to reach them by.
 */
@Singleton
class Recipients {

    /** Who will be asked, and how many members were passed over. */
    record Found(List<Recipient> recipients, int skipped) {
    }

    private final CatalogLookup catalog;
    private final AudienceMemberRepository members;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final PulseSettings settings;

    Recipients(CatalogLookup catalog, AudienceMemberRepository members, PersonRepository people,
               ChatIdentityRepository identities, PulseSettings settings) {
        this.catalog = catalog;
        this.members = members;
        this.people = people;
        this.identities = identities;
        this.settings = settings;
    }

    Found of(String workflowId, Optional<ZoneId> pulseZone, Instant now) {
        Optional<AudienceSource> source = catalog.audience(workflowId);
        if (source.isEmpty()) {
            return new Found(List.of(), 0);
        }
        List<PersonRow> audience = members(source.get());
        Map<Long, List<ChatIdentityRow>> byPerson = audience.isEmpty() ? Map.of()
                : identities.findByPersonIdInList(audience.stream().map(PersonRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ChatIdentityRow::personId));
        List<Recipient> recipients = new ArrayList<>();
        int skipped = 0;
        for (PersonRow person : audience) {
            Optional<ChatIdentityRow> identity = Reachability.identity(byPerson.getOrDefault(person.id(), List.of()),
                    preferred(source.get()));
            if (!Reachability.askable(person, now) || identity.isEmpty()) {
                skipped++;
                continue;
            }
            recipients.add(new Recipient(person, identity.get(), zone(person, pulseZone)));
        }
        return new Found(recipients, skipped);
    }

    private List<PersonRow> members(AudienceSource source) {
        if (source.byEmail()) {
            return source.emails().isEmpty() ? List.of() : people.findByEmailInList(source.emails());
        }
        List<Long> ids = members.findByAudienceIdAndLeftAtIsNull(source.audienceId()).stream()
                .map(AudienceMemberRow::personId).toList();
        return ids.isEmpty() ? List.of() : people.findByIdInList(ids);
    }

    /** The audience's own platform first; for email lists, Slack before Teams. */
    private static Platform preferred(AudienceSource source) {
        return source.platform().orElse(Platform.SLACK);
    }

    /** The person's own zone; for a missing or unknown one, the pulse's zone, else the configured default. */
    ZoneId zone(PersonRow person, Optional<ZoneId> pulseZone) {
        return Reachability.zone(person, pulseZone.orElse(settings.defaultZone()));
    }
}
