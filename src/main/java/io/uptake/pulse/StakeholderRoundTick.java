package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.delivery.MessageAddress;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseReminder;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.StakeholderFigures;
import io.uptake.metrics.StakeholderPulse;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves open stakeholder rounds on: one reminder to those who have not answered once {@code remind-after} has
 * passed, and at {@code close-after} closes the round, marks each message closed and sends the programme's
 * accountable owner a summary thresholded like every other figure. Runs with every {@link CloseRounds} run (each
 * minute) and with the stakeholder pulse's own daily job.
 */
@Singleton
public class StakeholderRoundTick {

    private static final Logger LOG = LoggerFactory.getLogger(StakeholderRoundTick.class);

    private final StakeholderRepositories.Rounds rounds;
    private final StakeholderRepositories.Deliveries deliveries;
    private final StakeholderRepositories.Answers answers;
    private final StakeholderCards cards;
    private final StakeholderFigures figures;
    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final Outbox outbox;
    private final StakeholderSettings settings;
    private final int minFreeText;
    private final Clock clock;

    StakeholderRoundTick(StakeholderRepositories.Rounds rounds, StakeholderRepositories.Deliveries deliveries,
                         StakeholderRepositories.Answers answers, StakeholderCards cards, StakeholderFigures figures,
                         CatalogLookup catalog, PersonRepository people, ChatIdentityRepository identities,
                         Outbox outbox, StakeholderSettings settings, MetricsSettings metrics, Clock clock) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.answers = answers;
        this.cards = cards;
        this.figures = figures;
        this.catalog = catalog;
        this.people = people;
        this.identities = identities;
        this.outbox = outbox;
        this.settings = settings;
        this.minFreeText = metrics.minFreeText();
        this.clock = clock;
    }

    /** Sends due reminders and closes due rounds; returns how many rounds closed. */
    @Transactional
    public int run() {
        Instant now = PulseRepositories.millis(clock.instant());
        int closed = 0;
        for (StakeholderRoundRow round : rounds.findUnclosed()) {
            if (now.isBefore(round.closesAt())) {
                if (!now.isBefore(round.openedAt().plus(settings.remindAfter()))) {
                    remind(round, now);
                }
                continue;
            }
            close(round, now);
            closed++;
        }
        return closed;
    }

    private void remind(StakeholderRoundRow round, Instant now) {
        PulseCard card = null;
        for (StakeholderDeliveryRow delivery : deliveries.findByRoundIdOrderById(round.id())) {
            if (delivery.answered() || delivery.remindersSent() > 0) {
                continue;
            }
            Optional<MessageAddress> original = original(round, delivery);
            if (original.isEmpty()) {
                continue;
            }
            card = card != null ? card : cards.blank(round);
            MessageAddress o = original.get();
            outbox.enqueue(new NewMessage("stakeholders-reminder:" + round.id() + ":" + delivery.personId(),
                    o.platform(), o.tenantId(), o.recipient(), delivery.personId(), new PulseReminder(card, 1), now,
                    round.closesAt(), null, null));
            deliveries.update(delivery.withReminder());
        }
    }

    private void close(StakeholderRoundRow round, Instant now) {
        StakeholderRoundRow done = round.closed(now);
        rounds.update(done);
        PulseCard card = cards.blank(done);
        List<StakeholderDeliveryRow> asked = deliveries.findByRoundIdOrderById(round.id());
        int answered = 0;
        for (StakeholderDeliveryRow delivery : asked) {
            answered += delivery.answered() ? 1 : 0;
            Optional<MessageAddress> original = original(round, delivery);
            if (original.isPresent()) {
                MessageAddress o = original.get();
                outbox.enqueue(new NewMessage("closed:" + o.id(), o.platform(), o.tenantId(), o.recipient(),
                        delivery.personId(), new PulseClosed(StakeholderCards.withAnswers(card, mine(delivery)),
                        delivery.answered()), now, null, o.id(), null));
            }
        }
        StakeholderPulse pulse = figures.of(counts(done, asked, answered));
        tellOwners(done, pulse, now);
        LOG.info("Stakeholder round {} of {} for {} closed: {} of {} answered", round.id(), round.programmeId(),
                round.quarter(), answered, asked.size());
    }

    private StakeholderFigures.Counts counts(StakeholderRoundRow round, List<StakeholderDeliveryRow> asked,
                                             int answered) {
        int confident = 0;
        int confidenceN = 0;
        int fundYes = 0;
        int fundN = 0;
        List<String> texts = new ArrayList<>();
        for (StakeholderAnswerRow a : answers.findByRoundId(round.id())) {
            if (StakeholderCards.CONFIDENCE.equals(a.question()) && a.valueInt() != null) {
                confidenceN++;
                confident += a.valueInt() >= 4 ? 1 : 0;
            } else if (StakeholderCards.FUND.equals(a.question()) && a.valueInt() != null) {
                fundN++;
                fundYes += a.valueInt() == StakeholderCards.FUND_YES ? 1 : 0;
            } else if (StakeholderCards.CHANGE_MIND.equals(a.question()) && a.shownText() != null
                    && !a.shownText().isBlank()) {
                texts.add(a.shownText());
            }
        }
        texts.sort(String::compareTo);
        return new StakeholderFigures.Counts(round.quarter(), true, asked.size(), answered, confident, confidenceN,
                fundYes, fundN, texts);
    }

    private void tellOwners(StakeholderRoundRow round, StakeholderPulse pulse, Instant now) {
        ProgrammeRow programme = catalog.programme(round.programmeId()).orElseThrow();
        List<String> reasons = new ArrayList<>();
        reasons.add(StakeholderFigures.summary(pulse, figures.minRespondents()));
        if (!pulse.changeMind().isEmpty()) {
            pulse.changeMind().forEach(text -> reasons.add("What would change a mind: “" + text + "”"));
        } else if (pulse.answered() > 0) {
            reasons.add("What would change their minds is shown once at least " + minFreeText
                    + " people answer");
        }
        OwnerAlert alert = new OwnerAlert(programme.name() + " stakeholder pulse", round.quarter(), reasons);
        List<String> owners = catalog.programmeOwners(programme.id());
        for (PersonRow owner : owners.isEmpty() ? List.<PersonRow>of() : people.findByEmailInList(owners)) {
            Optional<ChatIdentityRow> identity = Reachability.identity(identities.findByPersonIdInList(
                    List.of(owner.id())), Platform.SLACK);
            if (owner.erasedAt() != null || identity.isEmpty()) {
                LOG.info("Stakeholder summary of round {} not sent to an owner of {}: not reachable", round.id(),
                        programme.id());
                continue;
            }
            outbox.enqueue(new NewMessage("stakeholders-summary:" + round.id() + ":" + owner.id(),
                    identity.get().platform(), identity.get().tenantId(), identity.get().directAddress(), owner.id(),
                    alert, now, null, null, null));
        }
    }

    private Optional<MessageAddress> original(StakeholderRoundRow round, StakeholderDeliveryRow delivery) {
        return outbox.find(OpenStakeholderRounds.question(round.id(), delivery.personId())).map(OutboxRow::address);
    }

    private Map<String, String> mine(StakeholderDeliveryRow delivery) {
        Map<String, String> values = new HashMap<>();
        answers.findByDeliveryId(delivery.id())
                .forEach(a -> values.put(a.question(), RecordStakeholderAnswer.shown(a)));
        return values;
    }
}
