package io.uptake.catalog.archfixture;

/** Stands for a ground-floor class, which any layer above may use (see {@code DownwardImport}). */
public class GroundFixture {
}
