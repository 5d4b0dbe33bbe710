package io.uptake.nudge;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.PlayNudge;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.pulse.NeverAnswers;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule "never twice": someone who answered "never" to a workflow's usage question in two rounds running gets the
 * workflow's play and its owner's name. Looks at rounds closed in the last week, so a nudge held by the weekly
 * cap or a pause is tried again on later runs until that week has passed; the dedupe key
 * {@code nudge:never:{workflow}:{person}:{round}} sends each one once.
 */
@Singleton
public class NudgeNeverUsers {

    static final String KIND = "play";
    static final Duration LOOK_BACK = Duration.ofDays(7);

    private final NeverAnswers neverAnswers;
    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final SendNudge sendNudge;
    private final Clock clock;

    NudgeNeverUsers(NeverAnswers neverAnswers, CatalogLookup catalog, PersonRepository people, SendNudge sendNudge,
                    Clock clock) {
        this.neverAnswers = neverAnswers;
        this.catalog = catalog;
        this.people = people;
        this.sendNudge = sendNudge;
        this.clock = clock;
    }

    /** Returns how many nudges were queued. */
    public int run() {
        int queued = 0;
        for (NeverAnswers.NeverTwice found : neverAnswers.closedSince(clock.instant().minus(LOOK_BACK))) {
            Optional<WorkflowRow> workflow = catalog.workflow(found.workflowId()).filter(w -> w.retiredAt() == null);
            if (workflow.isEmpty()) {
                continue;
            }
            PlayNudge message = new PlayNudge(workflow.get().name(), workflow.get().playUrl(),
                    owner(workflow.get()));
            for (long person : found.personIds()) {
                String key = "nudge:never:" + found.workflowId() + ":" + person + ":" + found.roundId();
                if (sendNudge.send(new SendNudge.Nudge(KIND, person, found.workflowId(), key, message))
                        instanceof SendNudge.Result.Queued) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private String owner(WorkflowRow workflow) {
        Optional<PersonRow> owner = Optional.ofNullable(workflow.ownerPersonId()).flatMap(people::findById)
                .or(() -> people.findByEmail(workflow.ownerEmail().toLowerCase(Locale.ROOT)));
        return owner.map(PersonRow::displayName).filter(n -> !n.isBlank()).orElse(workflow.ownerEmail());
    }
}
