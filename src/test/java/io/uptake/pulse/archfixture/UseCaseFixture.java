package io.uptake.pulse.archfixture;

/** Stands for a use case, which the ground floor must not reach up to (see {@code UpwardImport}). */
public class UseCaseFixture {
}
