/**
 * Programmes, workflows, owners, outcomes and audiences: the programmes file, its validation, and its sync into the database.
 *
 * <p>Other packages read its tables only through the read models it publishes (views, migration
 * {@code V9__read_models.sql}): {@code read_programme}, {@code read_workflow}, {@code read_workflow_stage},
 * {@code read_outcome}, {@code read_audience} and {@code read_pulse}.
 */
package io.uptake.catalog;
