package io.uptake.api;

import io.uptake.metrics.Effect;
import io.uptake.metrics.EffectWording;
import io.uptake.metrics.OutcomeEffect;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/**
 * The scorecard CSV's columns of the effect of going live on the outcome, estimated across waves from the values
 * measured per wave: the estimate in the outcome's unit with its interval, its percentage of the value before, the
 * teams, people and weeks behind it, and a note (the method, or why there is no estimate). All empty for a
 * workflow without an outcome or not rolled out in waves; only the note for one whose data cannot carry an estimate.
 */
final class OutcomeEffectCsv {

    static final List<String> HEADERS = List.of("outcome_effect", "outcome_effect_low", "outcome_effect_high",
            "outcome_effect_percent", "outcome_effect_teams", "outcome_effect_people", "outcome_effect_weeks",
            "outcome_effect_note");

    private OutcomeEffectCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        OutcomeEffect o = w.outcomeEffect();
        if (o == null) {
            return List.of("", "", "", "", "", "", "", "");
        }
        if (o.effect() instanceof Effect.NotEstimable n) {
            return List.of("", "", "", "", "", "", "", n.words());
        }
        Effect.Estimate e = (Effect.Estimate) o.effect();
        return List.of(EffectWording.oneDecimal(e.effect()), EffectWording.oneDecimal(e.low()),
                EffectWording.oneDecimal(e.high()), e.percent() == null ? "" : EffectWording.oneDecimal(e.percent()),
                o.teams(), e.people(), e.weeks(), Math.round(e.confidence() * 100) + "% interval; " + e.method());
    }
}
