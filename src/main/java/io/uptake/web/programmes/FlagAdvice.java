package io.uptake.web.programmes;

/**
 * What to do about each kind of flag the scorecard raises, in one plain sentence. The flags are the scorecard's
 * own words ("pilot for 140 days (over 90)"); the kind is their first words.
 */
final class FlagAdvice {

    /** A flag with the advice that goes with it. */
    record Flag(String flag, String advice) {
    }

    private FlagAdvice() {
    }

    static Flag of(String flag) {
        return new Flag(flag, advice(flag));
    }

    static String advice(String flag) {
        if (flag.startsWith("pilot for")) {
            return "Decide with the owner whether this pilot goes into production or is retired: a pilot this old "
                    + "has stalled, and promoting it is recorded in the programmes file (stage and stage-since).";
        }
        if (flag.startsWith("check-in missed")) {
            return "Ask the owner to log this period's outcome check-in (value, status, confidence and evidence) "
                    + "from the form in their chat; until then the workflow cannot be at leverage.";
        }
        if (flag.startsWith("response rate")) {
            return "Tell the team why the pulse matters and what changed because of it, and check it reaches "
                    + "them at a sensible time; figures resting on few answers say little.";
        }
        if (flag.startsWith("trust down")) {
            return "Talk to the team about where the output let them down (the correction rate says how often) "
                    + "and fix the play or the tool before asking for more use.";
        }
        if (flag.startsWith("usage data late") || flag.startsWith("usage data missing")) {
            return "Weekly active use and habit leave out the days the source has not delivered: an admin finds the "
                    + "source's last error on /health (an expired token, a missing permission) or posts the "
                    + "missing export; read the figures as of the day shown until then.";
        }
        if (flag.startsWith("usage hidden")) {
            return "Microsoft 365 conceals user names in its usage reports by a tenant setting: an admin turns it "
                    + "off in the Microsoft 365 admin center (Settings › Org settings › Reports), and the next pull "
                    + "counts use again.";
        }
        if (flag.startsWith("WAU falling") || (flag.startsWith("WAU ") && flag.contains("-week peak"))) {
            return "People are drifting back to the old way: ask the owner what changed (a busy period, a tool or "
                    + "data problem, new joiners without training), look at how many tried and stopped, and remind "
                    + "the team of the play before use fades into a habit of not using it.";
        }
        if (flag.startsWith("majority not weekly active")) {
            return "A first quarter without most of the team using it weekly rarely turns by itself: decide with the "
                    + "owner and sponsor what is in the way (the people who never started are the first to ask) and "
                    + "whether the workflow is worth a second push or should be retired.";
        }
        return "Look at this with the workflow's owner.";
    }
}
