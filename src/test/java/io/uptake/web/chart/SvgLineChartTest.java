package io.uptake.web.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.web.chart.LineChart.Guide;
import io.uptake.web.chart.LineChart.Look;
import io.uptake.web.chart.LineChart.Series;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgLineChartTest {

    static final List<String> WEEKS = List.of("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44");
    static final List<Guide> VERDICT_LINES = List.of(new Guide(25, "25 % emerging"), new Guide(50, "50 % leverage"));

    static LineChart chart(Double... values) {
        return new LineChart("c1", "Weekly active use", WEEKS,
                List.of(new Series("WAU %", Look.BLUE, Arrays.asList(values))), VERDICT_LINES);
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
    }

    /** The y coordinate the renderer gives a value, worked out here from the plot's size: 0 at the bottom. */
    static double yOf(double value) {
        return SvgLineChart.TOP + SvgLineChart.PLOT_HEIGHT * (1 - value / 100);
    }

    @Test
    void drawsTheVerdictLinesAtTwentyFiveAndFiftyPercentWithTheirLabels() throws Exception {
        Document svg = parse(SvgLineChart.render(chart(10.0, 20.0, 30.0, 40.0, 60.0)));

        NodeList lines = svg.getElementsByTagName("line");
        List<Double> guides = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if ("guide".equals(line.getAttribute("class"))) {
                assertThat(line.getAttribute("y1")).isEqualTo(line.getAttribute("y2"));
                guides.add(Double.parseDouble(line.getAttribute("y1")));
            }
        }
        assertThat(guides).containsExactly(yOf(25), yOf(50));
        assertThat(svg.getDocumentElement().getTextContent()).contains("25 % emerging", "50 % leverage");
    }

    @Test
    void aWeekWithoutAValueBreaksTheLineAndDrawsNoPoint() throws Exception {
        Document svg = parse(SvgLineChart.render(chart(10.0, 20.0, null, 40.0, 60.0)));

        Element series = series(svg);
        String d = ((Element) series.getElementsByTagName("path").item(0)).getAttribute("d");
        // Two pieces: weeks 0-1, then weeks 3-4, and nothing at week 2's x.
        assertThat(d.split("M")).hasSize(3);
        assertThat(d.trim().split("\\s*M")).filteredOn(s -> !s.isBlank()).hasSize(2);
        assertThat(series.getElementsByTagName("circle").getLength()).isEqualTo(4);
        String weekTwoX = String.format(java.util.Locale.ROOT, "%.1f", SvgLineChart.x(2, 5));
        assertThat(d).doesNotContain(weekTwoX + " ");
        assertThat(pointsY(d)).containsExactly(yOf(10), yOf(20), yOf(40), yOf(60));
    }

    @Test
    void aSeriesWithOnlyGapsDrawsNoLine() throws Exception {
        Document svg = parse(SvgLineChart.render(chart(null, null, null, null, null)));

        Element series = series(svg);
        assertThat(series.getElementsByTagName("path").getLength()).isZero();
        assertThat(series.getElementsByTagName("circle").getLength()).isZero();
    }

    @Test
    void noElementCarriesAValueInATitleOrTooltip() {
        String svg = SvgLineChart.render(chart(12.5, 20.0, 33.3, 40.0, 60.0));

        assertThat(svg).doesNotContain("title=\"");
        Matcher titles = Pattern.compile("<title[^>]*>(.*?)</title>").matcher(svg);
        int count = 0;
        while (titles.find()) {
            count++;
            assertThat(titles.group(1)).isEqualTo("Weekly active use");
        }
        assertThat(count).isEqualTo(1);
        assertThat(svg).doesNotContain("12.5", "33.3");
    }

    @Test
    void escapesTheTitleSeriesNamesAndLabels() throws Exception {
        LineChart chart = new LineChart("c\"2", "<script>alert('x')</script> & co", WEEKS,
                List.of(new Series("Use <b>\"quoted\"</b>", Look.GREEN, Arrays.asList(1.0, 2.0, 3.0, 4.0, 5.0))),
                List.of(new Guide(50, "50 % & <more>")));

        String svg = SvgLineChart.render(chart);

        assertThat(svg).doesNotContain("<script>", "<b>", "& co", "<more>");
        Document parsed = parse(svg);
        assertThat(parsed.getDocumentElement().getTextContent())
                .contains("<script>alert('x')</script> & co", "Use <b>\"quoted\"</b>", "50 % & <more>");
        assertThat(parsed.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("c\"2-title");
    }

    @Test
    void isAnImageNamedByItsTitle() throws Exception {
        Element root = parse(SvgLineChart.render(chart(1.0, 2.0, 3.0, 4.0, 5.0))).getDocumentElement();

        assertThat(root.getAttribute("role")).isEqualTo("img");
        Element title = (Element) root.getElementsByTagName("title").item(0);
        assertThat(title.getAttribute("id")).isEqualTo(root.getAttribute("aria-labelledby"));
    }

    @Test
    void valuesOutsideZeroToHundredStayInsideThePlot() throws Exception {
        Element series = series(parse(SvgLineChart.render(chart(-20.0, 150.0, 50.0, 50.0, 50.0))));

        String d = ((Element) series.getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(pointsY(d).subList(0, 2)).containsExactly(yOf(0), yOf(100));
    }

    @Test
    void refusesASeriesOfTheWrongLength() {
        assertThatThrownBy(() -> new LineChart("c", "t", WEEKS,
                List.of(new Series("s", Look.BLUE, List.of(1.0))), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 5 weeks");
    }

    private static Element series(Document svg) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("series".equals(g.getAttribute("class"))) {
                return g;
            }
        }
        throw new AssertionError("no series group");
    }

    private static List<Double> pointsY(String d) {
        List<Double> ys = new ArrayList<>();
        Matcher m = Pattern.compile("[ML](\\S+) (\\S+)").matcher(d);
        while (m.find()) {
            ys.add(Double.parseDouble(m.group(2)));
        }
        return ys;
    }
}
