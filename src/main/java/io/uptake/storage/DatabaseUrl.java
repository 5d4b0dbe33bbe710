package io.uptake.storage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the configured database location into a JDBC URL that is safe for concurrent use.
 *
 * <p>A bare path means a SQLite file, named in full so the log says where the data is. SQLite URLs get write-ahead
 * logging, a busy timeout and immediate transactions unless they set those themselves: without them, concurrent
 * read-then-write transactions fail with SQLITE_BUSY instead of waiting their turn.
 */
public record DatabaseUrl(String jdbcUrl) {

    static final Map<String, String> SQLITE_DEFAULTS = Map.of(
            "journal_mode", "WAL",
            "busy_timeout", "10000",
            "transaction_mode", "IMMEDIATE",
            // In WAL mode NORMAL is durable across application crashes; only a power loss can drop the
            // last commits. It saves an fsync per transaction.
            "synchronous", "NORMAL",
            "foreign_keys", "true");

    public static DatabaseUrl of(String configured) {
        String value = configured == null || configured.isBlank() ? "uptake.db" : configured.trim();
        if (!value.regionMatches(true, 0, "jdbc:", 0, 5)) {
            value = "jdbc:sqlite:" + inFull(value);
        }
        if (!isSqlite(value)) {
            return new DatabaseUrl(value);
        }
        return new DatabaseUrl(withSqliteDefaults(value));
    }

    /**
     * A relative file name resolved against {@code user.dir}, as Java's own paths are. SQLite's native open
     * would resolve it against the process's directory instead, which differs under {@code mvn mn:run}
     * (started inside {@code target/} with {@code user.dir} set to the project directory).
     */
    private static String inFull(String path) {
        int query = path.indexOf('?');
        String file = query < 0 ? path : path.substring(0, query);
        if (file.startsWith(":memory:") || file.startsWith("file:")) {
            return path;
        }
        String absolute = Path.of(file).toAbsolutePath().normalize().toString();
        return query < 0 ? absolute : absolute + path.substring(query);
    }

    static boolean isSqlite(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
    }

    public boolean sqlite() {
        return isSqlite(jdbcUrl);
    }

    public boolean postgres() {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    public String driverClassName() {
        if (sqlite()) {
            return "org.sqlite.JDBC";
        }
        if (postgres()) {
            return "org.postgresql.Driver";
        }
        return null;
    }

    private static String withSqliteDefaults(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        Map<String, String> params = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        SQLITE_DEFAULTS.forEach(params::putIfAbsent);
        StringBuilder out = new StringBuilder(base).append('?');
        params.forEach((k, v) -> out.append(k).append('=').append(v).append('&'));
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** The URL with any password parameter hidden, for logs. */
    public String redacted() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
