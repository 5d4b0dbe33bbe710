package io.uptake.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.uptake.catalog.Audience;
import io.uptake.catalog.Catalog;
import io.uptake.catalog.CheckinPolicy;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import io.uptake.catalog.Stage;
import io.uptake.catalog.SyncCatalog;
import io.uptake.catalog.Workflow;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenRound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service side of the Slack ack benchmark, run in its own JVM: Uptake with the Slack adapter on, a fake Slack
 * Web API for its few outgoing calls, and an open round with {@code people} Slack users who can answer.
 * Prints {@code ready <port> <roundId>} when it can take requests.
 */
public final class SlackAckServer {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final String TEAM = "TBENCH";

    private SlackAckServer() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(args[0]);
        Path db = Path.of("target/bench/slack-ack.db");
        Files.createDirectories(db.getParent());
        Files.deleteIfExists(db);
        FakeSlackApi slackApi = FakeSlackApi.start();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", 0);
        props.put("datasources.default.url", db.toString());
        props.put("uptake.scheduler.enabled", false);
        props.put("uptake.slack.signing-secret", SECRET);
        props.put("uptake.slack.bot-token", "xoxb-bench");
        props.put("uptake.slack.api-url", slackApi.url());
        ApplicationContext context = ApplicationContext.builder().environments("bench-slack").properties(props)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            emails.add("p" + i + "@example.com");
        }
        Workflow workflow = new Workflow("bench-flow", "bench", "Bench flow", Stage.PILOT,
                Optional.of(LocalDate.parse("2026-01-05")), "owner@example.com", new Audience.Emails(emails), people,
                Optional.empty(), Optional.empty(), Optional.empty());
        Pulse pulse = new Pulse("bench-pulse", workflow.id(), new Schedule(Set.of(DayOfWeek.TUESDAY),
                LocalTime.of(10, 0), Optional.empty()), List.of(Question.USAGE, Question.TRUST),
                Pulse.Mode.CONFIDENTIAL, Duration.ofHours(24), 1, Duration.ofHours(72));
        context.getBean(SyncCatalog.class).sync(new Catalog(List.of(new Programme("bench", "Bench",
                "cfo@example.com", List.of(workflow))), List.of(pulse), CheckinPolicy.DEFAULT, List.of()));
        LinkIdentity link = context.getBean(LinkIdentity.class);
        for (int i = 0; i < people; i++) {
            link.link(new LinkIdentity.ChatUser(Platform.SLACK, TEAM, "U" + i, emails.get(i), null, "UTC", null, null,
                    null));
        }
        long round = ((OpenRound.Result.Opened) context.getBean(OpenRound.class).now("bench-pulse")).roundId();
        System.out.println("ready " + server.getPort() + " " + round);
        System.out.flush();
        Thread.currentThread().join();
    }
}
