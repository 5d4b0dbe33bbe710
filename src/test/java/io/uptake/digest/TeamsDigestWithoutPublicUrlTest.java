package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.delivery.Outbox;
import io.uptake.message.DigestMessage;
import io.uptake.message.MessageCodec;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Without UPTAKE_PUBLIC_URL, Teams cannot load an image: the digest goes without it, and the log says why once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsDigestWithoutPublicUrlTest implements TestPropertyProvider {

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
    DigestRepositories.Charts charts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        DigestWorld.properties().forEach((k, v) -> properties.put(k, v.toString()));
        properties.put("uptake.test.teams-channels", "true");
        properties.put("uptake.public-url", "");
        return properties;
    }

    @Test
    void theDigestIsSentWithoutTheChartAndTheWarningIsLoggedOnce() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(SendDigest.class)).addAppender(log);
        long teams = DigestWorld.subscription(catalog, DigestWorld.TEAMS_CHANNEL);

        clock.set(Instant.parse("2026-11-23T13:00:00Z"));
        sendDigest.send(teams);
        clock.set(Instant.parse("2026-11-30T13:00:00Z"));
        sendDigest.send(teams);

        DigestMessage digest = (DigestMessage) outbox.find("digest:" + teams + ":2026-W47:1")
                .map(r -> codec.read(r.kind(), r.payload())).orElseThrow();
        assertThat(digest.chartUrl()).isNull();
        assertThat(outbox.find("digest:" + teams + ":2026-W48:1")).isPresent();
        assertThat(charts.count()).isZero();
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("UPTAKE_PUBLIC_URL")).hasSize(1);
    }
}
