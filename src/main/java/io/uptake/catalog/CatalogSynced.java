package io.uptake.catalog;

/** Published after an accepted programmes file has been synced into the database. */
public record CatalogSynced(SyncReport report) {
}
