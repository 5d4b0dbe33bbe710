package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.Figure;
import io.uptake.metrics.Verdict;
import io.uptake.metrics.WorkflowScore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
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
        assertThat(image.getHeight()).isEqualTo(2 * 240 + 28);
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
    void aLargeProgrammeDrawsAtMostSixtyPanels() throws Exception {
        byte[] png = DigestChartRenderer.png(Scores.large(61, 20));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getHeight()).isEqualTo(20 * 240 + 28);
    }
}
