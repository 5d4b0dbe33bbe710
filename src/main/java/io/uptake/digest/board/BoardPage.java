package io.uptake.digest.board;

import io.micronaut.core.annotation.Nullable;
import io.uptake.metrics.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What one board summary page says, as text, kept apart from its drawing ({@link BoardPageRenderer}) so that
 * what it says can be read and tested without pixels.
 *
 * @param title    e.g. "Operations AI · board summary 2026-Q4"
 * @param subtitle the period and the weeks it covers
 * @param header   owner, sponsor, programme verdict with its first reason, programme outcome and first flag
 * @param weeks    the quarter's ISO weeks, oldest first, the columns of {@code history}
 * @param history  the verdict of each week: the programme's first, then each workflow's
 * @param workflows each workflow's outcome, evidence, effect estimate and decisions
 * @param notes    the legend and what the page leaves out
 */
public record BoardPage(String title, String subtitle, List<String> header, List<String> weeks,
                        List<HistoryRow> history, List<WorkflowPart> workflows, List<String> notes) {

    public BoardPage {
        header = List.copyOf(header);
        weeks = List.copyOf(weeks);
        history = List.copyOf(history);
        workflows = List.copyOf(workflows);
        notes = List.copyOf(notes);
    }

    /** One row of the verdict history: a programme or a workflow, one cell per week. */
    public record HistoryRow(String name, List<Cell> cells) {

        public HistoryRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One week's verdict: {@code text} is what the cell says ("E 45%": the verdict's letter and WAU), verdict null
     * when the week was not scored (the programme or workflow did not exist yet).
     */
    public record Cell(@Nullable Verdict verdict, String text) {
    }

    /** A workflow's block: its name with stage and verdict at the quarter's end, then its lines. */
    public record WorkflowPart(String name, String verdict, List<String> lines) {

        public WorkflowPart {
            lines = List.copyOf(lines);
        }
    }

    /** Everything the page says, line by line, in reading order: for tests and for readers without the image. */
    public List<String> lines() {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.add(subtitle);
        all.addAll(header);
        all.add("Verdict by week: " + String.join(" | ", weeks));
        for (HistoryRow row : history) {
            all.add(row.name() + ": " + String.join(" | ", row.cells().stream().map(Cell::text).toList()));
        }
        for (WorkflowPart part : workflows) {
            all.add(part.name() + " · " + part.verdict());
            all.addAll(part.lines());
        }
        all.addAll(notes);
        return all;
    }
}
