package io.uptake.pulse;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Scrubs comments with the names of the people Uptake knows (every person not erased, as they go by), read afresh
 * at most every few minutes so a comment is not held up by a read of the whole directory.
 */
@Singleton
class CommentScrubber {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private ScrubComment scrubber;
    private Instant readAt;

    CommentScrubber(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The comment as others may read it. */
    String scrub(String text, Instant now) {
        return scrubber(now).scrub(text);
    }

    private synchronized ScrubComment scrubber(Instant now) {
        if (scrubber == null || readAt.plus(KEEP).isBefore(now) || readAt.isAfter(now)) {
            scrubber = new ScrubComment(names());
            readAt = now;
        }
        return scrubber;
    }

    /** Forgets the names read, so the next comment reads them again (after a directory sync, in tests). */
    synchronized void forget() {
        scrubber = null;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT display_name FROM read_person_name WHERE display_name IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the names of known people", e);
        }
        return names;
    }
}
