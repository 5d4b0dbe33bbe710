package io.uptake.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import io.uptake.time.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one database: a programmes file reloaded on one node changes the pulse card the other node shows
 * next, although that node had the round's card kept from before.
 */
class RoundCardsAcrossNodesTest {

    static final String FILE = """
            programmes:
              - id: claims-ai
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    name: %s
                    owner: jane@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com] }
            pulses:
              - id: triage-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust]
            """;

    @TempDir
    Path dir;

    @Test
    void aReloadOnOneNodeChangesTheCardTheOtherNodeShowsNext() throws Exception {
        Path file = dir.resolve("programmes.yml");
        Files.writeString(file, FILE.formatted("Claims triage"));
        Map<String, Object> settings = Map.of("uptake.catalog", file.toString(), "micronaut.server.port", -1,
                "datasources.default.url", dir.resolve("two-nodes.db").toString());
        try (ApplicationContext node1 = ApplicationContext.run(settings, "test");
                ApplicationContext node2 = ApplicationContext.run(settings, "test")) {
            long round = openRound(node1);
            RoundCards cards = node1.getBean(RoundCards.class);
            MutableClock clock = node1.getBean(MutableClock.class);
            assertThat(cards.ask(round, clock.instant()).orElseThrow().card().workflow()).isEqualTo("Claims triage");

            Files.writeString(file, FILE.formatted("Claims triage assistant"));
            assertThat(node2.getBean(ReloadCatalog.class).reload()).isInstanceOf(ReloadCatalog.Result.Loaded.class);

            assertThat(cards.ask(round, clock.instant()).orElseThrow().card().workflow())
                    .isEqualTo("Claims triage assistant");
        }
    }

    private static long openRound(ApplicationContext node) {
        LinkIdentity link = node.getBean(LinkIdentity.class);
        for (String name : List.of("ana", "bo", "cy")) {
            link.link(new LinkIdentity.ChatUser(Platform.SLACK, "T0TEAM", "U0" + name.toUpperCase(),
                    name + "@example.com", null, "Europe/London", null, null, null));
        }
        OpenRound.Result opened = node.getBean(OpenRound.class).now("triage-weekly");
        assertThat(opened).isInstanceOf(OpenRound.Result.Opened.class);
        return ((OpenRound.Result.Opened) opened).roundId();
    }
}
