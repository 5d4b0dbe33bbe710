package io.uptake.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.BlockerCategory;
import io.uptake.metrics.Blockers;
import io.uptake.metrics.Figure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digest's "In the way" line: top blockers with their change, what works, or why it is hidden. */
class BlockerWordingTest {

    static Blockers blockers(int n, Map<String, Double> shown, Map<String, Double> changes, List<String> top) {
        List<Blockers.BlockerShare> shares = BlockerCategory.inOrder().stream().map(c -> new Blockers.BlockerShare(
                c.code(), c.label(), shown.containsKey(c.code()) ? Figure.shown(shown.get(c.code()), n,
                Figure.Source.PULSE) : Figure.suppressed(Figure.Source.PULSE), changes.containsKey(c.code())
                ? Figure.shown(changes.get(c.code()), n, Figure.Source.PULSE) : Figure.noData(Figure.Source.PULSE)))
                .toList();
        return new Blockers(n, shares, top);
    }

    @Test
    void topBlockersWithTheirChangeThenWhatWorks() {
        Blockers b = blockers(20, Map.of("time", 40.0, "data-access", 25.0, "integration", 15.0, "nothing", 20.0),
                Map.of("time", 12.4, "data-access", -5.0, "integration", 0.2), List.of("time", "data-access",
                        "integration"));

        assertThat(BlockerWording.line(b, 5)).isEqualTo(
                "no time 40% (↑ 12) · data access 25% (↓ 5) · integration 15% (→ 0) · nothing in the way 20% of 20"
                        + " answers");
    }

    @Test
    void everyShareHiddenSaysWhy() {
        assertThat(BlockerWording.line(blockers(4, Map.of(), Map.of(), List.of()), 5))
                .isEqualTo("—  (fewer than 5 answers)");
    }
}
