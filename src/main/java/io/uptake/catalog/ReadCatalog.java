package io.uptake.catalog;

import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.catalog.CatalogViews.AudienceView;
import io.uptake.catalog.CatalogViews.CycleTimeView;
import io.uptake.catalog.CatalogViews.DigestView;
import io.uptake.catalog.CatalogViews.OutcomeView;
import io.uptake.catalog.CatalogViews.ProgrammeView;
import io.uptake.catalog.CatalogViews.PulseView;
import io.uptake.catalog.CatalogViews.ScheduleView;
import io.uptake.catalog.CatalogViews.StageView;
import io.uptake.catalog.CatalogViews.WaveView;
import io.uptake.catalog.CatalogViews.WorkflowView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the stored catalogue, retired parts included on request, for the admin API. */
@Singleton
public class ReadCatalog {

    private final CatalogRepositories.Programmes programmes;
    private final CatalogRepositories.Workflows workflows;
    private final CatalogRepositories.StageHistory history;
    private final CatalogRepositories.Outcomes outcomes;
    private final CatalogRepositories.Audiences audiences;
    private final CatalogRepositories.AudienceEmails emails;
    private final CatalogRepositories.Pulses pulses;
    private final CatalogRepositories.Digests digests;
    private final CatalogRepositories.Stakeholders stakeholders;
    private final Clock clock;

    ReadCatalog(CatalogRepositories.Programmes programmes, CatalogRepositories.Workflows workflows,
                CatalogRepositories.StageHistory history, CatalogRepositories.Outcomes outcomes,
                CatalogRepositories.Audiences audiences, CatalogRepositories.AudienceEmails emails,
                CatalogRepositories.Pulses pulses, CatalogRepositories.Digests digests,
                CatalogRepositories.Stakeholders stakeholders, Clock clock) {
        this.programmes = programmes;
        this.workflows = workflows;
        this.history = history;
        this.outcomes = outcomes;
        this.audiences = audiences;
        this.emails = emails;
        this.pulses = pulses;
        this.digests = digests;
        this.stakeholders = stakeholders;
        this.clock = clock;
    }

    @ReadOnly
    public List<ProgrammeView> programmes(boolean includeRetired) {
        return programmes.findAllOrderById().stream()
                .filter(p -> includeRetired || p.retiredAt() == null)
                .map(p -> programme(p, includeRetired))
                .toList();
    }

    @ReadOnly
    public Optional<ProgrammeView> programme(String id) {
        return programmes.findById(id).map(p -> programme(p, true));
    }

    @ReadOnly
    public Optional<WorkflowView> workflow(String id) {
        return workflows.findById(id).map(w -> view(w, true));
    }

    @ReadOnly
    public List<PulseView> pulses(boolean includeRetired) {
        return pulses.findAllOrderById().stream()
                .filter(p -> includeRetired || p.retiredAt() == null)
                .map(p -> new PulseView(p.id(), p.workflowId(), List.of(p.questions().split(",")), p.mode(),
                        schedule(p.scheduleDays(), p.scheduleAt(), p.scheduleZone() == null ? "recipient"
                                : p.scheduleZone()),
                        p.remindAfterMinutes(), p.reminders(), p.closeAfterMinutes(), p.retiredAt() != null))
                .toList();
    }

    @ReadOnly
    public List<DigestView> digests(boolean includeRetired) {
        return digests.findAllOrderByChannel().stream()
                .filter(d -> includeRetired || d.retiredAt() == null)
                .map(d -> new DigestView(d.channel(), List.of(d.programmes().split(",")),
                        schedule(d.scheduleDays(), d.scheduleAt(), d.scheduleZone()), d.retiredAt() != null))
                .toList();
    }

    private ProgrammeView programme(ProgrammeRow p, boolean includeRetired) {
        List<WorkflowView> flows = workflows.findByProgrammeIdOrderById(p.id()).stream()
                .filter(w -> includeRetired || w.retiredAt() == null)
                .map(w -> view(w, false))
                .toList();
        return new ProgrammeView(p.id(), p.name(), p.sponsorEmail(), p.retiredAt() != null, flows, p.ownerEmail(),
                stakeholders.findByProgrammeIdOrderByEmail(p.id()).stream().map(ProgrammeStakeholderRow::email)
                        .toList());
    }

    private WorkflowView view(WorkflowRow w, boolean withHistory) {
        List<AudienceRow> rows = audiences.findByWorkflowIdOrderByWave(w.id()).stream()
                .filter(a -> a.retiredAt() == null).toList();
        AudienceView audience = rows.stream().findFirst().map(this::audienceView)
                .orElse(new AudienceView("none", null, null));
        List<WaveView> waves = rows.size() < 2 ? null : rows.stream()
                .map(a -> new WaveView(a.wave(), audienceView(a), a.goLive(), a.targetTeamSize())).toList();
        OutcomeView outcome = outcomes.findById(w.id())
                .map(o -> new OutcomeView(o.metric(), o.unit(), o.direction(), Numbers.plain(o.baseline()),
                        Numbers.plain(o.target()), o.targetQuarter()))
                .orElse(null);
        CycleTimeView cycle = w.cycleTask() == null ? null
                : new CycleTimeView(w.cycleTask(), Numbers.plain(w.cycleBaselineMinutes()));
        List<StageView> stages = withHistory ? history.findByWorkflowIdOrderByIdAsc(w.id()).stream()
                .map(s -> new StageView(s.stage(), s.since(), s.source(), s.recordedAt())).toList() : null;
        long days = Math.max(0, ChronoUnit.DAYS.between(w.stageSince(), LocalDate.now(clock)));
        return new WorkflowView(w.id(), w.programmeId(), w.name(), w.ownerEmail(), w.stage(), w.stageSince(), days,
                w.targetTeamSize(), w.playUrl(), audience, outcome, cycle, w.retiredAt() != null, stages, waves);
    }

    private AudienceView audienceView(AudienceRow a) {
        return new AudienceView(a.kind(), a.sourceRef(), a.sourceRef() != null ? null
                : emails.findByAudienceIdOrderByEmail(a.id()).stream().map(AudienceEmailRow::email).toList());
    }

    private static ScheduleView schedule(String days, String at, String zone) {
        return new ScheduleView(Arrays.asList(days.split(",")), at, zone);
    }
}
