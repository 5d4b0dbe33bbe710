/**
 * The programmes file: read from disk (size and encoding checked), composed as YAML, its fields and scalars read
 * into the catalogue's model, and every mistake reported with its line. It fills {@code io.uptake.catalog}'s
 * records and knows nothing of the database; {@link io.uptake.catalog.file.CatalogParser} is the catalogue's
 * {@link io.uptake.catalog.ProgrammesFileReader}.
 */
package io.uptake.catalog.file;
