package io.uptake.archfixture.cycle.a;

import io.uptake.archfixture.cycle.b.B;

/** Half of a package cycle that {@code ArchitectureRulesFailTest} expects the cycle rule to refuse. */
public class A {

    B other;
}
