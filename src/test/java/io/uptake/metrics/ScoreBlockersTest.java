package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What is in the way, from counts per category (data access, integration, rules, trust, training, time, fit,
 * nothing); every expected share and change is worked out by hand in the test.
 */
class ScoreBlockersTest {

    final ScoreBlockers blockers = new ScoreBlockers(new Anonymity(MetricsSettings.defaults()));

    static final int[] NONE = new int[8];

    @Test
    void sharesOfTheWeeksAnswersWithTheTopBlockersMostNamedFirstAndNothingLeftOut() {
        // 20 answers: data access 5, no time 8, nothing 7.
        Blockers b = blockers.score(new int[][] {{5, 0, 0, 0, 0, 8, 0, 7}, NONE, NONE, NONE, NONE});

        assertThat(b.respondents()).isEqualTo(20);
        assertThat(b.categories()).extracting(Blockers.BlockerShare::code).containsExactly("data-access",
                "integration", "rules", "trust", "training", "time", "fit", "nothing");
        assertThat(b.categories()).extracting(s -> s.percent().value())
                .containsExactly(25.0, 0.0, 0.0, 0.0, 0.0, 40.0, 0.0, 35.0);
        assertThat(b.categories()).allSatisfy(s -> assertThat(s.percent().n()).isEqualTo(20));
        assertThat(b.top()).containsExactly("time", "data-access");
        // No earlier week had answers: nothing to compare with.
        assertThat(b.categories()).allSatisfy(s -> assertThat(s.change().state()).isEqualTo(Figure.State.NO_DATA));
    }

    @Test
    void aSmallCategoryHidesTheNextSmallestSoNeitherCanBeRecoveredFromTheTotal() {
        // 25 answers: data access 3 (too few), rules 6, no time 9, nothing 7. Data access alone would be
        // 100 − the others; so rules, the smallest other named one, is hidden with it.
        int[] week = {3, 0, 6, 0, 0, 9, 0, 7};
        Blockers b = blockers.score(new int[][] {week, NONE, NONE, NONE, NONE});

        List<Figure> shares = b.categories().stream().map(Blockers.BlockerShare::percent).toList();
        assertThat(shares).extracting(Figure::state).containsExactly(Figure.State.SUPPRESSED, Figure.State.SHOWN,
                Figure.State.SUPPRESSED, Figure.State.SHOWN, Figure.State.SHOWN, Figure.State.SHOWN,
                Figure.State.SHOWN, Figure.State.SHOWN);
        assertThat(shares.get(5).value()).isEqualTo(36.0);
        assertThat(shares.get(7).value()).isEqualTo(28.0);
        // What a reader can subtract: the shown shares back to answers, the rest of the 25 is 9, shared by two
        // hidden categories that both had answers, so neither count is given away.
        long shownAnswers = IntStream.range(0, 8).filter(i -> shares.get(i).isShown())
                .mapToLong(i -> Math.round(shares.get(i).value() * 25 / 100)).sum();
        assertThat(25 - shownAnswers).isEqualTo(9);
        List<Integer> hiddenNamed = IntStream.range(0, 8).filter(i -> !shares.get(i).isShown() && week[i] > 0)
                .boxed().toList();
        assertThat(hiddenNamed).hasSize(2);
        assertThat(shares).filteredOn(f -> !f.isShown()).allSatisfy(f -> assertThat(f.value()).isNull());
        // A hidden category is neither among the top blockers nor given a change.
        assertThat(b.top()).containsExactly("time");
        assertThat(b.categories().get(0).change().state()).isEqualTo(Figure.State.SUPPRESSED);
    }

    @Test
    void fewerAnswersThanTheThresholdHideEveryShare() {
        Blockers b = blockers.score(new int[][] {{0, 0, 0, 0, 0, 4, 0, 0}, NONE, NONE, NONE, NONE});

        assertThat(b.respondents()).isEqualTo(4);
        assertThat(b.categories()).allSatisfy(s -> assertThat(s.percent().isShown()).isFalse());
        assertThat(b.top()).isEmpty();
    }

    @Test
    void aWeekWithoutAnswersHasNoData() {
        assertThat(blockers.score(new int[][] {NONE, {5, 5, 0, 0, 0, 0, 0, 0}, NONE, NONE, NONE}))
                .isEqualTo(Blockers.noData());
    }

    @Test
    void theChangeIsAgainstThePreviousWeeksInWhichTheCategoryWasShown() {
        int[] now = {5, 0, 0, 0, 0, 8, 0, 7};
        // A week ago: 20 answers, data access 5, no time 5, nothing 10: all shown.
        int[] weekAgo = {5, 0, 0, 0, 0, 5, 0, 10};
        // Two weeks ago: 20 answers, data access 6, no time 4 (too few), nothing 10: no time and data access hidden.
        int[] twoWeeksAgo = {6, 0, 0, 0, 0, 4, 0, 10};
        Blockers b = blockers.score(new int[][] {now, weekAgo, twoWeeksAgo, NONE, NONE});

        // No time: 40% now against 5 of 20 (25%) in the one earlier week it was shown: +15.
        Blockers.BlockerShare time = b.categories().get(5);
        assertThat(time.change().value()).isEqualTo(15.0);
        assertThat(time.change().n()).isEqualTo(40);
        // Data access: 25% now against 5 of 20 a week ago (hidden two weeks ago): 0.
        assertThat(b.categories().get(0).change().value()).isEqualTo(0.0);
        // Nothing: 35% now against 20 of 40 (50%): −15.
        assertThat(b.categories().get(7).change().value()).isEqualTo(-15.0);
        // Integration: none now, none of the 40 before: 0.
        assertThat(b.categories().get(1).change().value()).isEqualTo(0.0);
    }

    @Test
    void aChangeIsRoundedOnceFromTheExactShares() {
        // Now 7 of 15 (46.666…%) against 5 of 12 (41.666…%): +5.0, not 46.7 − 41.7 computed from rounded shares.
        int[][] weeks = {{0, 0, 0, 0, 0, 7, 0, 8}, {0, 0, 0, 0, 0, 5, 0, 7}, NONE, NONE, NONE};
        Blockers b = blockers.score(weeks);

        assertThat(b.categories().get(5).percent().value()).isEqualTo(46.7);
        assertThat(b.categories().get(5).change().value()).isEqualTo(5.0);
    }
}
