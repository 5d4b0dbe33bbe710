package io.uptake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The admin API's bodies, usage telemetry as JSON and as CSV, under mutation: never a 5xx, never a stack trace,
 * nothing stored for a refused batch, and the service healthy after.
 */
class AdminApiFuzzTest {

    static final String TOKEN = "fuzz-admin-token-0123456789";
    static final String CATALOG = """
            programmes:
              - id: claims-ai
                name: Claims triage assistant
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    owner: jane@example.com
                    audience: { emails: [ana@example.com, bo@example.com] }
            """;

    private static FuzzServer server;
    private static final StatusTally JSON_TALLY = new StatusTally("POST /api/v1/usage-events (JSON)");
    private static final StatusTally CSV_TALLY = new StatusTally("POST /api/v1/usage-events.csv (CSV)");

    @BeforeContainer
    static void start() {
        try {
            Path file = Files.createTempFile("fuzz-programmes", ".yml");
            Files.writeString(file, CATALOG);
            server = new FuzzServer(Map.of("uptake.admin-token", TOKEN, "uptake.catalog", file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void stop() {
        try {
            server.assertHealthy();
            JSON_TALLY.write();
            CSV_TALLY.write();
        } finally {
            server.close();
        }
    }

    @Property
    void mutatedJsonBatchesNeverFailTheServer(@ForAll long seed) throws Exception {
        Mutator mutate = new Mutator(new Random(seed));
        JsonNode batch = Mutator.JSON.readTree("{\"batch\":\"b-" + Long.toHexString(seed) + "\",\"events\":["
                + "{\"workflow\":\"claims-triage\",\"email\":\"ana@example.com\",\"day\":\"2026-11-20\",\"count\":3},"
                + "{\"workflow\":\"claims-triage\",\"chatId\":\"U1\",\"day\":\"2026-11-19\",\"count\":1}]}");
        byte[] body = mutate.any(batch);
        String type = mutate.chance(5) ? mutate.pick(List.of("text/plain", "application/xml", "")) : "application/json";
        check(JSON_TALLY, "/api/v1/usage-events", type, body);
    }

    @Property
    void mutatedCsvFilesNeverFailTheServer(@ForAll long seed) {
        Mutator mutate = new Mutator(new Random(seed));
        StringBuilder csv = new StringBuilder("workflow,email,day,count\n");
        int rows = mutate.chance(5) ? 0 : 1 + new Random(seed).nextInt(4);
        for (int i = 0; i < rows; i++) {
            List<String> cells = new java.util.ArrayList<>(List.of("claims-triage", "ana@example.com", "2026-11-2"
                    + i, Integer.toString(i)));
            if (mutate.chance(60)) {
                int at = new Random(seed + i).nextInt(cells.size());
                cells.set(at, mutate.pick(List.of(mutate.junk(), "\"" + cells.get(at), "", "-1", "1e9",
                        "x".repeat(5_000), cells.get(at) + "," + cells.get(at))));
            }
            csv.append(String.join(mutate.chance(5) ? ";" : ",", cells)).append(mutate.chance(5) ? "\r\n" : "\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        if (mutate.chance(40)) {
            body = mutate.bytes(body);
        }
        String type = mutate.chance(5) ? mutate.pick(List.of("application/json", "application/xml", "")) : "text/csv";
        check(CSV_TALLY, "/api/v1/usage-events.csv?batch=c-" + Long.toHexString(seed), type, body);
    }

    private static void check(StatusTally tally, String path, String type, byte[] body) {
        FuzzServer.Mark before = server.mark();
        FuzzServer.Answer answer = server.post(path, type.isEmpty() ? null : type,
                Map.of("Authorization", "Bearer " + TOKEN), body);
        tally.add(answer.status());
        FuzzServer.assertSound(answer, new String(body, StandardCharsets.UTF_8));
        if (answer.status() >= 400) {
            server.assertNothingStoredSince(before, "a refused batch");
        }
    }
}
