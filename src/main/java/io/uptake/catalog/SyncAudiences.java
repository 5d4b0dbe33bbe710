package io.uptake.catalog;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Syncs where each workflow's audiences come from, one stored audience a rollout wave (a single audience is wave 1);
 * membership itself is filled by the audience sync. A wave dropped from the file is retired, not deleted: its
 * membership history stays, and it counts no more.
 */
@Singleton
class SyncAudiences {

    private final CatalogRepositories.Audiences audiences;
    private final CatalogRepositories.AudienceEmails emails;

    SyncAudiences(CatalogRepositories.Audiences audiences, CatalogRepositories.AudienceEmails emails) {
        this.audiences = audiences;
        this.emails = emails;
    }

    void sync(Workflow workflow, Instant now, List<String> changes) {
        Map<Integer, AudienceRow> stored = new HashMap<>();
        audiences.findByWorkflowIdOrderByWave(workflow.id()).forEach(row -> stored.put(row.wave(), row));
        boolean single = workflow.waves().size() == 1;
        for (Wave wave : workflow.waves()) {
            sync(workflow, wave, single, Optional.ofNullable(stored.remove(wave.number())), now, changes);
        }
        for (AudienceRow gone : stored.values()) {
            if (gone.retiredAt() == null) {
                audiences.update(new AudienceRow(gone.id(), gone.workflowId(), gone.kind(), gone.sourceRef(),
                        gone.lastSyncedAt(), now, gone.wave(), gone.goLive(), gone.targetTeamSize(), now));
                changes.add("workflow " + workflow.id() + ": wave " + gone.wave() + " removed");
            }
        }
    }

    private void sync(Workflow workflow, Wave wave, boolean single, Optional<AudienceRow> existing, Instant now,
                      List<String> changes) {
        Audience audience = wave.audience();
        String ref = sourceRef(audience);
        String what = single ? "audience" : "wave " + wave.number() + " audience";
        LocalDate goLive = wave.goLive().orElse(null);
        AudienceRow row;
        if (existing.isEmpty()) {
            row = audiences.save(new AudienceRow(null, workflow.id(), audience.kind(), ref, null, now, wave.number(),
                    goLive, wave.targetTeamSize(), null));
            changes.add("workflow " + workflow.id() + ": " + what + " " + describe(audience) + goLive(wave));
        } else if (!existing.get().kind().equals(audience.kind()) || !Objects.equals(existing.get().sourceRef(), ref)) {
            AudienceRow old = existing.get();
            row = audiences.update(new AudienceRow(old.id(), workflow.id(), audience.kind(), ref, null, now,
                    wave.number(), goLive, wave.targetTeamSize(), null));
            changes.add("workflow " + workflow.id() + ": " + what + " now " + describe(audience) + goLive(wave));
        } else if (!Objects.equals(existing.get().goLive(), goLive)
                || existing.get().targetTeamSize() != wave.targetTeamSize() || existing.get().retiredAt() != null) {
            AudienceRow old = existing.get();
            row = audiences.update(new AudienceRow(old.id(), workflow.id(), old.kind(), old.sourceRef(),
                    old.lastSyncedAt(), now, wave.number(), goLive, wave.targetTeamSize(), null));
            if (!single || old.retiredAt() != null || !Objects.equals(old.goLive(), goLive)) {
                changes.add("workflow " + workflow.id() + ": " + what + " " + describe(audience) + goLive(wave)
                        + (wave.targetTeamSize() > 0 ? ", team of " + wave.targetTeamSize() : ""));
            }
        } else {
            row = existing.get();
        }
        syncEmails(workflow, row, audience, changes);
    }

    private static String goLive(Wave wave) {
        return wave.goLive().map(day -> ", live from " + day).orElse("");
    }

    private void syncEmails(Workflow workflow, AudienceRow row, Audience audience, List<String> changes) {
        Set<String> wanted = audience instanceof Audience.Emails list ? new TreeSet<>(list.emails()) : new TreeSet<>();
        List<AudienceEmailRow> stored = emails.findByAudienceIdOrderByEmail(row.id());
        Set<String> have = new TreeSet<>();
        for (AudienceEmailRow email : stored) {
            if (wanted.contains(email.email())) {
                have.add(email.email());
            } else {
                emails.delete(email);
            }
        }
        int added = 0;
        for (String email : wanted) {
            if (!have.contains(email)) {
                emails.save(new AudienceEmailRow(null, row.id(), email));
                added++;
            }
        }
        int removed = stored.size() - have.size();
        if ((added > 0 || removed > 0) && !stored.isEmpty()) {
            changes.add("workflow " + workflow.id() + ": audience emails +" + added + " -" + removed);
        }
    }

    private static String sourceRef(Audience audience) {
        if (audience instanceof Audience.SlackChannel channel) {
            return channel.channelId();
        }
        if (audience instanceof Audience.SlackUsergroup group) {
            return group.usergroupId();
        }
        if (audience instanceof Audience.TeamsTeam team) {
            return team.teamId();
        }
        return null;
    }

    private static String describe(Audience audience) {
        String ref = sourceRef(audience);
        return ref == null ? audience.kind() + " (" + ((Audience.Emails) audience).emails().size() + ")"
                : audience.kind() + " " + ref;
    }
}
