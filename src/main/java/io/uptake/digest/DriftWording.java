package io.uptake.digest;

import io.uptake.message.DigestMessage.Fact;
import io.uptake.metrics.Drift;
import io.uptake.metrics.Figure;
import io.uptake.metrics.IsoWeek;
import io.uptake.metrics.MetricsSettings;
import io.uptake.metrics.Rounding;
import io.uptake.metrics.WorkflowScore;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words a workflow's drift-back and decay for the digest, as facts after the others: {@code WAU down 3 weeks running,
 * 38% below its 4-week peak of 61% · stopped 17% · never started 20% · majority by first quarter: met 12 Oct}. A
 * hidden figure is said to be hidden, never given as a number.
 */
final class DriftWording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private DriftWording() {
    }

    static List<Fact> facts(WorkflowScore w, MetricsSettings settings) {
        Drift d = w.drift();
        if (d == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        wau(d).ifPresent(parts::add);
        share("stopped", d.triedAndStopped()).ifPresent(parts::add);
        share("never started", d.neverStarted()).ifPresent(parts::add);
        if (!"NOT_LAUNCHED".equals(d.firstQuarter().state())) {
            parts.add("majority by first quarter: " + quarter(d.firstQuarter(), week(w)));
        }
        // A workflow with nothing to read yet (no usage, not launched) gets no line rather than a row of dashes.
        if (parts.isEmpty()) {
            return d.judgedOn() == null ? List.of() : List.of(new Fact("Drift", "judged on complete weeks only; "
                    + "nothing to judge up to " + d.judgedOn()));
        }
        // A week still running is judged on the last complete one, and says so.
        String on = d.judgedOn() == null ? "" : "to " + d.judgedOn() + " (the last complete week): ";
        return List.of(new Fact("Drift", on + String.join(" · ", parts)));
    }

    /** The drift flags, as the digest words flags: capitalised. */
    static List<String> flags(WorkflowScore w) {
        return w.drift() == null ? List.of() : w.drift().flags().stream()
                .map(f -> Character.toUpperCase(f.charAt(0)) + f.substring(1)).toList();
    }

    /** The trend against the recent peak; nothing when this week's WAU is not shown (the WAU fact says why). */
    private static Optional<String> wau(Drift d) {
        Figure peak = d.peakWauPercent();
        Figure drop = d.dropFromPeak();
        if (!drop.isShown() || !peak.isShown()) {
            return Optional.empty();
        }
        String trend = d.fallingWeeks() == 0 ? "WAU not falling"
                : "WAU down " + (d.fallingWeeks() == 1 ? "1 week" : d.fallingWeeks() + " weeks") + " running";
        long below = Rounding.whole(drop.value());
        String of = "its " + d.peakWeeks() + "-week peak of " + whole(peak.value()) + "%";
        return Optional.of(trend + ", " + (below == 0 ? "at " + of : below + "% below " + of));
    }

    private static Optional<String> share(String name, Figure f) {
        return switch (f.state()) {
            case SHOWN -> Optional.of(name + " " + whole(f.value()) + "%");
            case SUPPRESSED -> Optional.of(name + " hidden (a small group)");
            case NO_DATA -> Optional.empty();
        };
    }

    private static String quarter(Drift.FirstQuarter q, LocalDate week) {
        return switch (q.state()) {
            case "MET" -> "met " + day(q.metOn(), week);
            case "MISSED" -> "missed (deadline " + day(q.deadline(), week) + ")";
            case "PENDING" -> "pending, deadline " + day(q.deadline(), week);
            default -> "not launched";
        };
    }

    /** A day as leaders read it, with its year when it is not the scored week's. */
    private static String day(LocalDate day, LocalDate week) {
        return (week != null && day.getYear() == week.getYear() ? DAY : DAY_YEAR).format(day);
    }

    private static LocalDate week(WorkflowScore w) {
        return w.history().isEmpty() ? null
                : IsoWeek.parse(w.history().get(w.history().size() - 1).week()).orElse(null);
    }

    private static String whole(double value) {
        return Long.toString(Rounding.whole(value));
    }
}
