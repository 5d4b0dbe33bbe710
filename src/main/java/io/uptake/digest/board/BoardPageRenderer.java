package io.uptake.digest.board;

import io.uptake.metrics.Verdict;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a {@link BoardPage} on one PNG page with Java2D, in A4-landscape proportions ({@value #WIDTH} ×
 * {@value #HEIGHT} pixels: A4 at 120 dots per inch). Text is shrunk until the page fits; when even the smallest
 * text does not fit, the last workflows are left out and the page says how many.
 */
public final class BoardPageRenderer {

    public static final int WIDTH = 1403;
    public static final int HEIGHT = 992;

    private static final int MARGIN = 40;
    private static final int LABEL_COLUMN = 260;
    private static final double[] SCALES = {1.3, 1.15, 1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6};
    private static final Color INK = new Color(0x212121);
    private static final Color MUTED = new Color(0x616161);
    private static final Color RULE = new Color(0xbdbdbd);

    static {
        // Rendering runs on servers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private BoardPageRenderer() {
    }

    /** The page as PNG bytes. */
    public static byte[] png(BoardPage page) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            BoardPage fitted = page;
            double scale = SCALES[SCALES.length - 1];
            for (double s : SCALES) {
                if (draw(g, page, s, false) <= HEIGHT - MARGIN) {
                    scale = s;
                    break;
                }
            }
            while (draw(g, fitted, scale, false) > HEIGHT - MARGIN && !fitted.workflows().isEmpty()) {
                fitted = withoutLastWorkflow(fitted, page.workflows().size());
            }
            draw(g, fitted, scale, true);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the board summary page", e);
        }
    }

    /** The page without its last workflow, saying how many of all are left out. */
    static BoardPage withoutLastWorkflow(BoardPage page, int all) {
        List<BoardPage.WorkflowPart> parts = page.workflows().subList(0, page.workflows().size() - 1);
        List<String> notes = new ArrayList<>(page.notes().stream().filter(n -> !n.startsWith("Left out")).toList());
        notes.add("Left out for lack of room: " + (all - parts.size()) + " of " + all
                + " workflows; the dashboard and the scorecard API have them all.");
        return new BoardPage(page.title(), page.subtitle(), page.header(), page.weeks(), page.history(), parts,
                notes);
    }

    /** Lays the page out at a text scale, drawing when asked; returns the height used. */
    private static int draw(Graphics2D g, BoardPage page, double scale, boolean paint) {
        Pen pen = new Pen(g, scale, paint);
        pen.line(page.title(), Font.BOLD, 26, INK);
        pen.line(page.subtitle(), Font.PLAIN, 14, MUTED);
        pen.gap(6);
        for (String line : page.header()) {
            pen.wrapped(line, Font.PLAIN, 14, INK, 0);
        }
        pen.gap(8);
        history(pen, page);
        pen.gap(8);
        for (BoardPage.WorkflowPart part : page.workflows()) {
            pen.rule();
            pen.wrapped(part.name() + " · " + part.verdict(), Font.BOLD, 14, INK, 0);
            for (String line : part.lines()) {
                pen.wrapped(line, Font.PLAIN, 12, INK, 14);
            }
        }
        pen.rule();
        for (String note : page.notes()) {
            pen.wrapped(note, Font.PLAIN, 11, MUTED, 0);
        }
        return pen.y;
    }

    private static void history(Pen pen, BoardPage page) {
        pen.line("Verdict by week", Font.BOLD, 14, INK);
        int weeks = Math.max(1, page.weeks().size());
        double cell = (WIDTH - 2.0 * MARGIN - LABEL_COLUMN) / weeks;
        int rowHeight = (int) Math.round(20 * pen.scale);
        Font small = pen.font(Font.PLAIN, 11);
        if (pen.paint) {
            pen.g.setFont(small);
            pen.g.setColor(MUTED);
            for (int i = 0; i < page.weeks().size(); i++) {
                String week = page.weeks().get(i);
                String label = week.substring(week.indexOf('-') + 1);
                pen.g.drawString(label, (int) (MARGIN + LABEL_COLUMN + i * cell + 4), pen.y + rowHeight - 6);
            }
        }
        pen.y += rowHeight;
        for (BoardPage.HistoryRow row : page.history()) {
            if (pen.paint) {
                pen.g.setFont(small);
                pen.g.setColor(INK);
                pen.g.drawString(fit(pen.g.getFontMetrics(), row.name(), LABEL_COLUMN - 8), MARGIN,
                        pen.y + rowHeight - 6);
                for (int i = 0; i < row.cells().size(); i++) {
                    BoardPage.Cell c = row.cells().get(i);
                    int x = (int) (MARGIN + LABEL_COLUMN + i * cell);
                    pen.g.setColor(fill(c.verdict()));
                    pen.g.fillRect(x + 1, pen.y + 1, (int) cell - 2, rowHeight - 2);
                    pen.g.setColor(INK);
                    pen.g.drawString(fit(pen.g.getFontMetrics(), c.text(), (int) cell - 6), x + 4,
                            pen.y + rowHeight - 6);
                }
            }
            pen.y += rowHeight;
        }
    }

    static Color fill(Verdict verdict) {
        if (verdict == null) {
            return new Color(0xf5f5f5);
        }
        return switch (verdict) {
            case LEVERAGE -> new Color(0xa5d6a7);
            case EMERGING -> new Color(0xffe082);
            case ACTIVITY -> new Color(0xef9a9a);
        };
    }

    private static String fit(FontMetrics metrics, String text, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Where the next line goes, and how to set text there. */
    private static final class Pen {

        final Graphics2D g;
        final double scale;
        final boolean paint;
        int y = MARGIN;

        Pen(Graphics2D g, double scale, boolean paint) {
            this.g = g;
            this.scale = scale;
            this.paint = paint;
        }

        Font font(int style, int size) {
            return new Font(Font.SANS_SERIF, style, (int) Math.max(8, Math.round(size * scale)));
        }

        void line(String text, int style, int size, Color color) {
            Font font = font(style, size);
            FontMetrics metrics = g.getFontMetrics(font);
            y += metrics.getAscent();
            if (paint) {
                g.setFont(font);
                g.setColor(color);
                g.drawString(fit(metrics, text, WIDTH - 2 * MARGIN), MARGIN, y);
            }
            y += metrics.getDescent() + 2;
        }

        void wrapped(String text, int style, int size, Color color, int indent) {
            Font font = font(style, size);
            FontMetrics metrics = g.getFontMetrics(font);
            int width = WIDTH - 2 * MARGIN - indent;
            for (String line : wrap(metrics, text, width)) {
                y += metrics.getAscent();
                if (paint) {
                    g.setFont(font);
                    g.setColor(color);
                    g.drawString(line, MARGIN + indent, y);
                }
                y += metrics.getDescent() + 1;
            }
        }

        void gap(int pixels) {
            y += (int) Math.round(pixels * scale);
        }

        void rule() {
            gap(4);
            if (paint) {
                g.setColor(RULE);
                g.drawLine(MARGIN, y, WIDTH - MARGIN, y);
            }
            gap(4);
        }
    }

    static List<String> wrap(FontMetrics metrics, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(next) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(metrics.stringWidth(next) <= width ? next : fit(metrics, next, width));
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(fit(metrics, word, width));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
