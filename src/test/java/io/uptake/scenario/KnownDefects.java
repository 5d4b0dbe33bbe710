package io.uptake.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Defects of issue 12 known to be open while the suite was written. A finding one of them explains is counted
 * and printed, not failed; every other finding fails the suite. Remove an entry once its fix has landed: the
 * suite then asserts what it tolerated. None is open now; a new one is added as
 * {@code NAME("issue 12 ...: what is wrong", (finding, scenario) -> whether it explains the finding)}.
 */
enum KnownDefects {
    ;

    private final String issue;
    private final BiPredicate<Finding, Scenario> explains;

    KnownDefects(String issue, BiPredicate<Finding, Scenario> explains) {
        this.issue = issue;
        this.explains = explains;
    }

    String issue() {
        return issue;
    }

    static Optional<KnownDefects> explaining(Finding finding, Scenario scenario) {
        return Arrays.stream(values()).filter(d -> d.explains.test(finding, scenario)).findFirst();
    }
}
