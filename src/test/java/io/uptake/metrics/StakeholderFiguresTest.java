package io.uptake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A stakeholder round's shares and line, against figures worked out by hand. */
class StakeholderFiguresTest {

    private final StakeholderFigures figures = new StakeholderFigures(new Anonymity(MetricsSettings.defaults()),
            MetricsSettings.defaults());

    private static StakeholderFigures.Counts closed(int asked, int answered, int confident, int confidenceN,
                                                    int fundYes, int fundN, List<String> texts) {
        return new StakeholderFigures.Counts("2026-Q4", true, asked, answered, confident, confidenceN, fundYes,
                fundN, texts);
    }

    @Test
    void sixOfSevenAnsweredGiveTheirSharesOnceClosed() {
        // Confidence 5, 4, 4, 5, 3, 2: four of six at 4 or 5 = 66.7 %; fund Yes from five of six = 83.3 %.
        StakeholderPulse pulse = figures.of(closed(7, 6, 4, 6, 5, 6, List.of("a clearer business case")));

        assertThat(pulse.asked()).isEqualTo(7);
        assertThat(pulse.answered()).isEqualTo(6);
        assertThat(pulse.confidentPercent()).isEqualTo(Figure.shown(66.7, 6, Figure.Source.PULSE));
        assertThat(pulse.fundPercent()).isEqualTo(Figure.shown(83.3, 6, Figure.Source.PULSE));
        assertThat(pulse.changeMind()).as("six answers are below the free-text threshold of 10").isEmpty();
        assertThat(StakeholderFigures.summary(pulse, 5))
                .isEqualTo("6 of 7 answered · confident 67 % · willing to fund 83 %");
    }

    @Test
    void belowTheThresholdOnlyThatAnswersExistIsShown() {
        StakeholderPulse pulse = figures.of(closed(4, 3, 3, 3, 3, 3, List.of("nothing")));

        assertThat(pulse.answered()).isEqualTo(3);
        assertThat(pulse.confidentPercent().state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(pulse.fundPercent().state()).isEqualTo(Figure.State.SUPPRESSED);
        assertThat(pulse.changeMind()).isEmpty();
        assertThat(StakeholderFigures.summary(pulse, 5)).isEqualTo("3 of 4 answered (figures need 5)");
    }

    @Test
    void aShareRestsOnTheAnswersToItsOwnQuestion() {
        // Six answered the round but only four the fund question: the fund share stays hidden.
        StakeholderPulse pulse = figures.of(closed(6, 6, 6, 6, 4, 4, List.of()));

        assertThat(pulse.confidentPercent()).isEqualTo(Figure.shown(100.0, 6, Figure.Source.PULSE));
        assertThat(pulse.fundPercent().state()).isEqualTo(Figure.State.SUPPRESSED);
    }

    @Test
    void sharesWaitForTheCloseSoNoSingleAnswerCanBeRecoveredBySubtraction() {
        // Five answered on Monday, six on Tuesday: were shares shown while open, Tuesday's minus Monday's would
        // give the sixth person's answers. Open, only the counts move; closed, the shares appear once and stay.
        StakeholderPulse monday = figures.of(new StakeholderFigures.Counts("2026-Q4", false, 7, 5, 3, 5, 4, 5,
                List.of()));
        StakeholderPulse tuesday = figures.of(new StakeholderFigures.Counts("2026-Q4", false, 7, 6, 4, 6, 5, 6,
                List.of()));

        for (StakeholderPulse open : List.of(monday, tuesday)) {
            assertThat(open.confidentPercent().isShown()).isFalse();
            assertThat(open.fundPercent().isShown()).isFalse();
        }
        assertThat(StakeholderFigures.summary(tuesday, 5))
                .isEqualTo("6 of 7 answered so far (figures when the pulse closes)");
    }

    @Test
    void whatWouldChangeMindsIsShownFromTenAnswers() {
        List<String> texts = IntStream.rangeClosed(1, 4).mapToObj(i -> "reason " + i).toList();

        assertThat(figures.of(closed(12, 9, 5, 9, 5, 9, texts)).changeMind()).isEmpty();
        assertThat(figures.of(closed(12, 10, 5, 10, 5, 10, texts)).changeMind()).containsExactlyElementsOf(texts);
    }

    @Test
    void aProgrammeWithoutARoundHasNoLine() {
        assertThat(StakeholderFigures.summary(StakeholderPulse.none(), 5)).isEmpty();
    }
}
