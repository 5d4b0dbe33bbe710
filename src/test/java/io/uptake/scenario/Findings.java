package io.uptake.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every disagreement the run saw, split into those a known defect explains and new ones. */
final class Findings {

    private final Scenario scenario;
    private final List<Finding> unexplained = new ArrayList<>();
    private final Map<KnownDefects, List<Finding>> known = new EnumMap<>(KnownDefects.class);
    private int checks;

    Findings(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Counts one comparison that agreed or not. */
    void check(boolean agrees, Finding finding) {
        checks++;
        if (!agrees) {
            add(finding);
        }
    }

    void add(Finding finding) {
        Optional<KnownDefects> defect = KnownDefects.explaining(finding, scenario);
        if (defect.isPresent()) {
            known.computeIfAbsent(defect.get(), d -> new ArrayList<>()).add(finding);
        } else {
            unexplained.add(finding);
        }
    }

    /** Every finding, one a line, for a file beside the test report. */
    String all() {
        StringBuilder text = new StringBuilder();
        unexplained.forEach(f -> text.append("NEW ").append(f).append('\n'));
        known.forEach((d, list) -> list.forEach(f -> text.append(d).append(' ').append(f).append('\n')));
        return text.toString();
    }

    List<Finding> unexplained() {
        return List.copyOf(unexplained);
    }

    int checks() {
        return checks;
    }

    String report() {
        StringBuilder text = new StringBuilder("Scenario seed " + scenario.seed() + ": " + checks + " checks, "
                + unexplained.size() + " new findings, " + known.values().stream().mapToInt(List::size).sum()
                + " explained by known defects\n");
        for (KnownDefects d : KnownDefects.values()) {
            List<Finding> found = known.getOrDefault(d, List.of());
            text.append("  known ").append(d).append(" (").append(d.issue()).append("): ").append(found.size())
                    .append(found.isEmpty() ? " — no longer seen; remove the entry\n" : " findings, first: "
                            + found.get(0) + "\n");
        }
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        unexplained.forEach(f -> kinds.merge(f.output() + " " + f.workflowId() + "." + f.figure()
                .replaceAll(" (to|reached) .*", ""), 1, Integer::sum));
        kinds.forEach((k, n) -> text.append("  new by kind: ").append(k).append(" × ").append(n).append('\n'));
        unexplained.stream().limit(60).forEach(f -> text.append("  NEW ").append(f).append('\n'));
        if (unexplained.size() > 60) {
            text.append("  … and ").append(unexplained.size() - 60).append(" more new findings\n");
        }
        return text.toString();
    }
}
