package io.uptake.fuzz;

import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.file.CatalogParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.assertj.core.api.Assertions;

/**
 * The programmes-file parser under mutated files (lines deleted, duplicated, re-indented, values replaced, bytes
 * flipped): it always answers a catalog or a list of problems, never an exception.
 */
class ProgrammesFileFuzzTest {

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
                    play: https://wiki.example.com/plays/claims-triage
                    outcome: { metric: Claims closed per FTE per week, unit: claims, direction: up, baseline: 120, target: 150, by: 2027-Q1 }
                    cycle-time: { task: Triage one claim, baseline-minutes: 18 }
                  - id: fraud-review
                    owner: omar@example.com
                    audience: { emails: [a@example.com, b@example.com] }
            pulses:
              - id: claims-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust, correction, cycle-time, comment]
            digests:
              - channel: slack:C0LEADERS
                programmes: [claims-ai]
                schedule: { every: MONDAY, at: "09:00", zone: Europe/London }
            """;

    private static final StatusTally TALLY = new StatusTally("programmes-file parser");
    private final CatalogParser parser = new CatalogParser();

    @AfterContainer
    static void report() {
        TALLY.write();
    }

    @Property
    void mutatedFilesGiveACatalogOrProblemsNeverAnException(@ForAll long seed) {
        Mutator mutate = new Mutator(new Random(seed));
        Random random = new Random(seed ^ 0x9E3779B97F4A7C15L);
        List<String> lines = new ArrayList<>(List.of(FILE.split("\n")));
        int changes = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < changes && !lines.isEmpty(); i++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(7)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, " ".repeat(random.nextInt(12)) + line.strip());
                case 3 -> lines.set(at, line.contains(":") ? line.substring(0, line.indexOf(':') + 1) + " "
                        + mutate.junk() : line + mutate.junk());
                case 4 -> lines.set(at, line + " " + mutate.pick(List.of("&a", "*a", "!!binary", "{", "[", "---",
                        "? x", "|", ">-", "x".repeat(20_000))));
                case 5 -> lines.add(at, "  ".repeat(random.nextInt(6)) + mutate.pick(List.of("- ", "x: ", "")
                        ) + mutate.strange().toString());
                default -> lines.set(at, line.replace("-", "").replace(":", ""));
            }
        }
        String text = String.join("\n", lines) + "\n";
        if (random.nextInt(4) == 0) {
            text = new String(mutate.bytes(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
        CatalogParse parse;
        try {
            parse = parser.parse("programmes.yml", text);
        } catch (RuntimeException e) {
            TALLY.add(500);
            throw new AssertionError("the parser threw on:\n" + text, e);
        }
        TALLY.add(parse instanceof CatalogParse.Invalid ? 400 : 200);
        Assertions.assertThat(parse).isNotNull();
    }
}
