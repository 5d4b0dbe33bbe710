package io.uptake.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgCalibrationPlotTest {

    /** Where the renderer puts a trust index, worked out here from the plot's size: 0 at the left. */
    static double xOf(double trust) {
        return SvgCalibrationPlot.LEFT + SvgCalibrationPlot.SIZE * trust / 100;
    }

    /** Where it puts a correction rate: 0 at the bottom. */
    static double yOf(double percent) {
        return SvgCalibrationPlot.TOP + SvgCalibrationPlot.SIZE * (1 - percent / 100);
    }

    static CalibrationPlot plot(Double trust, Double correction) {
        return new CalibrationPlot("cal-1", "Trust against corrections", trust, correction, 60, 40, 30, 10);
    }

    @Test
    void drawsTheFourThresholdsAndTheWorkflowsPoint() throws Exception {
        Document svg = SvgLineChartTest.parse(SvgCalibrationPlot.render(plot(79.2, 50.0)));

        List<String> thresholds = new ArrayList<>();
        NodeList lines = svg.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if ("threshold".equals(line.getAttribute("class"))) {
                thresholds.add(line.getAttribute("x1") + "," + line.getAttribute("y1") + "," + line.getAttribute("x2")
                        + "," + line.getAttribute("y2"));
            }
        }
        assertThat(thresholds).containsExactly(
                fmt(xOf(40)) + "," + fmt(yOf(0)) + "," + fmt(xOf(40)) + "," + fmt(yOf(100)),
                fmt(xOf(60)) + "," + fmt(yOf(0)) + "," + fmt(xOf(60)) + "," + fmt(yOf(100)),
                fmt(xOf(0)) + "," + fmt(yOf(10)) + "," + fmt(xOf(100)) + "," + fmt(yOf(10)),
                fmt(xOf(0)) + "," + fmt(yOf(30)) + "," + fmt(xOf(100)) + "," + fmt(yOf(30)));
        Element point = (Element) svg.getElementsByTagName("circle").item(0);
        assertThat(point.getAttribute("cx")).isEqualTo(fmt(xOf(79.2)));
        assertThat(point.getAttribute("cy")).isEqualTo(fmt(yOf(50)));
        assertThat(svg.getDocumentElement().getTextContent()).contains("over-trust", "under-trust", "30 %", "10 %",
                "Trust index");
    }

    @Test
    void aHiddenQuadrantDrawsNoPoint() throws Exception {
        Document svg = SvgLineChartTest.parse(SvgCalibrationPlot.render(plot(null, null)));

        assertThat(svg.getElementsByTagName("circle").getLength()).isZero();
        assertThat(svg.getElementsByTagName("line").getLength()).isEqualTo(4);
    }

    @Test
    void hasATitleForScreenReadersThatCarriesNoValue() throws Exception {
        Document svg = SvgLineChartTest.parse(SvgCalibrationPlot.render(plot(79.2, 50.0)));

        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("cal-1-title");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Trust against corrections").doesNotContain("79");
        assertThat(root.getTextContent()).doesNotContain("79.2");
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
