package io.uptake.metrics;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns a stakeholder round's counts into its thresholded figures, for the scorecard and the owner's summary alike.
 *
 * <p>Shares appear only once the round has closed: while it is open each new answer would move them, and two
 * readings a day apart would give that one answer away by subtraction. Then each share needs min-respondents
 * answers to its question, and what would change minds needs min-free-text people to have answered the round.
 */
@Singleton
public class StakeholderFigures {

    private final Anonymity anonymity;
    private final int minFreeText;

    StakeholderFigures(Anonymity anonymity, MetricsSettings settings) {
        this.anonymity = anonymity;
        this.minFreeText = settings.minFreeText();
    }

    /** A round's counts, as read from its answers. */
    public record Counts(String quarter, boolean closed, int asked, int answered, int confident, int confidenceN,
                         int fundYes, int fundN, List<String> changeMind) {

        public Counts {
            changeMind = List.copyOf(changeMind);
        }
    }

    public StakeholderPulse of(Counts c) {
        Figure open = Figure.noData(Figure.Source.PULSE);
        Figure confident = !c.closed() ? open : c.confidenceN() == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(ScoreWorkflow.percent(c.confident(), c.confidenceN()), c.confidenceN(),
                        Figure.Source.PULSE);
        Figure fund = !c.closed() ? open : c.fundN() == 0 ? Figure.noData(Figure.Source.PULSE)
                : anonymity.score(ScoreWorkflow.percent(c.fundYes(), c.fundN()), c.fundN(), Figure.Source.PULSE);
        List<String> texts = c.closed() && c.answered() >= minFreeText ? c.changeMind() : List.of();
        return new StakeholderPulse(c.quarter(), c.asked(), c.answered(), confident, fund, texts);
    }

    public int minRespondents() {
        return anonymity.minRespondents();
    }

    /**
     * The pulse in one line, e.g. "6 of 7 answered · confident 67 % · willing to fund 83 %", or
     * "3 of 4 answered (figures need 5)"; empty when the programme has no stakeholder pulse yet.
     */
    public static String summary(StakeholderPulse p, int minRespondents) {
        if (p.quarter() == null || p.asked() == 0) {
            return "";
        }
        String counts = p.answered() + " of " + p.asked() + " answered";
        if (p.answered() < minRespondents) {
            return counts + " (figures need " + minRespondents + ")";
        }
        if (p.confidentPercent().state() == Figure.State.NO_DATA && p.fundPercent().state() == Figure.State.NO_DATA) {
            return counts + " so far (figures when the pulse closes)";
        }
        return counts + " · confident " + share(p.confidentPercent(), minRespondents) + " · willing to fund "
                + share(p.fundPercent(), minRespondents);
    }

    private static String share(Figure f, int minRespondents) {
        return switch (f.state()) {
            case SHOWN -> Rounding.whole(f.value()) + " %";
            case SUPPRESSED -> "hidden (needs " + minRespondents + " answers)";
            default -> "n/a";
        };
    }
}
