package io.uptake.catalog;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Syncs where each workflow's audience comes from; membership itself is filled by the audience sync. */
@Singleton
class SyncAudiences {

    private final CatalogRepositories.Audiences audiences;
    private final CatalogRepositories.AudienceEmails emails;

    SyncAudiences(CatalogRepositories.Audiences audiences, CatalogRepositories.AudienceEmails emails) {
        this.audiences = audiences;
        this.emails = emails;
    }

    void sync(Workflow workflow, Instant now, List<String> changes) {
        Audience audience = workflow.audience();
        String ref = sourceRef(audience);
        Optional<AudienceRow> existing = audiences.findByWorkflowId(workflow.id());
        AudienceRow row;
        if (existing.isEmpty()) {
            row = audiences.save(new AudienceRow(null, workflow.id(), audience.kind(), ref, null, now));
            changes.add("workflow " + workflow.id() + ": audience " + describe(audience));
        } else if (!existing.get().kind().equals(audience.kind()) || !Objects.equals(existing.get().sourceRef(), ref)) {
            AudienceRow old = existing.get();
            row = audiences.update(new AudienceRow(old.id(), workflow.id(), audience.kind(), ref, null, now));
            changes.add("workflow " + workflow.id() + ": audience now " + describe(audience));
        } else {
            row = existing.get();
        }
        syncEmails(workflow, row, audience, changes);
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
