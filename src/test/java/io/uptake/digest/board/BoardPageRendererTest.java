package io.uptake.digest.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The page draws as a real PNG of A4-landscape proportions, with ink on it, however many workflows there are. */
class BoardPageRendererTest {

    @Test
    void thePageIsAPngOfA4LandscapeProportionsWithTextOnIt() throws IOException {
        byte[] png = BoardPageRenderer.png(ComposeBoardPageTest.page());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1403);
        assertThat(image.getHeight()).isEqualTo(992);
        // 297 ÷ 210 = 1.414 for A4.
        assertThat((double) image.getWidth() / image.getHeight()).isCloseTo(297.0 / 210, org.assertj.core.data
                .Offset.offset(0.01));
        assertThat(inked(image)).isGreaterThan(0.01);
        // The verdict colours are on the page: the triage row's LEVERAGE week is green.
        assertThat(hasColour(image, BoardPageRenderer.fill(io.uptake.metrics.Verdict.LEVERAGE).getRGB())).isTrue();
    }

    @Test
    void aProgrammeTooLargeForOnePageStillDrawsOnePageAndSaysWhatIsLeftOut() throws IOException {
        BoardPage one = ComposeBoardPageTest.page();
        List<BoardPage.WorkflowPart> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(one.workflows().get(0));
        }
        BoardPage big = new BoardPage(one.title(), one.subtitle(), one.header(), one.weeks(), one.history(), many,
                one.notes());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BoardPageRenderer.png(big)));
        assertThat(image.getHeight()).isEqualTo(992);
        assertThat(inked(image)).isGreaterThan(0.01);
        BoardPage fewer = BoardPageRenderer.withoutLastWorkflow(BoardPageRenderer.withoutLastWorkflow(big, 40), 40);
        assertThat(fewer.workflows()).hasSize(38);
        assertThat(fewer.notes()).containsExactly(ComposeBoardPage.LEGEND, "Left out for lack of room: 2 of 40 "
                + "workflows; the dashboard and the scorecard API have them all.");
    }

    /** The share of pixels that are not white. */
    static double inked(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) {
                    return true;
                }
            }
        }
        return false;
    }
}
