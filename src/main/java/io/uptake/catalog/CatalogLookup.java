package io.uptake.catalog;

import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What other features read from the stored catalogue: pulses, workflows and where audiences come from. */
@Singleton
public class CatalogLookup {

    /**
     * Where a workflow's target team comes from.
     *
     * @param audienceId the stored audience, whose members the platform syncs fill in
     * @param workflowId the workflow whose target team it is
     * @param emails     for an {@code emails:} audience, the listed addresses; empty otherwise
     * @param wave       the rollout wave it is (1 for a workflow's single audience)
     * @param goLive     the wave's go-live day; empty: live with the workflow
     */
    public record AudienceSource(long audienceId, String workflowId, String kind, String sourceRef,
                                 List<String> emails, int wave, Optional<LocalDate> goLive) {

        public AudienceSource(long audienceId, String workflowId, String kind, String sourceRef,
                              List<String> emails) {
            this(audienceId, workflowId, kind, sourceRef, emails, 1, Optional.empty());
        }

        /** True when the wave is live on {@code day}: no go-live date, or one on or before the day. */
        public boolean liveOn(LocalDate day) {
            return goLive.map(date -> !date.isAfter(day)).orElse(true);
        }

        public boolean byEmail() {
            return "emails".equals(kind);
        }

        /** The platform this audience lives on, if it lives on one: the first word of its kind (slack-channel). */
        public Optional<Platform> platform() {
            int dash = kind.indexOf('-');
            return dash < 0 ? Optional.empty() : Platform.find(kind.substring(0, dash));
        }
    }

    private final CatalogRepositories.Programmes programmes;
    private final CatalogRepositories.Pulses pulses;
    private final CatalogRepositories.Workflows workflows;
    private final CatalogRepositories.Audiences audiences;
    private final CatalogRepositories.AudienceEmails emails;
    private final CatalogRepositories.Digests digests;
    private final CatalogRepositories.Stakeholders stakeholders;
    private final CatalogRepositories.Outcomes outcomes;

    CatalogLookup(CatalogRepositories.Programmes programmes, CatalogRepositories.Pulses pulses,
                  CatalogRepositories.Workflows workflows,
                  CatalogRepositories.Audiences audiences, CatalogRepositories.AudienceEmails emails,
                  CatalogRepositories.Digests digests, CatalogRepositories.Stakeholders stakeholders,
                  CatalogRepositories.Outcomes outcomes) {
        this.programmes = programmes;
        this.pulses = pulses;
        this.workflows = workflows;
        this.audiences = audiences;
        this.emails = emails;
        this.digests = digests;
        this.stakeholders = stakeholders;
        this.outcomes = outcomes;
    }

    /** The outcome a programme sets out to change, when its active workflows name exactly one. */
    @ReadOnly
    public Optional<String> programmeOutcome(String programmeId) {
        List<String> metrics = workflows.findByProgrammeIdOrderById(programmeId).stream()
                .filter(w -> w.retiredAt() == null).map(w -> outcomes.findById(w.id())).flatMap(Optional::stream)
                .map(OutcomeRow::metric).distinct().toList();
        return metrics.size() == 1 ? Optional.of(metrics.get(0)) : Optional.empty();
    }

    /** The programmes still in the programmes file. */
    @ReadOnly
    public List<ProgrammeRow> activeProgrammes() {
        return programmes.findAllOrderById().stream().filter(p -> p.retiredAt() == null).toList();
    }

    /** Who a programme's stakeholder pulse asks: its sponsor first, then its named stakeholders, each once. */
    @ReadOnly
    public List<String> stakeholderEmails(String programmeId) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        programmes.findById(programmeId).ifPresent(p -> all.add(p.sponsorEmail()));
        stakeholders.findByProgrammeIdOrderByEmail(programmeId).forEach(s -> all.add(s.email()));
        return List.copyOf(all);
    }

    /**
     * Who is accountable for a programme: its owner when the file names one, else the owners of its active
     * workflows.
     */
    @ReadOnly
    public List<String> programmeOwners(String programmeId) {
        Optional<String> owner = programmes.findById(programmeId).map(ProgrammeRow::ownerEmail);
        if (owner.isPresent()) {
            return List.of(owner.get());
        }
        return workflows.findByProgrammeIdOrderById(programmeId).stream().filter(w -> w.retiredAt() == null)
                .map(WorkflowRow::ownerEmail).distinct().toList();
    }

    @ReadOnly
    public Optional<ProgrammeRow> programme(String id) {
        return programmes.findById(id);
    }

    /** The digest subscriptions still in the programmes file. */
    @ReadOnly
    public List<DigestSubscriptionRow> activeDigests() {
        return digests.findAllOrderByChannel().stream().filter(d -> d.retiredAt() == null).toList();
    }

    @ReadOnly
    public Optional<DigestSubscriptionRow> digest(long id) {
        return digests.findById(id);
    }

    @ReadOnly
    public Optional<PulseRow> pulse(String id) {
        return pulses.findById(id);
    }

    @ReadOnly
    public List<PulseRow> activePulses() {
        return pulses.findAllOrderById().stream().filter(p -> p.retiredAt() == null).toList();
    }

    @ReadOnly
    public Optional<WorkflowRow> workflow(String id) {
        return workflows.findById(id);
    }

    /** The audiences of every active workflow, every wave of its rollout (live or not yet). */
    @ReadOnly
    public List<AudienceSource> activeAudiences() {
        return workflows.findAllOrderById().stream().filter(w -> w.retiredAt() == null)
                .flatMap(w -> waves(w.id()).stream()).toList();
    }

    /** Every address the catalogue names: owners, sponsors and email audiences, to be found on a platform. */
    @ReadOnly
    public java.util.Set<String> namedEmails() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        programmes.findAllOrderById().stream().filter(p -> p.retiredAt() == null)
                .forEach(p -> {
                    all.add(p.sponsorEmail());
                    if (p.ownerEmail() != null) {
                        all.add(p.ownerEmail());
                    }
                    stakeholders.findByProgrammeIdOrderByEmail(p.id()).forEach(s -> all.add(s.email()));
                });
        workflows.findAllOrderById().stream().filter(w -> w.retiredAt() == null).forEach(w -> {
            all.add(w.ownerEmail());
            waves(w.id()).forEach(a -> all.addAll(a.emails()));
        });
        return all;
    }

    /** A workflow's first audience: its single audience, or wave 1 of its rollout. */
    @ReadOnly
    public Optional<AudienceSource> audience(String workflowId) {
        return waves(workflowId).stream().findFirst();
    }

    /** A workflow's audiences, one a rollout wave (one for a single audience), first wave first. */
    @ReadOnly
    public List<AudienceSource> waves(String workflowId) {
        return audiences.findByWorkflowIdOrderByWave(workflowId).stream().filter(a -> a.retiredAt() == null)
                .map(a -> new AudienceSource(a.id(), a.workflowId(), a.kind(), a.sourceRef(),
                        emails.findByAudienceIdOrderByEmail(a.id()).stream().map(AudienceEmailRow::email).toList(),
                        a.wave(), Optional.ofNullable(a.goLive())))
                .toList();
    }
}
