package io.uptake.people;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.CatalogLookup.AudienceSource;
import io.uptake.catalog.CatalogSynced;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes everyone an {@code emails:} audience names a person and a member of that audience as soon as the
 * programmes file loads, whether or not a chat platform knows them yet: their usage counts from the first batch,
 * and a platform that finds them later links its account to the same person by email. Someone who had Uptake
 * erase them stays out until they opt back in.
 */
@Singleton
class SyncEmailAudiences {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEmailAudiences.class);

    private final CatalogLookup catalog;
    private final FindOrAddPerson people;
    private final SyncAudienceMembers members;

    SyncEmailAudiences(CatalogLookup catalog, FindOrAddPerson people, SyncAudienceMembers members) {
        this.catalog = catalog;
        this.people = people;
        this.members = members;
    }

    @EventListener
    @Transactional
    void onCatalogSynced(CatalogSynced event) {
        int joined = 0;
        int left = 0;
        for (AudienceSource audience : catalog.activeAudiences()) {
            if (!audience.byEmail()) {
                continue;
            }
            Set<Long> listed = new LinkedHashSet<>();
            for (String email : audience.emails()) {
                people.byEmail(email).ifPresent(person -> listed.add(person.id()));
            }
            SyncAudienceMembers.Changes changes = members.sync(audience.audienceId(), listed);
            joined += changes.joined();
            left += changes.left();
        }
        if (joined > 0 || left > 0) {
            LOG.info("Email audiences synced: {} joined, {} left", joined, left);
        }
    }
}
