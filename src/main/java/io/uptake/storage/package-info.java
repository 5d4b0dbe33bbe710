/**
 * The database connection: SQLite defaults for concurrent use, and what the migrations need from each database.
 */
package io.uptake.storage;
