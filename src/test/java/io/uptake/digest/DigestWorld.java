package io.uptake.digest;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.DigestSubscriptionRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A programmes file with two digest subscriptions, one per platform, and the properties to run digests on it. */
public final class DigestWorld {

    public static final String SLACK_CHANNEL = "C0LEADERS";
    public static final String TEAMS_CHANNEL = "19:leaders@thread.tacv2";

    static final String FILE = """
            programmes:
              - id: claims-ai
                name: Claims triage assistant
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    name: AI-assisted claims triage
                    stage: pilot
                    stage-since: 2026-09-01
                    owner: jane@example.com
                    audience: { slack-channel: C0123ABCD }
                    target-team-size: 40
            digests:
              - channel: slack:C0LEADERS
                programmes: [claims-ai]
                schedule: { every: MONDAY, at: "09:00", zone: Europe/London }
              - channel: teams:19:leaders@thread.tacv2
                programmes: [claims-ai]
                schedule: { every: MONDAY, at: "08:00", zone: America/New_York }
            """;

    private DigestWorld() {
    }

    /** Properties for a context that loads the file, with fixed scorecards. */
    public static Map<String, Object> properties() {
        try {
            Path file = Files.createTempFile("digests", ".yml");
            file.toFile().deleteOnExit();
            Files.writeString(file, FILE);
            Map<String, Object> properties = new HashMap<>();
            properties.put("uptake.catalog", file.toString());
            properties.put("uptake.test.fixed-scorecards", "true");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long subscription(CatalogLookup catalog, String channel) {
        return catalog.activeDigests().stream().filter(d -> d.channel().endsWith(channel))
                .map(DigestSubscriptionRow::id).findFirst().orElseThrow();
    }
}
