package io.uptake.api;

import io.uptake.metrics.OwnerDecision;
import io.uptake.metrics.SequencingWording;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/** The scorecard CSV's columns of the owner's decision and the day-60 early warning that asked for it. */
final class SequencingCsv {

    static final List<String> HEADERS = List.of("decision", "decided_on", "decision_prompt", "early_warning_on");

    private SequencingCsv() {
    }

    /** Empty where no decision was recorded or no warning sent by the end of the week. */
    static List<Object> values(WorkflowScore w) {
        OwnerDecision d = w.decision();
        String warned = SequencingWording.earlyWarningOn(w.flags()).map(Object::toString).orElse("");
        return d == null ? List.of("", "", "", warned)
                : List.of(d.choice(), d.decidedOn().toString(), d.prompt() == null ? "" : d.prompt(), warned);
    }
}
