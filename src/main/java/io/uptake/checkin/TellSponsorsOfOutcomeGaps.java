package io.uptake.checkin;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CheckinLookup;
import io.uptake.catalog.CheckinLookup.Accountable;
import io.uptake.catalog.Quarter;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.OutcomeGapAlert;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.OutcomeGapSettings;
import io.uptake.metrics.OutcomeGapWording;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.WorkflowScore;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a programme's sponsor when a workflow's claimed outcome value and the measured one lie further apart than
 * the set share ({@link OutcomeGapSettings}): one direct message per workflow and quarter, when the gap is first
 * flagged, under the key {@code outcome-gap:{workflow}:{quarter}} and recorded as an {@code outcome_gap} nudge to
 * the sponsor. It reads the week running now, so the latest check-in and the latest measured value are compared.
 * A sponsor who opted out, paused or cannot be reached is not messaged; the scorecard and digest flag it anyway.
 */
@Singleton
public class TellSponsorsOfOutcomeGaps {

    static final String KIND = "outcome_gap";
    private static final Logger LOG = LoggerFactory.getLogger(TellSponsorsOfOutcomeGaps.class);

    private final ScorecardSource scorecards;
    private final CheckinLookup catalog;
    private final CheckinRepositories.Nudges nudges;
    private final Owners owners;
    private final Reach reach;
    private final Outbox outbox;
    private final OutcomeGapSettings settings;
    private final DataSource dataSource;
    private final Clock clock;

    TellSponsorsOfOutcomeGaps(ScorecardSource scorecards, CheckinLookup catalog, CheckinRepositories.Nudges nudges,
                              Owners owners, Reach reach, Outbox outbox, OutcomeGapSettings settings,
                              DataSource dataSource, Clock clock) {
        this.scorecards = scorecards;
        this.catalog = catalog;
        this.nudges = nudges;
        this.owners = owners;
        this.reach = reach;
        this.outbox = outbox;
        this.settings = settings;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Looks at every programme with a workflow that has measured values; returns how many sponsors were told.
     * Programmes without any are not scored, so the check costs nothing where no values are posted.
     */
    @Transactional
    public int run() {
        List<String> programmes = programmesWithValues();
        return programmes.isEmpty() ? 0 : tell(programmes, null);
    }

    /** Looks at one workflow's programme only: after its values were posted. Whether its sponsor was told. */
    @Transactional
    public boolean forWorkflow(String workflowId) {
        Optional<Accountable> accountable = catalog.accountable(workflowId);
        return accountable.isPresent()
                && tell(List.of(accountable.get().programme().id()), workflowId) > 0;
    }

    private int tell(List<String> programmeIds, String onlyWorkflow) {
        Instant now = CheckinRepositories.millis(clock.instant());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String quarter = Quarter.of(today).toString();
        int told = 0;
        for (ProgrammeScore programme : scorecards.forWeek(IsoWeek.monday(today), programmeIds).programmes()) {
            for (WorkflowScore w : programme.workflows()) {
                OutcomeProgress o = w.outcome();
                if (o == null || !o.gapFlagged() || (onlyWorkflow != null && !onlyWorkflow.equals(w.workflowId()))) {
                    continue;
                }
                if (tellSponsor(w, o, quarter, now)) {
                    told++;
                }
            }
        }
        return told;
    }

    private boolean tellSponsor(WorkflowScore w, OutcomeProgress o, String quarter, Instant now) {
        Optional<Accountable> accountable = catalog.accountable(w.workflowId());
        if (accountable.isEmpty()) {
            return false;
        }
        String key = key(w.workflowId(), quarter);
        if (nudges.existsByDedupeKey(key)) {
            return false;
        }
        Optional<Reach.Target> sponsor = reach.of(accountable.get().programme().sponsorPersonId(), now);
        if (sponsor.isEmpty()) {
            LOG.info("Outcome gap of workflow {} flagged; sponsor not messaged (unknown, opted out or unreachable)",
                    w.workflowId());
            return false;
        }
        Reach.Target target = sponsor.get();
        Instant sendFrom = reach.allowedFrom(target, now);
        nudges.lockPerson(target.person().id());
        if (nudges.insertIfAbsent(target.person().id(), KIND, w.workflowId(), key, sendFrom) == 0) {
            return false;
        }
        String apart = o.gapPercent() == null ? "the measured value is 0"
                : OutcomeGapWording.number(BigDecimal.valueOf(Math.abs(o.gapPercent()))) + "%";
        outbox.enqueue(new NewMessage(key, target.platform(), target.identity().tenantId(),
                target.identity().directAddress(), target.person().id(),
                new OutcomeGapAlert(w.workflowId(), accountable.get().workflow().name(),
                        accountable.get().programme().name(), owners.name(accountable.get().workflow()),
                        o.metric() + (o.unit() == null || o.unit().isBlank() ? "" : " (" + o.unit() + ")"),
                        OutcomeGapWording.claimedVsMeasured(o), apart,
                        OutcomeGapWording.number(settings.percent()) + "%", quarter),
                sendFrom, null, null, null));
        LOG.info("Outcome gap of workflow {} flagged in {}; sponsor {} told", w.workflowId(), quarter,
                target.person().id());
        return true;
    }

    private List<String> programmesWithValues() {
        List<String> ids = new ArrayList<>();
        String sql = "SELECT DISTINCT w.programme_id FROM read_workflow w "
                + "WHERE w.id IN (SELECT workflow_id FROM outcome_value)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read which workflows have measured outcome values", e);
        }
        return ids;
    }

    static String key(String workflowId, String quarter) {
        return "outcome-gap:" + workflowId + ":" + quarter;
    }
}
