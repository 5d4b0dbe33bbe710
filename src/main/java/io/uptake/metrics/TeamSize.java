package io.uptake.metrics;

import io.micronaut.serde.annotation.Serdeable;
import io.uptake.message.Words;

/**
 * The team weekly active use is divided by, and where that number came from: the programmes file's
 * {@code target-team-size}, or, for an audience without one, the members synced from the chat platform (or the
 * file's list) who were in it at the end of the scored week.
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
        /** The audience's synced members at the end of the scored week, for an audience without a target team size. */
        SYNCED_MEMBERS
    }

    /** The target when the file gives one, otherwise the synced members. */
    static TeamSize of(int target, int syncedMembers) {
        return target > 0 ? new TeamSize(target, Basis.TARGET) : new TeamSize(syncedMembers, Basis.SYNCED_MEMBERS);
    }

    /** "a 40-person team" or "8 synced members", for reasons and digests. */
    public String words() {
        return basis == Basis.TARGET ? Words.article(value) + " " + value + "-person team"
                : Words.count(value, "synced member");
    }
}
