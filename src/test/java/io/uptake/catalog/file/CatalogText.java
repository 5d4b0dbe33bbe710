package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Programmes-file texts for tests: the documented example, changed a line or two at a time. */
final class CatalogText {

    /** The example of DESIGN.md section 9, exactly. */
    static final String EXAMPLE = """
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
            pulses:
              - id: claims-weekly
                workflow: claims-triage
                schedule: { every: TUESDAY, at: "10:00", zone: recipient }
                questions: [usage, trust, correction, cycle-time, comment]
                mode: confidential
                remind-after: 24h
                close-after: 72h
            checkins: { cadence: quarterly, remind: [2d, 5d], escalate-after: 7d }
            digests:
              - channel: slack:C0LEADERS
                programmes: [claims-ai]
                schedule: { every: MONDAY, at: "09:00", zone: Europe/London }
            """;

    private final String text;

    private CatalogText(String text) {
        this.text = text;
    }

    static CatalogText example() {
        return new CatalogText(EXAMPLE);
    }

    static CatalogText of(String text) {
        return new CatalogText(text);
    }

    /** Replaces text that occurs exactly once, so a test cannot silently change the wrong place. */
    CatalogText replace(String existing, String replacement) {
        assertThat(text.indexOf(existing)).as("%s occurs in the text", existing).isNotNegative();
        assertThat(text.indexOf(existing)).as("%s occurs once", existing).isEqualTo(text.lastIndexOf(existing));
        return new CatalogText(text.replace(existing, replacement));
    }

    /** Inserts whole lines after the one line containing {@code anchor}. */
    CatalogText insertAfter(String anchor, String lines) {
        List<String> all = new ArrayList<>(text.lines().toList());
        all.addAll(lineOf(anchor), lines.lines().toList());
        return joined(all);
    }

    /** Removes the one line containing {@code anchor}. */
    CatalogText without(String anchor) {
        List<String> all = new ArrayList<>(text.lines().toList());
        all.remove(lineOf(anchor) - 1);
        return joined(all);
    }

    CatalogText append(String lines) {
        return new CatalogText(text + lines);
    }

    /** The 1-based line of the one line containing {@code snippet}. */
    int lineOf(String snippet) {
        List<String> all = text.lines().toList();
        List<Integer> found = IntStream.range(0, all.size()).filter(i -> all.get(i).contains(snippet))
                .mapToObj(i -> i + 1).toList();
        assertThat(found).as("lines containing %s", snippet).hasSize(1);
        return found.get(0);
    }

    String text() {
        return text;
    }

    private static CatalogText joined(List<String> lines) {
        return new CatalogText(String.join("\n", lines) + "\n");
    }
}
