package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.storage.MigrationsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Send now" asked several times in the same minute, all at once (two admins, or two instances of the service on one
 * database), opens one round: every request gets it, none fails.
 */
class SendNowAtOnceTest {

    static final String FILE = """
            programmes:
              - id: claims-ai
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    owner: jane@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
            pulses:
              - id: triage-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust]
            """;
    static final int AT_ONCE = 6;

    @TempDir
    Path dir;

    @Test
    void onPostgresEveryRequestGetsTheOneRound() throws Exception {
        String schema = "uptake_send_now_" + Long.toHexString(System.nanoTime());
        try (Connection admin = MigrationsTest.postgresOrSkip()) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try {
                Map<String, Object> settings = settings();
                settings.put("datasources.default.url", MigrationsTest.PG_URL + "?currentSchema=" + schema);
                settings.put("datasources.default.username", MigrationsTest.PG_USER);
                try (ApplicationContext context = ApplicationContext.run(settings, "test")) {
                    everyRequestGetsTheOneRound(context);
                }
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void onSqliteEveryRequestGetsTheOneRound() throws Exception {
        Map<String, Object> settings = settings();
        settings.put("datasources.default.url", dir.resolve("send-now.db").toString());
        try (ApplicationContext context = ApplicationContext.run(settings, "test")) {
            everyRequestGetsTheOneRound(context);
        }
    }

    private void everyRequestGetsTheOneRound(ApplicationContext context) throws Exception {
        LinkIdentity link = context.getBean(LinkIdentity.class);
        for (String name : List.of("ana", "bo", "cy")) {
            link.link(new LinkIdentity.ChatUser(Platform.SLACK, "T0TEAM", "U0" + name.toUpperCase(),
                    name + "@example.com", null, "Europe/London", null, null, null));
        }
        OpenRound openRound = context.getBean(OpenRound.class);
        ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
        List<OpenRound.Result> results = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<OpenRound.Result>> asked = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                asked.add(threads.submit(() -> {
                    go.await();
                    return openRound.now("triage-weekly");
                }));
            }
            go.countDown();
            for (Future<OpenRound.Result> one : asked) {
                results.add(one.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(OpenRound.Result.Opened.class));
        List<OpenRound.Result.Opened> opened = results.stream().map(OpenRound.Result.Opened.class::cast).toList();
        assertThat(opened).extracting(OpenRound.Result.Opened::roundId).containsOnly(opened.get(0).roundId());
        assertThat(opened).filteredOn(OpenRound.Result.Opened::created).hasSize(1);
        assertThat(opened).extracting(OpenRound.Result.Opened::recipients).containsOnly(3);
    }

    private Map<String, Object> settings() throws Exception {
        Path file = dir.resolve("programmes.yml");
        Files.writeString(file, FILE);
        Map<String, Object> settings = new HashMap<>();
        settings.put("uptake.catalog", file.toString());
        settings.put("micronaut.server.port", -1);
        return settings;
    }
}
