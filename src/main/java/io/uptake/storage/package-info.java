/**
 * The database connection: SQLite defaults for concurrent use, and what the migrations need from each database.
 *
 * <h2>Why every repository says {@code Dialect.MYSQL}</h2>
 * Uptake runs on SQLite and on PostgreSQL, never on MySQL. Micronaut Data fixes each repository's dialect when it
 * compiles it (from {@code @JdbcRepository}, not from the database met at run time) and has no SQLite dialect, so
 * one dialect has to make SQL and JDBC calls that both databases accept. {@code MYSQL} is the one that does:
 * <ul>
 *   <li><b>Generated ids.</b> It inserts rows whose id the database generates one at a time, never in a JDBC batch,
 *       and reads the id as the first column of {@code getGeneratedKeys()}. SQLite's driver answers one key per
 *       statement ({@code last_insert_rowid()}), so {@code ANSI} (which batches {@code saveAll}) and
 *       {@code POSTGRES} (which batches and reads the key by the column's name) both fail on SQLite. PostgreSQL's
 *       driver answers {@code RETURNING *}, whose first column is the id because every {@code ${id}} column comes
 *       first in its table; {@code MigrationsTest.generatedIdsAreTheFirstColumnOnPostgres} keeps it so.</li>
 *   <li><b>Names unquoted.</b> {@code MYSQL} would quote names with backticks, which PostgreSQL refuses; every
 *       {@code @MappedEntity} says {@code escape = false}, so the SQL it generates is plain.</li>
 *   <li><b>Nothing else it writes differently is used:</b> no JSON columns (it would wrap them in
 *       {@code CONVERT(... USING UTF8MB4)}), no UUID columns (kept as text), no byte-array ids, no paging.</li>
 * </ul>
 * The SQL written by hand in {@code @Query} does not depend on the dialect; it is written for both databases
 * ({@code ON CONFLICT ... DO NOTHING}, {@code LIMIT}, {@code ||}). The PostgreSQL tests ({@code
 * ScenarioPostgresTest}, {@code ScorecardPostgresTest}, {@code PostgresServiceTest}) run the same repositories, so
 * a dialect that stopped fitting PostgreSQL would fail them; the rest of the suite runs them on SQLite.
 */
package io.uptake.storage;
