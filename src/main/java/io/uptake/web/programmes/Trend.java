package io.uptake.web.programmes;

import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.Scorecard;
import io.uptake.metrics.WorkflowScore;
import io.uptake.web.chart.LineChart;
import io.uptake.web.chart.SvgLineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's weekly active use, trust index and response rate over a run of weeks, each week's figures as that
 * week's scorecard has them; drawn as a chart with the verdict's lines, and as a table for those who cannot see it.
 */
final class Trend {

    /** One week's row of the table. */
    record Week(String week, String wau, String trust, String response) {
    }

    private Trend() {
    }

    /** The workflow in a week's scorecard, empty when it was not live that week. */
    static Optional<WorkflowScore> find(Scorecard card, String workflowId) {
        for (ProgrammeScore p : card.programmes()) {
            for (WorkflowScore w : p.workflows()) {
                if (w.workflowId().equals(workflowId)) {
                    return Optional.of(w);
                }
            }
        }
        return Optional.empty();
    }

    static List<Week> rows(List<Scorecard> cards, String workflowId, String runningWeek, FigureText text) {
        List<Week> rows = new ArrayList<>();
        for (Scorecard card : cards) {
            String label = card.week().equals(runningWeek) ? card.week() + " (so far)" : card.week();
            Optional<WorkflowScore> w = find(card, workflowId);
            rows.add(w.map(s -> new Week(label, text.value(s.wauPercent(), " %"), text.value(s.trustIndex(), ""),
                            text.value(s.responsePercent(), " %")))
                    .orElse(new Week(label, "not live", "not live", "not live")));
        }
        return rows;
    }

    /**
     * The chart, as SVG.
     *
     * @param emerging the WAU share (percent) that makes a workflow at least emerging
     * @param leverage the WAU share leverage needs
     */
    static String chart(String id, String title, List<Scorecard> cards, String workflowId, int emerging,
                        int leverage) {
        List<String> weeks = new ArrayList<>();
        List<Double> wau = new ArrayList<>();
        List<Double> trust = new ArrayList<>();
        List<Double> response = new ArrayList<>();
        for (Scorecard card : cards) {
            weeks.add(card.week());
            Optional<WorkflowScore> w = find(card, workflowId);
            wau.add(w.map(s -> FigureText.plotted(s.wauPercent())).orElse(null));
            trust.add(w.map(s -> FigureText.plotted(s.trustIndex())).orElse(null));
            response.add(w.map(s -> FigureText.plotted(s.responsePercent())).orElse(null));
        }
        return SvgLineChart.render(new LineChart(id, title, weeks, List.of(
                new LineChart.Series("WAU %", LineChart.Look.BLUE, wau),
                new LineChart.Series("Trust index", LineChart.Look.GREEN, trust),
                new LineChart.Series("Response %", LineChart.Look.ORANGE, response)),
                List.of(new LineChart.Guide(emerging, emerging + " % WAU: emerging"),
                        new LineChart.Guide(leverage, leverage + " % WAU: leverage"))));
    }
}
