package io.uptake.catalog;

import java.util.Optional;

/**
 * The people the programmes file names by email (owners, sponsors), as the sync stores them: implemented where
 * people are kept, so that the catalogue, which everything else reads, depends on no feature above it.
 */
public interface PersonIds {

    /**
     * The id of the person with this email address, added when nobody has it yet; empty for someone who had
     * Uptake erase them. Joins the caller's transaction, so a file's people are stored with the file.
     */
    Optional<Long> findOrAdd(String email);
}
