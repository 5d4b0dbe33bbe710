package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.RecordingGateway;
import io.uptake.digest.DigestWorld;
import io.uptake.digest.FixedScorecards;
import io.uptake.digest.SendDigest;
import io.uptake.message.DigestChart;
import io.uptake.message.DigestMessage;
import io.uptake.time.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

/** Digest triggers at each subscription's local time, and one digest a week across restarts. */
class DigestSchedulesTest {

    @TempDir
    Path dir;

    @Test
    void eachSubscriptionGetsAWeeklyTriggerAtItsLocalTime() {
        try (ApplicationContext context = start(dir.resolve("triggers.db").toString(), DigestWorld.properties())) {
            CatalogLookup catalog = context.getBean(CatalogLookup.class);
            Schedules schedules = context.getBean(Schedules.class);

            assertThat(schedules.nextFire("digest:" + DigestWorld.subscription(catalog, DigestWorld.SLACK_CHANNEL)))
                    .contains(Instant.parse("2026-11-23T09:00:00Z"));
            assertThat(schedules.nextFire("digest:" + DigestWorld.subscription(catalog, DigestWorld.TEAMS_CHANNEL)))
                    .contains(Instant.parse("2026-11-23T13:00:00Z"));
        }
    }

    @Test
    void aSubscriptionRemovedFromTheFileLosesItsTriggerOnReload() throws Exception {
        Map<String, Object> properties = DigestWorld.properties();
        try (ApplicationContext context = start(dir.resolve("reload.db").toString(), properties)) {
            CatalogLookup catalog = context.getBean(CatalogLookup.class);
            long teams = DigestWorld.subscription(catalog, DigestWorld.TEAMS_CHANNEL);
            Path file = Path.of(properties.get("uptake.catalog").toString());
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.indexOf("  - channel: teams:")));

            assertThat(context.getBean(ReloadCatalog.class).reload()).isInstanceOf(ReloadCatalog.Result.Loaded.class);

