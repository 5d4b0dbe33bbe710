package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Digest charts older than the retention period (13 weeks by default) are deleted; their address then answers 404. */
@MicronautTest(transactional = false)
class ChartRetentionTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    ChartImages charts;
    @Inject
    PurgeOldCharts purge;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void chartsOlderThanThirteenWeeksAreDeletedAndYoungerOnesStillServed() throws Exception {
        clock.set(Instant.parse("2026-08-24T03:29:59Z"));
        String old = charts.store(PNG, null);
        clock.set(Instant.parse("2026-08-24T03:30:00Z"));
        String young = charts.store(PNG, null);

        clock.set(Instant.parse("2026-11-23T03:30:00Z"));
        int deleted = purge.run();

        assertThat(status(old)).isEqualTo(404);
        assertThat(status(young)).isEqualTo(200);
        assertThat(deleted).isEqualTo(1);
        assertThat(purge.cutoff()).isEqualTo(Instant.parse("2026-08-24T03:30:00Z"));
        assertThat(purge.run()).isZero();
    }

    @Test
    void theRetentionPeriodIsASetting() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("uptake.retention.charts", "26w"), "test")) {
            context.getBean(MutableClock.class).set(Instant.parse("2026-11-23T03:30:00Z"));

            assertThat(context.getBean(PurgeOldCharts.class).cutoff()).isEqualTo(Instant.parse("2026-05-25T03:30:00Z"));
        }
    }

    @Test
    void aRetentionPeriodThatCannotBeReadStopsStartupWithTheSettingNamed() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("uptake.retention.charts", "3d"), "test").close())
                .hasStackTraceContaining("uptake.retention.charts");
    }

    private int status(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/charts/"
                + token + ".png")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
