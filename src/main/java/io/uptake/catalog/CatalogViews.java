package io.uptake.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read models of the stored catalogue, as the admin API shows them. */
public final class CatalogViews {

    private CatalogViews() {
    }

    @Serdeable
    public record ProgrammeView(String id, String name, String sponsor, boolean retired,
                                List<WorkflowView> workflows, @Nullable String owner, List<String> stakeholders) {
    }

    @Serdeable
    public record WorkflowView(String id, String programme, String name, String owner, String stage,
                               LocalDate stageSince, long daysInStage, int targetTeamSize, @Nullable String play,
                               AudienceView audience, @Nullable OutcomeView outcome,
                               @Nullable CycleTimeView cycleTime, boolean retired,
                               @Nullable List<StageView> stageHistory, @Nullable List<WaveView> waves) {

        public WorkflowView(String id, String programme, String name, String owner, String stage,
                            LocalDate stageSince, long daysInStage, int targetTeamSize, @Nullable String play,
                            AudienceView audience, @Nullable OutcomeView outcome,
                            @Nullable CycleTimeView cycleTime, boolean retired,
                            @Nullable List<StageView> stageHistory) {
            this(id, programme, name, owner, stage, stageSince, daysInStage, targetTeamSize, play, audience, outcome,
                    cycleTime, retired, stageHistory, null);
        }
    }

    /** One rollout wave; shown only for a workflow rolled out in more than one. */
    @Serdeable
    public record WaveView(int wave, AudienceView audience, @Nullable LocalDate goLive, int targetTeamSize) {
    }

    @Serdeable
    public record AudienceView(String kind, @Nullable String source, @Nullable List<String> emails) {
    }

    @Serdeable
    public record OutcomeView(String metric, String unit, String direction, BigDecimal baseline, BigDecimal target,
                              String by) {
    }

    /** The targeted task and its typed baseline; null when the file types none (the baseline is then sampled). */
    @Serdeable
    public record CycleTimeView(String task, @Nullable BigDecimal baselineMinutes) {
    }

    @Serdeable
    public record StageView(String stage, LocalDate since, String source, Instant recordedAt) {
    }

    @Serdeable
    public record ScheduleView(List<String> days, String at, String zone) {
    }

    @Serdeable
    public record PulseView(String id, String workflow, List<String> questions, String mode, ScheduleView schedule,
                            int remindAfterMinutes, int reminders, int closeAfterMinutes, boolean retired) {
    }

    @Serdeable
    public record DigestView(String channel, List<String> programmes, ScheduleView schedule, boolean retired) {
    }

    @Serdeable
    public record CatalogStatusView(String status, @Nullable String source, @Nullable Instant loadedAt,
                                    @Nullable Instant attemptedAt, List<CatalogError> errors) {
    }
}
