package io.uptake.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the stored catalogue match a validated programmes file.
 *
 * <p>Idempotent: syncing the same catalogue twice writes nothing the second time. Nothing is ever deleted:
 * programmes, workflows, pulses and digests that leave the file are marked retired and keep their history.
 */
@Singleton
public class SyncCatalog {

    private final CatalogRepositories.Programmes programmes;
    private final SyncWorkflows workflows;
    private final SyncPulsesAndDigests pulsesAndDigests;
    private final PersonIds people;
    private final CatalogRepositories.Policies policies;
    private final Clock clock;

    SyncCatalog(CatalogRepositories.Programmes programmes, SyncWorkflows workflows,
                SyncPulsesAndDigests pulsesAndDigests, PersonIds people,
                CatalogRepositories.Policies policies, Clock clock) {
        this.programmes = programmes;
        this.workflows = workflows;
        this.pulsesAndDigests = pulsesAndDigests;
        this.people = people;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional
    public SyncReport sync(Catalog catalog) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<String> changes = new ArrayList<>();
        for (Programme programme : catalog.programmes()) {
            syncProgramme(programme, now, changes);
        }
        Set<String> declared = catalog.programmes().stream().map(Programme::id).collect(Collectors.toSet());
        for (ProgrammeRow row : programmes.findAllOrderById()) {
            if (row.retiredAt() == null && !declared.contains(row.id())) {
                programmes.update(new ProgrammeRow(row.id(), row.name(), row.sponsorEmail(), row.sponsorPersonId(),
                        now, row.createdAt(), now));
                changes.add("programme " + row.id() + " retired: no longer in the file");
            }
        }
        workflows.sync(catalog.workflows(), now, changes);
        pulsesAndDigests.sync(catalog, now, changes);
        syncCheckinPolicy(catalog.checkins(), now, changes);
        return new SyncReport(changes);
    }

    private void syncCheckinPolicy(CheckinPolicy policy, Instant now, List<String> changes) {
        CheckinPolicyRow wanted = CheckinPolicyRow.of(policy, now);
        var existing = policies.findById(CheckinPolicyRow.ONLY);
        if (existing.isEmpty()) {
            policies.save(wanted);
            changes.add("check-in policy set");
        } else if (!existing.get().sameAs(wanted)) {
            policies.update(wanted);
            changes.add("check-in policy changed");
        }
    }

    private void syncProgramme(Programme programme, Instant now, List<String> changes) {
        Long sponsorId = people.findOrAdd(programme.sponsorEmail()).orElse(null);
        var existing = programmes.findById(programme.id());
        if (existing.isEmpty()) {
            programmes.save(new ProgrammeRow(programme.id(), programme.name(), programme.sponsorEmail(), sponsorId,
                    null, now, now));
            changes.add("programme " + programme.id() + " added");
        } else if (!existing.get().declares(programme.name(), programme.sponsorEmail())) {
            ProgrammeRow row = existing.get();
            programmes.update(new ProgrammeRow(row.id(), programme.name(), programme.sponsorEmail(), sponsorId, null,
                    row.createdAt(), now));
            changes.add("programme " + programme.id() + (row.retiredAt() != null ? " restored" : " updated"));
        }
    }
}
