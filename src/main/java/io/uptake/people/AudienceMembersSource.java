package io.uptake.people;

import io.uptake.catalog.CatalogLookup.AudienceSource;
import java.util.Optional;
import java.util.Set;

/**
 * Who is in the audiences a chat platform holds (a Slack workspace's channels and user groups, a Teams team's
 * roster), as people. A chat adapter reads them; {@link SyncChatAudiences} decides who joins and who leaves.
 *
 * @param <E> what a read may throw that stops the whole sync (such as being interrupted)
 */
public interface AudienceMembersSource<E extends Exception> {

    /** Whether this source holds the audience's members; the sync asks it only about those it holds. */
    boolean holds(AudienceSource audience);

    /**
     * The people in the audience now, or empty when it could not be read (said in the log): a failed read must
     * never take anyone out of the audience.
     */
    Optional<Set<Long>> members(AudienceSource audience) throws E;
}
