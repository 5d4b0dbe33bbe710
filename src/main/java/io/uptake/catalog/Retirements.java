package io.uptake.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a programmes file would retire from the stored catalogue: the active programmes and workflows it no longer
 * declares. An emptied or truncated file looks like a valid one that retires nearly everything, so a load that
 * would retire every programme, or more than half of the workflows, is held back until an admin confirms it.
 */
record Retirements(List<String> programmes, int activeProgrammes, List<String> workflows, int activeWorkflows) {

    static Retirements of(Catalog catalog, List<ProgrammeRow> storedProgrammes, List<WorkflowRow> storedWorkflows) {
        Set<String> declaredProgrammes = catalog.programmes().stream().map(Programme::id).collect(Collectors.toSet());
        Set<String> declaredWorkflows = catalog.workflows().stream().map(Workflow::id).collect(Collectors.toSet());
        List<ProgrammeRow> active = storedProgrammes.stream().filter(p -> p.retiredAt() == null).toList();
        List<WorkflowRow> activeWorkflows = storedWorkflows.stream().filter(w -> w.retiredAt() == null).toList();
        return new Retirements(active.stream().map(ProgrammeRow::id).filter(id -> !declaredProgrammes.contains(id))
                .sorted().toList(), active.size(),
                activeWorkflows.stream().map(WorkflowRow::id).filter(id -> !declaredWorkflows.contains(id)).sorted()
                        .toList(), activeWorkflows.size());
    }

    /** Whether the load retires every active programme or more than half of the active workflows. */
    boolean sweeping() {
        return activeProgrammes > 0 && programmes.size() == activeProgrammes
                || activeWorkflows > 0 && workflows.size() * 2 > activeWorkflows;
    }

    /** What it would retire, in words, e.g. "all 1 programmes (claims-ai) and 2 of 2 workflows (a, b)". */
    String described() {
        String p = programmes.size() == activeProgrammes ? "all " + activeProgrammes + " programmes"
                : programmes.size() + " of " + activeProgrammes + " programmes";
        return p + listed(programmes) + " and " + workflows.size() + " of " + activeWorkflows + " workflows"
                + listed(workflows);
    }

    private static String listed(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        List<String> shown = ids.size() <= 10 ? ids : ids.subList(0, 10);
        return " (" + String.join(", ", shown) + (ids.size() > shown.size() ? ", …" : "") + ")";
    }
}
