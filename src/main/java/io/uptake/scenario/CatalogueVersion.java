package io.uptake.scenario;

/** The programmes file in force from the Monday of {@code fromWeek}. */
public record CatalogueVersion(int version, int fromWeek, String text) {
}
