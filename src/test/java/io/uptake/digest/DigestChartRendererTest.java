package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uptake.metrics.CalibrationSettings;
import io.uptake.metrics.Cohorts;
import io.uptake.metrics.Figure;
import io.uptake.metrics.Figure.Source;
import io.uptake.metrics.TrustCalibration;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WeekPoint;
import io.uptake.metrics.WorkflowScore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class DigestChartRendererTest {

    @Test
    void theChartIsAPngWithAPanelPerWorkflow() throws Exception {
        byte[] png = DigestChartRenderer.png(Scores.card("2026-W47", Scores.programme("p", "P", Verdict.EMERGING,
                List.of(Scores.workflow("a", "A").build(), Scores.workflow("b", "B").build(),
                        Scores.workflow("c", "C").build(), Scores.workflow("d", "D").build()))));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(3 * 420);
        assertThat(image.getHeight()).isEqualTo(2 * (240 + DigestChartRenderer.STRIP + DigestChartRenderer.CALIBRATION)
                + 28);
    }

    @Test
    void aSuppressedWeekIsAGapNotAPoint() {
        WorkflowScore workflow = Scores.workflow("b", "B").history(FixedScorecards.suppressedWeeks()).build();

        DefaultCategoryDataset data = DigestChartRenderer.dataset(workflow);

        assertThat(data.getColumnCount()).isEqualTo(12);
        assertThat(data.getValue(DigestChartRenderer.TRUST, "W46")).isNull();
        assertThat(data.getValue(DigestChartRenderer.TRUST, "W47")).isNull();
        assertThat(data.getValue(DigestChartRenderer.TRUST, "W45")).isEqualTo(69.0);
        assertThat(data.getValue(DigestChartRenderer.WAU, "W47")).isEqualTo(52.0);
    }

    @Test
    void aWeekWithoutDataIsAGapToo() {
        WorkflowScore workflow = Scores.workflow("b", "B").history(List.of(new io.uptake.metrics.WeekPoint(
                "2026-W47", Figure.noData(Figure.Source.TELEMETRY), Figure.noData(Figure.Source.PULSE)))).build();

        DefaultCategoryDataset data = DigestChartRenderer.dataset(workflow);

        assertThat(data.getValue(DigestChartRenderer.WAU, "W47")).isNull();
    }

    @Test
    void thePercentAxisRunsToAHundredWhenNoValueIsAbove() {
        WorkflowScore workflow = Scores.workflow("a", "A").history(weeks(40, 100)).build();

        assertThat(percentAxis(workflow).getLowerBound()).isZero();
        assertThat(percentAxis(workflow).getUpperBound()).isEqualTo(100.0);
    }

    @Test
    void thePercentAxisGrowsToTheNextQuarterAboveTheHighestValue() {
        assertThat(percentAxis(Scores.workflow("a", "A").history(weeks(90, 137)).build()).getUpperBound())
                .isEqualTo(150.0);
        assertThat(percentAxis(Scores.workflow("b", "B").history(weeks(100.5, 60)).build()).getUpperBound())
                .isEqualTo(125.0);
        assertThat(percentAxis(Scores.workflow("c", "C").history(weeks(250, 70)).build()).getUpperBound())
                .isEqualTo(250.0);
    }

    @Test
    void aSuppressedValueDoesNotStretchTheAxis() {
        WorkflowScore workflow = Scores.workflow("b", "B").history(List.of(
                new WeekPoint("2026-W46", Figure.shown(80, 40, Source.TELEMETRY), Figure.shown(60, 8, Source.PULSE)),
                new WeekPoint("2026-W47", Figure.noData(Source.TELEMETRY), Figure.suppressed(Source.PULSE))))
                .build();

        assertThat(percentAxis(workflow).getUpperBound()).isEqualTo(100.0);
    }

    @Test
    void aLargeProgrammeDrawsAtMostSixtyPanels() throws Exception {
        byte[] png = DigestChartRenderer.png(Scores.large(61, 20));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getHeight()).isEqualTo(20 * (240 + DigestChartRenderer.STRIP
                + DigestChartRenderer.CALIBRATION) + 28);
    }

    private static ValueAxis percentAxis(WorkflowScore workflow) {
        return ((CategoryPlot) DigestChartRenderer.chart(workflow).getPlot()).getRangeAxis();
    }

    /** Two weeks with the given WAU% values and an ordinary trust index. */
    private static List<WeekPoint> weeks(double firstWau, double secondWau) {
        return List.of(new WeekPoint("2026-W46", Figure.shown(firstWau, 40, Source.TELEMETRY),
                        Figure.shown(70, 8, Source.PULSE)),
                new WeekPoint("2026-W47", Figure.shown(secondWau, 40, Source.TELEMETRY),
                        Figure.shown(72, 8, Source.PULSE)));
    }

    @Test
    void theCohortStripStacksTheShownCohortsHeaviestFirst() {
        assertThat(DigestChartRenderer.segments(Scores.cohorts())).extracting(DigestChartRenderer.Segment::label,
                DigestChartRenderer.Segment::percent).containsExactly(tuple("heavy",
                25.0), tuple("moderate", 25.0),
                tuple("light", 20.0), tuple("none", 30.0));
    }

    @Test
    void hiddenCohortsShareOneGreyPieceAndNoneOfTheirOwn() {
        Figure hidden = Figure.suppressed(Source.TELEMETRY);
        Cohorts cohorts = new Cohorts(Figure.shown(25, 20, Source.TELEMETRY), hidden, hidden,
                Figure.shown(35, 20, Source.TELEMETRY), hidden, hidden, 1, 3);

        assertThat(DigestChartRenderer.segments(cohorts)).extracting(DigestChartRenderer.Segment::label,
                DigestChartRenderer.Segment::percent).containsExactly(tuple("heavy",
                35.0), tuple("none", 25.0),
                tuple("hidden", 40.0));
        Cohorts allHidden = new Cohorts(hidden, hidden, hidden, hidden, hidden, hidden, 1, 3);
        assertThat(DigestChartRenderer.segments(allHidden)).isEmpty();
    }

    @Test
    void theCalibrationPanelPlacesTheWorkflowsPointAndAHiddenOneHasNone() throws Exception {
        // Trust 80 and 50 % fixing: the point sits 80 % along the 120-pixel square and half way up its 64 pixels.
        WorkflowScore over = calibrated(Scores.workflow("a", "A").build(), "OVER_TRUST",
                Figure.shown(80, 6, Source.PULSE), Figure.shown(50, 6, Source.PULSE));
        WorkflowScore hidden = calibrated(Scores.workflow("b", "B").build(), "SUPPRESSED",
                Figure.shown(80, 6, Source.PULSE), Figure.suppressed(Source.PULSE));
        byte[] png = DigestChartRenderer.png(Scores.card("2026-W47", Scores.programme("p", "P", Verdict.EMERGING,
                List.of(over, hidden))));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int top = 240 + DigestChartRenderer.STRIP;
        int x = 80 + 96;
        int y = top + 6 + 64 - 32;
        assertThat(image.getRGB(x, y) & 0xffffff).as("the point").isEqualTo(0x0b0c0c);
        assertThat(image.getRGB(420 + x, y) & 0xffffff).as("no point where it is hidden").isNotEqualTo(0x0b0c0c);
        // The over-trust corner is tinted: trust 60 to 100 and fixing 30 % to 100 %, here just inside its corner.
        assertThat(image.getRGB(80 + 118, top + 6 + 2) & 0xffffff).isEqualTo(0xf6d5d5);
        assertThat(image.getRGB(420 + 80 + 118, top + 6 + 2) & 0xffffff).isEqualTo(0xf6d5d5);
    }

    private static WorkflowScore calibrated(WorkflowScore w, String quadrant, Figure trust, Figure fixing) {
        return w.withSignals(w.blockers(), w.drift(), new TrustCalibration(quadrant, trust, fixing, "reading",
                CalibrationSettings.defaults()));
    }
}
