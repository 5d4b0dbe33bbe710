package io.uptake.digest;

import io.uptake.metrics.ProgrammeScore;
import io.uptake.metrics.StakeholderFigures;
import java.util.List;

/**
 * Words a programme's stakeholder pulse for the digest, as lines after the programme's reasons and its own outcome
 * ({@link ProgrammeOutcomeWording}).
 */
final class StakeholderWording {

    private StakeholderWording() {
    }

    /**
     * The programme's reasons followed by its stakeholder-pulse line, if any, e.g. "Stakeholders this quarter: 6 of
     * 7 answered · confident 67 % · willing to fund 83 %" or "Stakeholders this quarter: 3 of 4 answered (figures
     * need 5)".
     */
    static List<String> reasons(ProgrammeScore p, int minRespondents) {
        String line = StakeholderFigures.summary(p.stakeholders(), minRespondents);
        List<String> reasons = ProgrammeOutcomeWording.lines(p);
        if (line.isEmpty()) {
            return reasons;
        }
        reasons.add("Stakeholders this quarter: " + line);
        return reasons;
    }
}
