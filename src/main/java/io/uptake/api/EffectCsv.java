package io.uptake.api;

import io.uptake.metrics.CycleBaseline;
import io.uptake.metrics.Effect;
import io.uptake.metrics.EffectWording;
import io.uptake.metrics.WorkflowScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorecard CSV's columns of the cycle-time baseline (its minutes, {@code typed} or {@code sampled} in chat, and
 * the people a sampled one rests on) and of the effect of going live on cycle time: the estimate in minutes with its
 * interval, its percentage of the time before, the people and weeks behind it, and a note (the method, or why there
 * is no estimate). The effect's are all empty for a workflow with a single wave; only the note is given for one
 * whose data cannot carry an estimate.
 */
final class EffectCsv {

    static final List<String> HEADERS = List.of("cycle_time_baseline_minutes", "cycle_time_baseline_source",
            "cycle_time_baseline_people", "effect_minutes", "effect_low", "effect_high", "effect_percent",
            "effect_people", "effect_weeks", "effect_note");

    private EffectCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        CycleBaseline b = w.cycleBaseline();
        List<Object> values = new ArrayList<>(b == null ? List.of("", "", "")
                : List.of(EffectWording.oneDecimal(b.minutes()), b.source(), b.people()));
        values.addAll(effect(w.effect()));
        return values;
    }

    private static List<Object> effect(Effect effect) {
        if (effect == null) {
            return List.of("", "", "", "", "", "", "");
        }
        if (effect instanceof Effect.NotEstimable n) {
            return List.of("", "", "", "", "", "", n.words());
        }
        Effect.Estimate e = (Effect.Estimate) effect;
        return List.of(EffectWording.oneDecimal(e.effect()), EffectWording.oneDecimal(e.low()),
                EffectWording.oneDecimal(e.high()), e.percent() == null ? "" : EffectWording.oneDecimal(e.percent()),
                e.people(), e.weeks(), Math.round(e.confidence() * 100) + "% interval; " + e.method());
    }
}
