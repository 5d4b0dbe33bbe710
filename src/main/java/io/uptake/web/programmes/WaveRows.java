package io.uptake.web.programmes;

import io.uptake.metrics.WaveScore;
import io.uptake.metrics.WorkflowScore;
import java.util.List;

/**
 * A workflow's rollout waves as its page's table shows them, one row a wave, for a workflow rolled out in more than
 * one: when it goes live, whether it is live, its team and its WAU and habit with the n behind them, its trust index
 * and its cycle-time median (before go-live: its pre-rollout baseline). A hidden figure shows why, never a number.
 */
record WaveRows(String wave, String audience, String goLive, String live, String team, String wau, String wauN,
                String habit, String habitN, String trust, String trustN, String cycle, String cycleN) {

    static List<WaveRows> of(WorkflowScore w, FigureText text) {
        if (w.waves().size() < 2) {
            return List.of();
        }
        return w.waves().stream().map(wave -> row(wave, text)).toList();
    }

    private static WaveRows row(WaveScore wave, FigureText text) {
        return new WaveRows(String.valueOf(wave.wave()), wave.audienceKind(),
                wave.goLive() == null ? "with the workflow" : wave.goLive().toString(),
                wave.live() ? "live" : "not live yet", wave.live() ? wave.teamSize().words() : "—",
                wave.live() ? text.value(wave.wauPercent(), " %") : "—",
                wave.live() ? FigureText.n(wave.wauPercent()) : "—",
                wave.live() ? text.value(wave.habitPercent(), " %") : "—",
                wave.live() ? FigureText.n(wave.habitPercent()) : "—",
                wave.live() ? text.value(wave.trustIndex(), "") : "—",
                wave.live() ? FigureText.n(wave.trustIndex()) : "—",
                text.value(wave.cycleTimeMedian(), " min"), FigureText.n(wave.cycleTimeMedian()));
    }
}
