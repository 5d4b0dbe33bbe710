/**
 * Programmes, workflows, owners, outcomes and audiences: the catalogue's model, its sync into the database and its
 * reads. The programmes file's syntax is read in {@code catalog.file}, behind
 * {@link io.uptake.catalog.ProgrammesFileReader}.
 *
 * <p>Other packages read its tables only through the read models it publishes (views, migration
 * {@code V9__read_models.sql}): {@code read_programme}, {@code read_workflow}, {@code read_workflow_stage},
 * {@code read_outcome}, {@code read_audience} and {@code read_pulse}.
 */
package io.uptake.catalog;
