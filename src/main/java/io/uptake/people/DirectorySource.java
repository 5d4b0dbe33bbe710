package io.uptake.people;

/**
 * A chat platform's directory (its people, channels, groups, team rosters), read into people and audience members.
 * Each connected adapter offers one; the first read after start-up goes through {@link DirectoryRead}.
 */
public interface DirectorySource {

    /** Short name for the log, such as {@code slack}. */
    String name();

    /** Reads the whole directory once; a part that cannot be read is logged and left as it was. */
    void read() throws InterruptedException;
}
