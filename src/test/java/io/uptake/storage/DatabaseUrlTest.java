package io.uptake.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aBarePathIsASqliteFileMadeSafeForConcurrentWriters() {
        DatabaseUrl url = DatabaseUrl.of("/var/lib/uptake/uptake.db");

        assertThat(url.jdbcUrl()).startsWith("jdbc:sqlite:/var/lib/uptake/uptake.db?")
                .contains("journal_mode=WAL", "busy_timeout=10000", "transaction_mode=IMMEDIATE");
        assertThat(url.driverClassName()).isEqualTo("org.sqlite.JDBC");
    }

    @Test
    void nothingConfiguredMeansUptakeDbInTheWorkingDirectoryNamedInFull() {
        String workingDirectory = System.getProperty("user.dir");

        assertThat(DatabaseUrl.of("").jdbcUrl())
                .startsWith("jdbc:sqlite:" + workingDirectory + File.separator + "uptake.db?");
    }

    @Test
    void aRelativePathIsNamedInFullSoTheLogSaysWhereTheDataIs() {
        // `mvn mn:run` starts the JVM inside target/ with -Duser.dir set to the project directory; the
        // file must follow user.dir (as java.nio paths do), not the process's directory, which SQLite's
        // native open would use for a relative name.
        String workingDirectory = System.getProperty("user.dir");

        assertThat(DatabaseUrl.of("data/../data/u.db?busy_timeout=500").jdbcUrl())
                .startsWith("jdbc:sqlite:" + workingDirectory + File.separator + "data" + File.separator + "u.db?")
                .contains("busy_timeout=500");
    }

    @Test
    void anInMemoryDatabaseIsNotAFile() {
        assertThat(DatabaseUrl.of(":memory:").jdbcUrl()).startsWith("jdbc:sqlite::memory:?");
    }

    @Test
    void sqliteSettingsGivenInTheUrlAreKept() {
        String url = DatabaseUrl.of("jdbc:sqlite:x.db?busy_timeout=500").jdbcUrl();

        assertThat(url).contains("busy_timeout=500").doesNotContain("busy_timeout=10000");
    }

    @Test
    void aPostgresUrlIsUsedAsGiven() {
        DatabaseUrl url = DatabaseUrl.of("jdbc:postgresql://db:5432/uptake");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/uptake");
        assertThat(url.driverClassName()).isEqualTo("org.postgresql.Driver");
    }

    @Test
    void passwordsInTheUrlAreHiddenFromLogs() {
        assertThat(DatabaseUrl.of("jdbc:postgresql://db/u?user=a&password=s3cret").redacted())
                .doesNotContain("s3cret").contains("password=***");
    }
}
