/**
 * The adoption metrics and the leverage-or-activity verdict, and the anonymity rules every output passes through.
 *
 * <h2>What the scorecard reads</h2>
 * The scorecard owns no table. It reads what the catalogue, people, pulses, usage and check-ins store through
 * their <em>read models</em>: views named {@code read_*} (migration {@code V9__read_models.sql}), each published
 * by the package that owns the tables under it. {@code CatalogueReads}, {@code AnswerReads}, {@code UsageReads}
 * and {@code CheckinReads} aggregate over those views in the database, never over the tables, so:
 * <ul>
 *   <li>a package may reorganise its tables behind its views without the figures' SQL changing;</li>
 *   <li>what a view leaves out, metrics cannot reach: who gave an answer, free text, who logged a check-in or
 *       its note, an erased person's name;</li>
 *   <li>the views are plain projections, which SQLite and PostgreSQL both fold into the query, so the plans and
 *       the indexes they use are those of the tables (the scorecard benchmark in the README is the check).</li>
 * </ul>
 * Views rather than query classes in each owning package because the figures are single SQL statements that
 * join the packages' tables: a per-package Java API would split them into several queries and bring the rows into
 * Java. {@code SqlOwnershipTest} fails when any class reads another package's table by hand-written SQL other
 * than through a {@code read_*} view.
 */
package io.uptake.metrics;
