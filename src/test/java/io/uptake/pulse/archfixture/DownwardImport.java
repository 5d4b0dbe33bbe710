package io.uptake.pulse.archfixture;

import io.uptake.catalog.archfixture.GroundFixture;

/** A use case using the ground floor, which the layer rule allows: the control for {@code UpwardImport}. */
public class DownwardImport {

    GroundFixture below;
}
