package io.uptake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.chat.teams.TeamsFuzzAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code /api/messages} under mutated activities, in insecure local mode (so the parsing and the bot are what is
 * exercised) and with an app id and a valid token from the test key set: never a 5xx, never a stack trace,
 * nothing stored for a refused activity, and the service healthy after.
 */
class TeamsMessagesFuzzTest {

    private static FuzzServer insecure;
    private static FuzzServer signed;
    private static final StatusTally INSECURE = new StatusTally("POST /api/messages (insecure)");
    private static final StatusTally SIGNED = new StatusTally("POST /api/messages (JWT)");
    private static final AtomicLong CASES = new AtomicLong();
    private static String signedToken;
    private static Instant tokenSignedAt;

    @BeforeContainer
    static void start() {
        insecure = new FuzzServer(new HashMap<>(TeamsFuzzAccess.insecure()));
        signed = new FuzzServer(new HashMap<>(TeamsFuzzAccess.authenticated()));
    }

    @AfterContainer
    static void stop() {
        try {
            insecure.assertHealthy();
            signed.assertHealthy();
            INSECURE.write();
            SIGNED.write();
        } finally {
            insecure.close();
            signed.close();
        }
    }

    @Property
    void mutatedActivitiesInInsecureModeNeverFailTheServer(@ForAll long seed) throws Exception {
        send(insecure, INSECURE, seed, false);
    }

    @Property
    void mutatedActivitiesWithAValidTokenNeverFailTheServer(@ForAll long seed) throws Exception {
        send(signed, SIGNED, seed, true);
    }

    /**
     * A valid token, signed again each minute (it lasts ten): an RSA signature per case is client work only, and
     * the service still checks the token of every request in full.
     */
    private static synchronized String token() {
        Instant now = Instant.now();
        if (signedToken == null || now.isAfter(tokenSignedAt.plus(Duration.ofMinutes(1)))) {
            signedToken = TeamsFuzzAccess.token(TeamsFuzzAccess.serviceUrl());
            tokenSignedAt = now;
        }
        return signedToken;
    }

    private static void send(FuzzServer server, StatusTally tally, long seed, boolean token) throws Exception {
        Mutator mutate = new Mutator(new Random(seed));
        String user = "29:f" + Long.toHexString(seed & 0xFFFF);
        String seedJson = mutate.pick(List.of(TeamsFuzzAccess.textMessage("tenant-fuzz", user, "help"),
                TeamsFuzzAccess.textMessage("tenant-fuzz", user, "<at>Uptake</at> status claims-triage"),
                TeamsFuzzAccess.installation("tenant-fuzz", user), TeamsFuzzAccess.execute("tenant-fuzz", user)));
        JsonNode activity = Mutator.JSON.readTree(seedJson);
        if (seedJson.contains("<at>") && activity instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.putArray("entities").addObject().put("type", "mention").put("text", "<at>Uptake</at>")
                    .putObject("mentioned").put("id", o.path("recipient").path("id").asText()).put("name", "Uptake");
        }
        byte[] body = mutate.any(activity);
        String contentType = mutate.chance(5) ? mutate.pick(List.of("text/plain", "application/xml", ""))
                : "application/json; charset=utf-8";
        Map<String, String> headers = token ? Map.of("Authorization", token()) : Map.of();
        if (CASES.incrementAndGet() % 1_000 == 0) {
            TeamsFuzzAccess.forgetConnectorCalls();
        }
        FuzzServer.Mark before = server.mark();
        FuzzServer.Answer answer = server.post("/api/messages", contentType.isEmpty() ? null : contentType, headers,
                body);
        tally.add(answer.status());
        FuzzServer.assertSound(answer, new String(body, StandardCharsets.UTF_8));
        if (answer.status() >= 400) {
            server.assertNothingStoredSince(before, "a refused activity");
        }
    }
}
