package io.uptake.api;

import io.uptake.catalog.BlockerCategory;
import io.uptake.metrics.Blockers;
import io.uptake.metrics.Figure;
import io.uptake.metrics.WorkflowScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorecard CSV's blockers columns, at the end of each workflow's row: how many answered "What's most in the
 * way?", each category's share and its change against the previous 4 weeks (in the question's order), and the top
 * blockers' codes. A hidden share is written {@code suppressed}, a week without answers {@code n/a}.
 */
final class BlockersCsv {

    static final List<String> HEADERS = headers();

    private BlockersCsv() {
    }

    static List<Object> values(WorkflowScore w) {
        Blockers b = w.blockers();
        List<Object> values = new ArrayList<>();
        values.add(b.respondents());
        for (BlockerCategory category : BlockerCategory.inOrder()) {
            Blockers.BlockerShare share = b.categories().stream().filter(s -> s.code().equals(category.code()))
                    .findFirst().orElse(null);
            values.add(share == null ? ScorecardCsv.NO_DATA : ScorecardCsv.value(share.percent()));
            values.add(share == null ? ScorecardCsv.NO_DATA : change(share));
        }
        values.add(String.join(";", b.top()));
        return values;
    }

    /** A change is only worded when the share it belongs to is: a hidden share hides its change too. */
    private static String change(Blockers.BlockerShare share) {
        return share.percent().state() == Figure.State.SUPPRESSED ? ScorecardCsv.SUPPRESSED
                : ScorecardCsv.value(share.change());
    }

    /** The column stem of a category: its code with underscores, as the other columns are named. */
    static String column(BlockerCategory category) {
        return "blocker_" + category.code().replace('-', '_');
    }

    private static List<String> headers() {
        List<String> headers = new ArrayList<>();
        headers.add("blockers_n");
        for (BlockerCategory category : BlockerCategory.inOrder()) {
            headers.add(column(category) + "_percent");
            headers.add(column(category) + "_change");
        }
        headers.add("blockers_top");
        return List.copyOf(headers);
    }
}
