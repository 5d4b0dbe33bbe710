package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRow;
import io.uptake.message.DigestChart;
import io.uptake.message.DigestMessage;
import io.uptake.message.MessageCodec;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "uptake.test.teams-channels", value = "true")
class SendDigestTest implements TestPropertyProvider {

    static final Instant MONDAY_LONDON_9 = Instant.parse("2026-11-23T09:00:00Z");

    @Inject
    SendDigest sendDigest;
    @Inject
    CatalogLookup catalog;
    @Inject
    Outbox outbox;
    @Inject
    MessageCodec codec;
    @Inject
    MutableClock clock;
    @Inject
    ChartImages charts;
    @Inject
    FixedScorecards scorecards;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        DigestWorld.properties().forEach((k, v) -> properties.put(k, v.toString()));
        properties.put("uptake.public-url", "https://uptake.example.com/");
        return properties;
    }

    long slack() {
        return DigestWorld.subscription(catalog, DigestWorld.SLACK_CHANNEL);
    }

    @Test
    void aSubscriptionGetsOneDigestAWeekHoweverOftenItRuns() {
        clock.set(MONDAY_LONDON_9);

        SendDigest.Result first = sendDigest.send(slack());
        clock.set(MONDAY_LONDON_9.plus(Duration.ofHours(3)));
        SendDigest.Result second = sendDigest.send(slack());

        assertThat(first).isInstanceOf(SendDigest.Result.Sent.class);
        assertThat(((SendDigest.Result.Sent) first).week()).isEqualTo("2026-W47");
        assertThat(second).isEqualTo(new SendDigest.Result.AlreadySent("2026-W47"));
        assertThat(outbox.find("digest:" + slack() + ":2026-W47:1")).isPresent();
        assertThat(outbox.find("digest:" + slack() + ":2026-W47:2")).isEmpty();
    }

    @Test
    void theDigestCoversTheLastCompleteWeekOfTheSubscribedProgrammes() {
        clock.set(MONDAY_LONDON_9.plus(Duration.ofDays(14)));

        sendDigest.send(slack());

        assertThat(scorecards.asked()).last().isEqualTo(new FixedScorecards.Asked(
                java.time.LocalDate.parse("2026-11-30"), java.util.List.of("claims-ai")));
    }

    @Test
    void aSlackDigestGoesToTheChannelWithItsChartAsAnUpload() {
        clock.set(MONDAY_LONDON_9.plus(Duration.ofDays(7)));

        sendDigest.send(slack());

        OutboxRow part = outbox.find("digest:" + slack() + ":2026-W48:1").orElseThrow();
        OutboxRow chart = outbox.find("digest:" + slack() + ":2026-W48:chart").orElseThrow();
        assertThat(part.recipient()).isEqualTo(DigestWorld.SLACK_CHANNEL);
        assertThat(part.tenantId()).isEqualTo(TestChannels.TEAM);
        DigestMessage digest = (DigestMessage) codec.read(part.kind(), part.payload());
        assertThat(digest.chartUrl()).isNull();
        DigestChart image = (DigestChart) codec.read(chart.kind(), chart.payload());
        assertThat(charts.png(image.token())).isPresent();
        assertThat(image.token()).hasSize(32);
    }

    @Test
    void aTeamsDigestShowsItsChartFromAnUnguessablePublicAddress() {
        long teams = DigestWorld.subscription(catalog, DigestWorld.TEAMS_CHANNEL);
        clock.set(Instant.parse("2026-11-23T13:00:00Z"));

        sendDigest.send(teams);

        OutboxRow part = outbox.find("digest:" + teams + ":2026-W47:1").orElseThrow();
        DigestMessage digest = (DigestMessage) codec.read(part.kind(), part.payload());
        assertThat(part.recipient()).isEqualTo("ref:" + DigestWorld.TEAMS_CHANNEL);
        assertThat(digest.chartUrl()).matches("https://uptake\\.example\\.com/charts/[A-Za-z0-9_-]{32}\\.png");
        String token = digest.chartUrl().substring(digest.chartUrl().lastIndexOf('/') + 1).replace(".png", "");
        assertThat(charts.png(token)).isPresent();
        assertThat(outbox.find("digest:" + teams + ":2026-W47:chart")).isEmpty();
    }

    @Test
    void aSuppressedFigureIsStoredInTheOutboxOnlyAsWords() {
        clock.set(MONDAY_LONDON_9.plus(Duration.ofDays(21)));

        sendDigest.send(slack());

        OutboxRow part = outbox.find("digest:" + slack() + ":2026-W50:1").orElseThrow();
        DigestMessage digest = (DigestMessage) codec.read(part.kind(), part.payload());
        DigestMessage.Row fraud = digest.programmes().get(0).workflows().get(1);
        assertThat(fraud.facts()).contains(new DigestMessage.Fact("Trust", "—  (fewer than 5 answers)"));
    }

    @Test
    void aRetiredOrUnknownSubscriptionSendsNothing() {
        assertThat(sendDigest.send(99_999)).isInstanceOf(SendDigest.Result.NotSent.class);
    }
}