            assertThat(context.getBean(Schedules.class).keys()).doesNotContain("digest:" + teams)
                    .contains("digest:" + DigestWorld.subscription(catalog, DigestWorld.SLACK_CHANNEL));
        }
    }

    @Test
    void aDigestIsSentOnceAWeekAcrossARestart() {
        String db = dir.resolve("restart.db").toString();
        Map<String, Object> properties = DigestWorld.properties();
        List<RecordingGateway.Call> sent;
        try (ApplicationContext first = start(db, properties)) {
            first.getBean(MutableClock.class).set(Instant.parse("2026-11-23T09:00:00Z"));
            first.getBean(DigestSchedules.class).catchUp();
            first.getBean(Dispatcher.class).dispatchDue();
            sent = slack(first).delivered();
        }
        assertThat(sent).extracting(c -> c.envelope().message().kind())
                .containsExactly(DigestMessage.KIND, DigestChart.KIND);
        assertThat(sent).allSatisfy(c -> assertThat(c.envelope().recipient()).isEqualTo(DigestWorld.SLACK_CHANNEL));

        try (ApplicationContext second = start(db, properties)) {
            MutableClock clock = second.getBean(MutableClock.class);
            clock.set(Instant.parse("2026-11-23T10:00:00Z"));
            second.getBean(DigestSchedules.class).catchUp();
            long slackId = DigestWorld.subscription(second.getBean(CatalogLookup.class), DigestWorld.SLACK_CHANNEL);
            SendDigest.Result again = second.getBean(SendDigest.class).send(slackId);
            second.getBean(Dispatcher.class).dispatchDue();

            assertThat(again).isEqualTo(new SendDigest.Result.AlreadySent("2026-W47"));
            assertThat(slack(second).calls()).isEmpty();

            clock.set(Instant.parse("2026-11-30T09:00:00Z"));
            assertThat(second.getBean(SendDigest.class).send(slackId)).isInstanceOf(SendDigest.Result.Sent.class);
        }
    }

    @Test
    void theSubscriptionsJobSendsItsDigestWhenItFires() throws Exception {
        try (ApplicationContext context = start(dir.resolve("job.db").toString(), DigestWorld.properties())) {
            context.getBean(MutableClock.class).set(Instant.parse("2026-11-23T09:00:00Z"));
            long slackId = DigestWorld.subscription(context.getBean(CatalogLookup.class), DigestWorld.SLACK_CHANNEL);

            Jobs.fire(context.getBean(BeanJobFactory.class), context.getBean(org.quartz.Scheduler.class),
                    "digest:" + slackId, DigestJob.class, Map.of(DigestJob.SUBSCRIPTION, Long.toString(slackId)));
            context.getBean(Dispatcher.class).dispatchDue();

            assertThat(slack(context).delivered()).extracting(c -> c.envelope().message().kind())
                    .containsExactly(DigestMessage.KIND, DigestChart.KIND);
        }
    }

    @Test
    void aDigestMissedLongAgoIsNotSentLate() {
        try (ApplicationContext context = start(dir.resolve("late.db").toString(), DigestWorld.properties())) {
            context.getBean(MutableClock.class).set(Instant.parse("2026-11-25T09:00:00Z"));

            context.getBean(DigestSchedules.class).catchUp();
            context.getBean(Dispatcher.class).dispatchDue();

            assertThat(slack(context).calls()).isEmpty();
        }
    }

    @Test
    void aDigestDeclaredAfterItsTimeThisWeekWaitsForNextWeek() throws Exception {
        Map<String, Object> properties = DigestWorld.properties();
        try (ApplicationContext context = start(dir.resolve("declared-late.db").toString(), properties)) {
            MutableClock clock = context.getBean(MutableClock.class);
            Path file = Path.of(properties.get("uptake.catalog").toString());
            Files.writeString(file, Files.readString(file) + """
                      - channel: slack:C0NEWLEADS
                        programmes: [claims-ai]
                        schedule: { every: MONDAY, at: "09:00", zone: Europe/London }
                    """);
            clock.set(Instant.parse("2026-11-23T09:30:00Z"));
            assertThat(context.getBean(ReloadCatalog.class).reload()).isInstanceOf(ReloadCatalog.Result.Loaded.class);

            clock.set(Instant.parse("2026-11-23T10:00:00Z"));
            context.getBean(DigestSchedules.class).catchUp();
            context.getBean(Dispatcher.class).dispatchDue();

            assertThat(slack(context).delivered()).extracting(c -> c.envelope().recipient())
                    .containsExactly(DigestWorld.SLACK_CHANNEL, DigestWorld.SLACK_CHANNEL);
        }
    }

    @Test
    void startupLeavesTheCatchUpToAJobThatRunsOnceRightAfter() throws Exception {
        String db = dir.resolve("catch-up.db").toString();
        Map<String, Object> properties = sundayMorningDigest();
        Map<String, Object> saturday = new HashMap<>(properties);
        saturday.put("uptake.test.clock-start", "2026-11-21T09:00:00Z");
        // Declared on Saturday; the service is down over the Slack digest's time, Sunday 08:00 UTC.
        try (ApplicationContext before = start(db, saturday)) {
            assertThat(DigestWorld.subscription(before.getBean(CatalogLookup.class), DigestWorld.SLACK_CHANNEL))
                    .isPositive();
        }

        // Restarted at Sunday 09:00 UTC, an hour after the Slack digest's time.
        try (ApplicationContext context = start(db, properties)) {
            assertThat(context.getBean(FixedScorecards.class).asked()).isEmpty();
            assertThat(context.getBean(Schedules.class).nextFire(DigestSchedules.CATCH_UP_KEY))
                    .contains(MutableClock.START);

            Jobs.fire(context.getBean(BeanJobFactory.class), context.getBean(org.quartz.Scheduler.class),
                    DigestSchedules.CATCH_UP_KEY, DigestCatchUpJob.class, Map.of());
            context.getBean(Dispatcher.class).dispatchDue();

            assertThat(slack(context).delivered()).extracting(c -> c.envelope().message().kind())
                    .containsExactly(DigestMessage.KIND, DigestChart.KIND);
        }
    }

    @Test
    void aCatchUpBesideTheWeeklyTriggerStillSendsOneDigest() throws Exception {
        try (ApplicationContext context = start(dir.resolve("beside.db").toString(), sundayMorningDigest())) {
            long slackId = DigestWorld.subscription(context.getBean(CatalogLookup.class), DigestWorld.SLACK_CHANNEL);
            SendDigest sendDigest = context.getBean(SendDigest.class);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SendDigest.Result>> results = List.of(
                        threads.submit(() -> {
                            go.await();
                            return sendDigest.send(slackId);
                        }),
                        threads.submit(() -> {
                            go.await();
                            return sendDigest.send(slackId);
                        }));
                go.countDown();

                assertThat(List.of(results.get(0).get(30, TimeUnit.SECONDS), results.get(1).get(30, TimeUnit.SECONDS)))
                        .filteredOn(r -> r instanceof SendDigest.Result.Sent).hasSize(1);
            } finally {
                threads.shutdownNow();
            }
            context.getBean(Dispatcher.class).dispatchDue();

            assertThat(slack(context).delivered()).extracting(c -> c.envelope().message().kind())
                    .containsExactly(DigestMessage.KIND, DigestChart.KIND);
        }
    }

    /** The digest world with its Slack digest moved to Sundays at 08:00 UTC. */
    private static Map<String, Object> sundayMorningDigest() throws Exception {
        Map<String, Object> properties = DigestWorld.properties();
        Path file = Path.of(properties.get("uptake.catalog").toString());
        String text = Files.readString(file);
        String monday = "every: MONDAY, at: \"09:00\", zone: Europe/London";
        assertThat(text).contains(monday);
        Files.writeString(file, text.replace(monday, "every: SUNDAY, at: \"08:00\", zone: UTC"));
        return properties;
    }

    private static RecordingGateway slack(ApplicationContext context) {
        return context.getBean(RecordingGateway.class, Qualifiers.byName("slack"));
    }

    private static ApplicationContext start(String db, Map<String, Object> world) {
        Map<String, Object> properties = new HashMap<>(world);
        properties.put("datasources.default.url", db);
        return ApplicationContext.builder().environments("test").properties(properties).start();
    }
}
