package io.uptake.nudge;

import io.uptake.message.OwnerAlert;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.ScorecardSource;
import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.WorkflowScore;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each workflow's owner when its last complete week calls for a look (see {@link OwnerAlertRule}): one
 * message per workflow and week holding every reason, under the key {@code nudge:owner:{workflow}:{week}}, so an
 * owner is not sent two alerts about one week (the weekly cap would hold the second anyway).
 */
@Singleton
public class AlertOwners {

    static final String KIND = "owner_alert";
    private static final Logger LOG = LoggerFactory.getLogger(AlertOwners.class);

    private final ScorecardSource scorecards;
    private final PersonRepository people;
    private final SendNudge sendNudge;
    private final MetricsSettings settings;
    private final Clock clock;

    AlertOwners(ScorecardSource scorecards, PersonRepository people, SendNudge sendNudge, MetricsSettings settings,
                Clock clock) {
        this.scorecards = scorecards;
        this.settings = settings;
        this.people = people;
        this.sendNudge = sendNudge;
        this.clock = clock;
    }

    /** Scores the last complete ISO week (UTC) and alerts owners; returns how many alerts were queued. */
    public int lastWeek() {
        return alert(scorecards.forWeek(IsoWeek.lastComplete(clock), List.of()));
    }

    int alert(Scorecard scorecard) {
        int queued = 0;
        for (ProgrammeScore programme : scorecard.programmes()) {
            for (WorkflowScore score : programme.workflows()) {
                List<String> reasons = OwnerAlertRule.reasons(score, settings);
                if (reasons.isEmpty()) {
                    continue;
                }
                Optional<PersonRow> owner = people.findByEmail(score.ownerEmail().toLowerCase(Locale.ROOT));
                if (owner.isEmpty()) {
                    LOG.info("Owner alert for workflow {} in {} not sent: the owner is not known to Uptake yet",
                            score.workflowId(), scorecard.week());
                    continue;
                }
                String key = "nudge:owner:" + score.workflowId() + ":" + scorecard.week();
                if (sendNudge.send(new SendNudge.Nudge(KIND, owner.get().id(), score.workflowId(), key,
                        new OwnerAlert(score.name(), scorecard.week(), reasons))) instanceof SendNudge.Result.Queued) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
