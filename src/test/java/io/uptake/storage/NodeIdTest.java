package io.uptake.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void aConfiguredIdIsUsedAsGiven() {
        assertThat(new NodeId(" uptake-2 ").value()).isEqualTo("uptake-2");
    }

    @Test
    void withoutOneTwoProcessesOnOneHostGetDifferentIds() {
        assertThat(new NodeId("").value()).isNotEqualTo(new NodeId("").value()).doesNotContain(":");
    }

    @Test
    void anIdThatWouldNotFitAClaimOrWouldSplitItIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new NodeId("n".repeat(81))).hasMessageContaining("at most 80");
        assertThatThrownBy(() -> new NodeId("host:1")).hasMessageContaining("must not contain ':'");
    }
}
