package io.uptake.pulse;

import io.micronaut.transaction.annotation.Transactional;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.catalog.Quarter;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseQuestion;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens each programme's stakeholder pulse once a quarter: a question, in the outbox, to its sponsor and each
 * named stakeholder, found by email on whichever platform knows them. It runs on the quarter's first weekday at the
 * set time and on any later run in the quarter, so a programme first seen mid-quarter is asked once that quarter;
 * a programme whose round is open or done for the quarter is left alone.
 */
@Singleton
public class OpenStakeholderRounds {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStakeholderRounds.class);

    /** A round opened by a run. */
    public record Opened(String programmeId, String quarter, long roundId, int asked, int passedOver) {
    }

    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final StakeholderRepositories.Rounds rounds;
    private final StakeholderRepositories.Deliveries deliveries;
    private final StakeholderCards cards;
    private final Outbox outbox;
    private final StakeholderSettings settings;
    private final Clock clock;

    OpenStakeholderRounds(CatalogLookup catalog, PersonRepository people, ChatIdentityRepository identities,
                          StakeholderRepositories.Rounds rounds, StakeholderRepositories.Deliveries deliveries,
                          StakeholderCards cards, Outbox outbox, StakeholderSettings settings, Clock clock) {
        this.catalog = catalog;
        this.people = people;
        this.identities = identities;
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.cards = cards;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens the quarter's round of every programme that has none yet, if the time has come; returns them. */
    @Transactional
    public List<Opened> run() {
        Instant now = PulseRepositories.millis(clock.instant());
        ZonedDateTime local = now.atZone(settings.zone());
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || local.toLocalTime().isBefore(settings.at())) {
            return List.of();
        }
        String quarter = Quarter.of(local.toLocalDate()).toString();
        List<Opened> opened = new ArrayList<>();
        for (ProgrammeRow programme : catalog.activeProgrammes()) {
            if (rounds.findByProgrammeIdAndQuarter(programme.id(), quarter).isEmpty()) {
                open(programme, quarter, now).ifPresent(opened::add);
            }
        }
        return opened;
    }

    private Optional<Opened> open(ProgrammeRow programme, String quarter, Instant now) {
        List<String> emails = catalog.stakeholderEmails(programme.id());
        List<PersonRow> found = emails.isEmpty() ? List.of() : people.findByEmailInList(emails);
        Map<Long, List<ChatIdentityRow>> byPerson = found.isEmpty() ? Map.of()
                : identities.findByPersonIdInList(found.stream().map(PersonRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ChatIdentityRow::personId));
        List<Asked> asked = new ArrayList<>();
        for (PersonRow person : found) {
            Optional<ChatIdentityRow> identity = Reachability.identity(byPerson.getOrDefault(person.id(), List.of()),
                    Platform.SLACK);
            if (Reachability.askable(person, now) && identity.isPresent()) {
                asked.add(new Asked(person.id(), identity.get()));
            }
        }
        if (asked.isEmpty()) {
            LOG.info("Stakeholder pulse of {} for {} not opened yet: none of its {} people can be reached",
                    programme.id(), quarter, emails.size());
            return Optional.empty();
        }
        Instant closesAt = now.plus(settings.closeAfter());
        if (rounds.insertIfAbsent(programme.id(), quarter, now, closesAt) == 0) {
            return Optional.empty();
        }
        StakeholderRoundRow round = rounds.findByProgrammeIdAndQuarter(programme.id(), quarter).orElseThrow();
        PulseCard card = cards.blank(round);
        for (Asked a : asked) {
            deliveries.save(new StakeholderDeliveryRow(null, round.id(), a.personId(), a.identity().platform(), now,
                    false, 0));
            outbox.enqueue(new NewMessage(question(round.id(), a.personId()), a.identity().platform(),
                    a.identity().tenantId(), a.identity().directAddress(), a.personId(), new PulseQuestion(card), now,
                    closesAt, null, null));
        }
        int passedOver = emails.size() - asked.size();
        LOG.info("Stakeholder pulse of {} for {} opened as round {}: {} asked, {} passed over", programme.id(),
                quarter, round.id(), asked.size(), passedOver);
        return Optional.of(new Opened(programme.id(), quarter, round.id(), asked.size(), passedOver));
    }

    /** The dedupe key of a stakeholder's question, by which later edits find the message. */
    static String question(long roundId, long personId) {
        return "stakeholders:" + roundId + ":" + personId;
    }

    private record Asked(long personId, ChatIdentityRow identity) {
    }
}
