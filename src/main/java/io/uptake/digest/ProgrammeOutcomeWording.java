package io.uptake.digest;

import io.uptake.metrics.OutcomeGapWording;
import io.uptake.metrics.OutcomeProgress;
import io.uptake.metrics.ProgrammeScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words a programme's own owner and outcome for the digest: its reasons as scored (the ownership reason first when
 * it keeps the programme from leverage), then "Programme outcome: …", then its flags ("⚠ 18 months in and no
 * outcome").
 */
public final class ProgrammeOutcomeWording {

    private ProgrammeOutcomeWording() {
    }

    static List<String> lines(ProgrammeScore p) {
        List<String> lines = new ArrayList<>(p.reasons());
        if (p.ownerEmail() == null && p.outcome() == null && p.flags().isEmpty()) {
            return lines;
        }
        lines.add("Programme outcome: " + outcome(p.outcome()));
        p.flags().forEach(flag -> lines.add("⚠ " + flag));
        return lines;
    }

    /**
     * E.g. "Revenue per claim (EUR) 126 (baseline 120, target 150 by 2027-Q4): 20% of the way · on track", ending
     * "· claimed 126, measured 121 on 30 Nov" when the system of record measured it ("· measured 121 on 30 Nov"
     * before the owner's first check-in).
     */
    public static String outcome(OutcomeProgress o) {
        if (o == null) {
            return "none declared";
        }
        String what = o.metric() + (o.unit() == null || o.unit().isBlank() ? "" : " (" + o.unit() + ")");
        String numbers = "baseline " + plain(o.baseline()) + ", target " + plain(o.target());
        String claimedVsMeasured = OutcomeGapWording.measuredBeside(o);
        if (o.current() == null) {
            return what + ": no check-in yet (" + numbers + ") · " + state(o)
                    + (claimedVsMeasured == null ? "" : " · " + claimedVsMeasured);
        }
        return what + " " + plain(o.current()) + " (" + numbers + "): "
                + whole(o.progress().value()) + "% of the way"
                + (o.status() == null ? "" : " · " + o.status().replace('_', ' ')) + " · " + state(o)
                + (claimedVsMeasured == null ? "" : " · " + claimedVsMeasured);
    }

    private static String state(OutcomeProgress o) {
        return switch (o.checkinState()) {
            case CURRENT -> "check-in current";
            case DUE -> "check-in due";
            case MISSED -> "check-in missed";
            case NONE -> "no check-in this quarter";
        };
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%d", Math.round(value));
    }
}
