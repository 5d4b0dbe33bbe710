package io.uptake.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of the sequencing reasons, the early-warning flag and the owner's decision, in one place. */
public final class SequencingWording {

    /** How the reason of a workflow piloted before its outcome was declared (or with none) begins. */
    public static final String BUILT_BEFORE = "Built before the commercial signal: ";
    /** How the reason of a workflow in pilot or production whose adoption cannot be measured begins. */
    public static final String NOT_MEASURED = "Adoption not measured: ";
    /** How the flag of a sent early warning begins; the ISO day follows. */
    public static final String EARLY_WARNING = "early warning sent on ";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final Pattern WARNED = Pattern.compile(Pattern.quote(EARLY_WARNING) + "(\\d{4}-\\d{2}-\\d{2})");

    private SequencingWording() {
    }

    /** A day as reasons give it, e.g. "2 Nov 2026". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The flag of an early warning sent on a day, e.g. "early warning sent on 2026-12-03: trust fell 18 points". */
    static String earlyWarningFlag(LocalDate sentOn, String reasons) {
        return EARLY_WARNING + sentOn + ": " + reasons;
    }

    /** The day of the early warning among a workflow's flags, if one was sent. */
    public static Optional<LocalDate> earlyWarningOn(Iterable<String> flags) {
        for (String flag : flags) {
            Matcher m = WARNED.matcher(flag);
            if (m.lookingAt()) {
                return Optional.of(LocalDate.parse(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The decision as the digest and the page say it, e.g. "Owner decided: fix (3 Dec)". */
    public static String decided(OwnerDecision decision) {
        return "Owner decided: " + decision.choice() + " (" + SHORT.format(decision.decidedOn()) + ")";
    }
}
