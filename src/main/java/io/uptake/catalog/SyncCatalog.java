package io.uptake.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private final CatalogRepositories.Stakeholders stakeholders;
    private final CatalogRepositories.ProgrammeOutcomes outcomes;
    private final Clock clock;

    SyncCatalog(CatalogRepositories.Programmes programmes, SyncWorkflows workflows,
                SyncPulsesAndDigests pulsesAndDigests, PersonIds people,
                CatalogRepositories.Policies policies, CatalogRepositories.Stakeholders stakeholders,
                CatalogRepositories.ProgrammeOutcomes outcomes, Clock clock) {
        this.programmes = programmes;
        this.outcomes = outcomes;
        this.workflows = workflows;
        this.pulsesAndDigests = pulsesAndDigests;
        this.people = people;
        this.policies = policies;
        this.stakeholders = stakeholders;
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
                        now, row.createdAt(), now, row.ownerEmail(), row.ownerPersonId()));
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
        String owner = programme.ownerEmail().orElse(null);
        Long ownerId = programme.ownerEmail().flatMap(people::findOrAdd).orElse(null);
        if (existing.isEmpty()) {
            programmes.save(new ProgrammeRow(programme.id(), programme.name(), programme.sponsorEmail(), sponsorId,
                    null, now, now, owner, ownerId));
            changes.add("programme " + programme.id() + " added");
        } else if (!existing.get().declares(programme.name(), programme.sponsorEmail(), owner, ownerId)) {
            ProgrammeRow row = existing.get();
            programmes.update(new ProgrammeRow(row.id(), programme.name(), programme.sponsorEmail(), sponsorId, null,
                    row.createdAt(), now, owner, ownerId));
            changes.add("programme " + programme.id() + (row.retiredAt() != null ? " restored" : " updated"));
        }
        syncStakeholders(programme, changes);
        syncOutcome(programme, now, changes);
    }

    /** The programme's own outcome as the file declares it; removed when the file no longer gives one. */
    private void syncOutcome(Programme programme, Instant now, List<String> changes) {
        Optional<ProgrammeOutcomeRow> existing = outcomes.findById(programme.id());
        if (programme.outcome().isEmpty()) {
            existing.ifPresent(row -> {
                outcomes.delete(row);
                changes.add("programme " + programme.id() + ": outcome removed");
            });
            return;
        }
        Outcome outcome = programme.outcome().get();
        ProgrammeOutcomeRow wanted = new ProgrammeOutcomeRow(programme.id(), outcome.metric(), outcome.unit(),
                outcome.direction().name().toLowerCase(Locale.ROOT), outcome.baseline(), outcome.target(),
                outcome.by().toString(), now);
        if (existing.isEmpty()) {
            outcomes.save(wanted);
            changes.add("programme " + programme.id() + ": outcome set");
        } else if (!existing.get().sameDeclaration(wanted)) {
            outcomes.update(wanted);
            changes.add("programme " + programme.id() + ": outcome changed");
        }
    }

    /** The programme's stakeholders as the file lists them; each is a person to be found on a platform. */
    private void syncStakeholders(Programme programme, List<String> changes) {
        List<ProgrammeStakeholderRow> stored = stakeholders.findByProgrammeIdOrderByEmail(programme.id());
        Set<String> wanted = new java.util.TreeSet<>(programme.stakeholderEmails());
        Set<String> had = stored.stream().map(ProgrammeStakeholderRow::email)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        for (ProgrammeStakeholderRow row : stored) {
            if (!wanted.contains(row.email())) {
                stakeholders.delete(row);
            }
        }
        for (String email : wanted) {
            people.findOrAdd(email);
            if (!had.contains(email)) {
                stakeholders.save(new ProgrammeStakeholderRow(null, programme.id(), email));
            }
        }
        if (!had.equals(wanted)) {
            changes.add("programme " + programme.id() + " stakeholders: " + wanted.size());
        }
    }
}
