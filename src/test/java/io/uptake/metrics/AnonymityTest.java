package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnonymityTest {

    final Anonymity rules = new Anonymity(MetricsSettings.defaults());

    @Test
    void scoresBelowMinRespondentsAreSuppressedWithoutTheirValue() {
        assertThat(rules.score(80, 4, Figure.Source.PULSE)).isEqualTo(new Figure(null, 0, Figure.Source.PULSE,
                Figure.State.SUPPRESSED));
        assertThat(rules.score(80, 5, Figure.Source.PULSE)).isEqualTo(Figure.shown(80, 5, Figure.Source.PULSE));
    }

    @Test
    void oneSmallGroupTakesTheNextSmallestWithIt() {
        List<Figure> groups = rules.breakdown(List.of(12, 3, 7, 9), Figure.Source.PULSE);

        assertThat(groups).extracting(Figure::state).containsExactly(Figure.State.SHOWN, Figure.State.SUPPRESSED,
                Figure.State.SUPPRESSED, Figure.State.SHOWN);
    }

    @Test
    void noSuppressedGroupCanBeRecoveredBySubtractingTheShownOnesFromTheTotal() {
        List<Integer> counts = List.of(0, 1, 0, 6, 8);
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        List<Figure> groups = rules.breakdown(counts, Figure.Source.PULSE);

        int shownSum = groups.stream().filter(Figure::isShown).mapToInt(f -> f.value().intValue()).sum();
        List<Integer> hidden = IntStream.range(0, 5).filter(i -> !groups.get(i).isShown()).boxed().toList();
        // The remainder is known, but it is spread over at least two groups that each could hold it.
        assertThat(hidden).hasSizeGreaterThanOrEqualTo(2);
        assertThat(hidden.stream().filter(i -> counts.get(i) > 0).count()).isGreaterThanOrEqualTo(2);
        assertThat(total - shownSum).isEqualTo(counts.get(1) + counts.get(3));
    }

    @Test
    void emptyGroupsStayShown() {
        assertThat(rules.breakdown(List.of(0, 0, 6, 9, 0), Figure.Source.PULSE)).allMatch(Figure::isShown);
    }

    @Test
    void aTotalBelowTheThresholdHidesEveryGroup() {
        assertThat(rules.breakdown(List.of(0, 2, 2, 0), Figure.Source.PULSE)).noneMatch(Figure::isShown);
    }

    @Test
    void aBreakdownBesideItsMeanIsAllOrNothing() {
        // With the mean and n also shown, two hidden groups could be solved: (c4 + c5, 4·c4 + 5·c5) are known.
        List<Figure> groups = rules.breakdownBesideMean(List.of(0, 0, 6, 2, 9), Figure.Source.PULSE);

        assertThat(groups).noneMatch(Figure::isShown);
    }

    @Test
    void minRespondentsBelowThreeIsRefusedAtStartup() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("uptake.metrics.min-respondents", 2,
                "datasources.default.url", "target/anonymity-refused.db"), "test"))
                .hasStackTraceContaining("uptake.metrics.min-respondents is 2 but may never be below 3");
    }

    @Test
    void freeTextThresholdBelowTheScoreThresholdIsRefused() {
        assertThatThrownBy(() -> new Anonymity(new MetricsSettings(5, 4, 90, 60, 15, 50, 25, 12, 9, 50)))
                .hasMessageContaining("min-free-text is 4 but may not be below min-respondents (5)");
    }

    @Test
    void minRespondentsOfThreeIsAccepted() {
        Anonymity three = new Anonymity(new MetricsSettings(3, 10, 90, 60, 15, 50, 25, 12, 9, 50));

        assertThat(three.score(1, 3, Figure.Source.PULSE).isShown()).isTrue();
    }

    @Test
    void aShareIsHiddenWhenTheRestOfTheWholeIsASmallGroup() {
        assertThat(rules.share(18, 20, Figure.Source.TELEMETRY).state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(rules.share(3, 20, Figure.Source.TELEMETRY).state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(rules.share(0, 20, Figure.Source.TELEMETRY)).isEqualTo(Figure.shown(0, 20,
                Figure.Source.TELEMETRY));
        assertThat(rules.share(5, 20, Figure.Source.TELEMETRY)).isEqualTo(Figure.shown(25, 20,
                Figure.Source.TELEMETRY));
    }

    @Test
    void aSmallActiveCohortBesideEmptyOnesHidesEveryActiveCohort() {
        // WAU gives light + moderate + heavy = 3; with the others shown as 0, light would be 3.
        List<Figure> cohorts = rules.cohorts(List.of(17, 3, 0, 0), Figure.Source.TELEMETRY);

        assertThat(cohorts.get(0).isShown()).isTrue();
        assertThat(cohorts.subList(1, 4)).noneMatch(Figure::isShown);
    }

    @Test
    void cohortThresholdsThatLeaveACohortEmptyAreRefusedAtStartup() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("uptake.metrics.cohorts.light-max-days", 3,
                "uptake.metrics.cohorts.moderate-max-days", 3,
                "datasources.default.url", "target/cohorts-refused.db"), "test"))
                .hasStackTraceContaining("1 <= light-max-days < moderate-max-days < 7");
    }
}
