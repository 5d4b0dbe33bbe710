package io.uptake.catalog.archfixture;

import io.uptake.pulse.archfixture.UseCaseFixture;

/**
 * A ground-floor class that reaches up to a use case: {@code ArchitectureRulesFailTest} expects the layer rule to
 * refuse it. It lives in a package of the catalogue so that the real layer definitions judge it.
 */
public class UpwardImport {

    UseCaseFixture above;
}
