package io.uptake.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A programmes file on disk that a test rewrites between reloads. */
final class ProgrammesFile {

    static final String TWO_WORKFLOWS = """
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

    private final Path path;

    private ProgrammesFile(Path path) {
        this.path = path;
    }

    static ProgrammesFile create(String text) {
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            ProgrammesFile file = new ProgrammesFile(path);
            file.write(text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }
}
