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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * The members of the workflow's live waves (a single audience is one wave, always live); a wave whose go-live
     * is after today (UTC) gets nothing from the workflow's pulse. A person in two live waves is asked once, by the
     * platform of the first.
     */
    Found of(String workflowId, Optional<ZoneId> pulseZone, Instant now) {
        return of(workflowId, LocalDate.ofInstant(now, ZoneOffset.UTC), pulseZone, now);
    }

    /**
     * The askable members of the given audiences, each once. The seam for a pulse to a wave that is not live yet
     * (a pre-rollout sample): pass that wave's source alone.
     */
    Found of(List<AudienceSource> sources, Optional<ZoneId> pulseZone, Instant now) {
        if (sources.isEmpty()) {
            return new Found(List.of(), 0);
        }
        Map<Long, PersonRow> audience = new LinkedHashMap<>();
        Map<Long, AudienceSource> sourceOf = new HashMap<>();
        for (AudienceSource source : sources) {
            for (PersonRow person : members(source)) {
                if (audience.putIfAbsent(person.id(), person) == null) {
                    sourceOf.put(person.id(), source);
                }
            }
        }
        Map<Long, List<ChatIdentityRow>> byPerson = audience.isEmpty() ? Map.of()
                : identities.findByPersonIdInList(List.copyOf(audience.keySet())).stream()
                .collect(Collectors.groupingBy(ChatIdentityRow::personId));
        List<Recipient> recipients = new ArrayList<>();
        int skipped = 0;
        for (PersonRow person : audience.values()) {
            Optional<ChatIdentityRow> identity = Reachability.identity(byPerson.getOrDefault(person.id(), List.of()),
                    preferred(sourceOf.get(person.id())));
            if (!Reachability.askable(person, now) || identity.isEmpty()) {
                skipped++;
                continue;
            }
            recipients.add(new Recipient(person, identity.get(), zone(person, pulseZone)));
        }
        return new Found(recipients, skipped);
    }

    /**
     * The people a workflow's pulse for {@code day} goes to now: the members of its waves live on that day (a single
     * audience is one wave, live with the workflow); waves not yet live get the pre-rollout pulse instead.
     */
    Found of(String workflowId, LocalDate day, Optional<ZoneId> pulseZone, Instant now) {
        return of(catalog.waves(workflowId).stream().filter(w -> w.liveOn(day)).toList(), pulseZone, now);
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
