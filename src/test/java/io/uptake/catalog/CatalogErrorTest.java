package io.uptake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogErrorTest {

    @Test
    void rendersFileLineFieldAndMessage() {
        CatalogError error = new CatalogError("programmes.yml", 14, "programmes[0].workflows[0].owner",
                "a workflow needs exactly one owner; found 2");

        assertThat(error).hasToString(
                "programmes.yml:14: programmes[0].workflows[0].owner: a workflow needs exactly one owner; found 2");
    }
}
