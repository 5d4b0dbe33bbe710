package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;
import io.uptake.message.Words;

/**
 * The team weekly active use is divided by, and where that number came from: the programmes file's
 * {@code target-team-size}, or, for an audience without one, the people in it at the end of the scored week, so a
 * later sync or reload leaves a past week's size alone.
 *
 * @param value the number of people
 * @param basis where the number came from
 */
@Serdeable
public record TeamSize(int value, Basis basis) {

    /** Where a team size came from. */
    public enum Basis {
        /** The programmes file's {@code target-team-size}. */
        TARGET,
        /** The chat audience's synced members at the end of the scored week, for an audience without a target. */
        SYNCED_MEMBERS,
        /**
         * The people an {@code emails:} audience without a target listed at the end of the scored week: the list
         * says how big the team is, as the file in force that week had it.
         */
        LISTED
    }

    /** The target when the file gives one, otherwise the members at the end of the week. */
    static TeamSize of(int target, int members) {
        return of(target, members, false);
    }

    /**
     * The target when the file gives one, otherwise the members at the end of the week: those an {@code emails:}
     * list named if {@code listed}, else those synced from the chat platform.
     */
    static TeamSize of(int target, int members, boolean listed) {
        if (target > 0) {
            return new TeamSize(target, Basis.TARGET);
        }
        return new TeamSize(members, listed ? Basis.LISTED : Basis.SYNCED_MEMBERS);
    }

    /** "a 40-person team" or "8 synced members", for reasons and digests. */
    public String words() {
        return basis == Basis.SYNCED_MEMBERS ? Words.count(value, "synced member")
                : Words.article(value) + " " + value + "-person team";
    }
}
