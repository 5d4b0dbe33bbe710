/**
 * Programmes, workflows, owners, outcomes and audiences: the programmes file, its validation, and its sync into the database.
 */
package io.uptake.catalog;
