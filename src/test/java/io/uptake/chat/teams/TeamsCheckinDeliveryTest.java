package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.checkin.CheckinWorld;
import io.uptake.checkin.EscalateMissedCheckins;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.OutboxRepository;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check-in messages through the real Teams gateway to the fake Bot Connector: the owner's form card in their
 * personal chat, and the sponsor's missed check-in card a week later.
 */
@MicronautTest(transactional = false)
class TeamsCheckinDeliveryTest extends TeamsTestContext {

    static final String TENANT = "tenant-checkin-delivery";

    @Inject
    ApplicationContext context;
    @Inject
    LinkIdentity identities;
    @Inject
    OpenCheckinCycles openCycles;
    @Inject
    EscalateMissedCheckins escalate;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MutableClock clock;
    @Inject
    OutboxRepository outbox;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("uptake.teams.test.real-gateway", "true");
        return properties;
    }

    @Test
    void theOwnerGetsTheFormCardAndTheSponsorHearsAfterAWeek() {
        CheckinWorld.in(context).workflow("wf-td", "tina@example.com").declare();
        chatWith("29:tina", "tina@example.com");
        chatWith("29:carla", CheckinWorld.SPONSOR);
        connector.reset();

        openCycles.run();
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        dispatcher.dispatchDue();

        assertThat(connector.posted()).singleElement().satisfies(card -> {
            assertThat(card.path()).startsWith("/v3/conversations/a:chat-29:tina/activities");
            assertThat(card.card().findValuesAsText("id")).contains("checkin.value", "checkin.status");
        });

        clock.set(MutableClock.START.plus(Duration.ofDays(7)));
        assertThat(escalate.run()).isEqualTo(1);
        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        dispatcher.dispatchDue();

        assertThat(connector.posted()).hasSize(2).last().satisfies(card -> {
            assertThat(card.path()).startsWith("/v3/conversations/a:chat-29:carla/activities");
            assertThat(card.card().path("body").path(0).path("text").asText())
                    .isEqualTo("Missed check-in: Workflow wf-td");
            assertThat(card.card().toString()).contains("tina@example.com", "7 days after it opened");
        });
        // The sponsor's message names the owner: once sent, no stored copy of it is kept.
        assertThat(outbox.findAll()).noneMatch(row -> row.payload().contains("tina@example.com")
                && !row.kind().equals("checkin_request"));
    }

    /** The person with this email opens the personal chat, so Uptake keeps its conversation reference. */
    private void chatWith(String userId, String email) {
        identities.link(new LinkIdentity.ChatUser(Platform.TEAMS, TENANT, userId, email, null, null, null, null, null));
        post(TeamsActivity.text(TENANT, userId, "help"));
    }
}
