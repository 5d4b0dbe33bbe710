package io.uptake.archfixture.cycle.b;

import io.uptake.archfixture.cycle.a.A;

/** The other half of the package cycle in {@code io.uptake.archfixture.cycle}. */
public class B {

    A other;
}
