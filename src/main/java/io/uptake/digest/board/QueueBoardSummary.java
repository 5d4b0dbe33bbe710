package io.uptake.digest.board;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.digest.ChartImages;
import io.uptake.message.BoardSummary;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.ChatIdentityRow;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import io.uptake.people.Reachability;
import io.uptake.platform.Platform;
import io.uptake.pulse.PulseSettings;
import io.uptake.pulse.SendTimes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a board summary's page and queues it to each recipient in one short transaction: the page, the
 * {@code board_summary_run} claims and the outbox rows (key {@code board:{programme}:{quarter}:{person}}) are written
 * together or not at all, so a recipient whose claim is already taken gets nothing more. Messages follow the rules
 * every message to a person follows: never to someone who opted out, paused or cannot be reached, on their Slack
 * account before a Teams one, and never in their quiet hours or weekend.
 */
@Singleton
class QueueBoardSummary {

    /** A summary not delivered within this is no longer worth sending: the next quarter's work has begun. */
    static final Duration STALE_AFTER = Duration.ofDays(14);

    /** Someone who may be messaged, as which role ("owner", "sponsor" or "owner and sponsor"). */
    record Recipient(String email, String role, PersonRow person, ChatIdentityRow identity, ZoneId zone) {
    }

    /** The short message that goes with the page: its headline and lines. */
    record Message(String headline, List<String> lines) {
    }

    record Request(String programmeId, String quarter, BoardPage page, byte[] png, Message message,
                   List<Recipient> recipients, Instant now) {
    }

    private final PersonRepository people;
    private final ChatIdentityRepository identities;
    private final PulseSettings pulseSettings;
    private final SendTimes sendTimes;
    private final ChartImages charts;
    private final BoardRuns runs;
    private final Outbox outbox;
    private final String publicUrl;

    QueueBoardSummary(PersonRepository people, ChatIdentityRepository identities, PulseSettings pulseSettings,
                      ChartImages charts, BoardRuns runs, Outbox outbox,
                      @Value("${uptake.public-url:}") String publicUrl) {
        this.people = people;
        this.identities = identities;
        this.pulseSettings = pulseSettings;
        this.sendTimes = new SendTimes(pulseSettings);
        this.charts = charts;
        this.runs = runs;
        this.outbox = outbox;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The person behind an email, when they may be messaged now. */
    @ReadOnly
    Optional<Recipient> reach(String email, String role, Instant now) {
        return people.findByEmail(email).filter(p -> Reachability.askable(p, now)).flatMap(p ->
                Reachability.identity(identities.findByPersonIdOrderById(p.id()), Platform.SLACK)
                        .map(i -> new Recipient(email, role, p, i, Reachability.zone(p, pulseSettings.defaultZone()))));
    }

    /** Queues the summary to each recipient not yet served; returns how many were queued. */
    @Transactional
    int queue(Request r) {
        String token = charts.store(r.png(), null);
        String imageUrl = publicUrl.isBlank() ? null : publicUrl + "/charts/" + token + ".png";
        int queued = 0;
        for (Recipient recipient : r.recipients()) {
            if (!runs.claim(r.programmeId(), r.quarter(), recipient.email(), recipient.role(), token, r.now())) {
                continue;
            }
            List<String> lines = new ArrayList<>(r.message().lines());
            lines.add("You get this as the programme's " + recipient.role() + ", once a quarter.");
            BoardSummary message = new BoardSummary(r.programmeId(), r.message().headline(), lines, r.quarter(),
                    token, imageUrl, "board-summary-" + r.programmeId() + "-" + r.quarter() + ".png");
            Instant from = sendTimes.allowedFrom(r.now(), recipient.zone());
            outbox.enqueue(new NewMessage("board:" + r.programmeId() + ":" + r.quarter() + ":"
                    + recipient.person().id(), recipient.identity().platform(), recipient.identity().tenantId(),
                    recipient.identity().directAddress(), recipient.person().id(), message, from,
                    from.plus(STALE_AFTER), null, null));
            queued++;
        }
        return queued;
    }
}
