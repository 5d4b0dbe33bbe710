package io.uptake.demo;

import io.uptake.checkin.OutcomeValueInput;
import io.uptake.checkin.OutcomeValuesResult;
import io.uptake.checkin.RecordOutcomeValues;
import io.uptake.checkin.TellSponsorsOfOutcomeGaps;
import io.uptake.scenario.ScenarioEvent;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's systems of record: each measured outcome value of the scenario is stored as the admin API stores a
 * posted one, and the sponsor is told when it lies far from the owner's claim, as after a post.
 */
@Singleton
class DemoOutcomeValues {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOutcomeValues.class);

    private final RecordOutcomeValues values;
    private final TellSponsorsOfOutcomeGaps gaps;

    DemoOutcomeValues(RecordOutcomeValues values, TellSponsorsOfOutcomeGaps gaps) {
        this.values = values;
        this.gaps = gaps;
    }

    void post(ScenarioEvent.Measured m) {
        OutcomeValuesResult result = values.record(m.workflowId(), List.of(new OutcomeValueInput(0, "values[0]",
                m.day().toString(), m.value().toPlainString(), m.source())));
        if (result instanceof OutcomeValuesResult.Stored) {
            gaps.forWorkflow(m.workflowId());
        } else {
            LOG.warn("Demo: measured value of {} on {} not stored: {}", m.workflowId(), m.day(), result);
        }
    }
}
