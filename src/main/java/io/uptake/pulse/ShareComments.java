package io.uptake.pulse;

import io.micronaut.context.annotation.Value;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.WorkflowRow;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.message.CommentsShared;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a round closes, sends its comments to the workflow's owner and the programme's sponsor, one direct message
 * each under the key {@code comments:{round}:{person}}, in the same transaction as the closing. Nothing is sent
 * when fewer people than the free-text threshold answered, or when nobody wrote a comment. A reader who opted
 * out, paused or cannot be reached gets nothing; the dashboard page still shows them the comments.
 */
@Singleton
class ShareComments {

    private static final Logger LOG = LoggerFactory.getLogger(ShareComments.class);

    private final RoundComments comments;
    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final Outbox outbox;
    private final PulseSettings settings;
    private final SendTimes sendTimes;
    private final String publicUrl;

    ShareComments(RoundComments comments, CatalogLookup catalog, PersonRepository people,
                  ChatIdentityRepository identities, Outbox outbox, PulseSettings settings,
                  @Value("${uptake.public-url:}") String publicUrl) {
        this.comments = comments;
        this.catalog = catalog;
        this.people = people;
        this.identities = identities;
        this.outbox = outbox;
        this.settings = settings;
        this.sendTimes = new SendTimes(settings);
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** Shares a round just closed; returns how many messages were queued. */
    int closed(RoundRow round, WorkflowRow workflow, Instant now) {
        RoundComments.Round found = comments.of(round);
        if (found.written() == 0) {
            return 0;
        }
        if (!found.shown()) {
            LOG.info("Pulse {} round {} closed with comments kept but too few respondents: not shared",
                    round.pulseId(), round.id());
            return 0;
        }
        int queued = 0;
        for (Map.Entry<PersonRow, String> reader : readers(workflow).entrySet()) {
            PersonRow person = reader.getKey();
            Optional<ChatIdentityRow> identity = Reachability.askable(person, now)
                    ? Reachability.identity(identities.findByPersonIdOrderById(person.id()), Platform.SLACK)
                    : Optional.empty();
            if (identity.isEmpty()) {
                LOG.info("Comments of round {} not sent to its {} {}: opted out, paused or not reachable",
                        round.id(), reader.getValue(), person.id());
                continue;
            }
            CommentsShared message = new CommentsShared(workflow.id(), workflow.name(), round.period(),
                    found.respondents(), reader.getValue(), found.groups(),
                    publicUrl.isEmpty() ? null : publicUrl + "/workflows/" + workflow.id() + "/comments");
            Instant from = sendTimes.allowedFrom(now, Reachability.zone(person, settings.defaultZone()));
            if (outbox.enqueue(new NewMessage(key(round.id(), person.id()), identity.get().platform(),
                    identity.get().tenantId(), identity.get().directAddress(), person.id(), message, from, null,
                    null, round.id()))) {
                queued++;
            }
        }
        LOG.info("Pulse {} round {} closed: comments sent to {} readers", round.pulseId(), round.id(), queued);
        return queued;
    }

    static String key(long roundId, long personId) {
        return "comments:" + roundId + ":" + personId;
    }

    /** The owner and the sponsor, each once, with what makes them a reader. */
    private Map<PersonRow, String> readers(WorkflowRow workflow) {
        Map<Long, PersonRow> byId = new LinkedHashMap<>();
        Map<Long, String> roles = new LinkedHashMap<>();
        person(workflow.ownerPersonId(), workflow.ownerEmail()).ifPresent(p -> {
            byId.put(p.id(), p);
            roles.put(p.id(), "owner");
        });
        catalog.programme(workflow.programmeId()).flatMap(p -> person(p.sponsorPersonId(), p.sponsorEmail()))
                .ifPresent(p -> {
                    byId.put(p.id(), p);
                    roles.merge(p.id(), "sponsor", (a, b) -> "owner and sponsor");
                });
        Map<PersonRow, String> readers = new LinkedHashMap<>();
        byId.forEach((id, p) -> readers.put(p, roles.get(id)));
        return readers;
    }

    private Optional<PersonRow> person(Long id, String email) {
        Optional<PersonRow> byId = id == null ? Optional.empty() : people.findById(id);
        return byId.isPresent() ? byId : people.findByEmail(email.strip().toLowerCase(Locale.ROOT));
    }
}
