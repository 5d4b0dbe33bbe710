package io.uptake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogState;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupWithBadCatalogTest implements TestPropertyProvider {

    @Inject
    CatalogState state;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        ProgrammesFile file = ProgrammesFile.create(ProgrammesFile.TWO_WORKFLOWS.replace("by: 2027-Q1", "by: 2027-Q5"));
        return Map.of("uptake.catalog", file.path().toString());
    }

    @Test
    void theServiceStartsWithNoCatalogueAndReportsTheMistake() {
        assertThat(state.current().status()).isEqualTo(CatalogState.Status.REJECTED);
        assertThat(state.catalog()).isEmpty();
        assertThat(state.current().lastErrors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("programmes[0].workflows[0].outcome.by"));
        Map<?, ?> health = http.toBlocking().retrieve("/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(health.toString()).contains("state=rejected");
    }
}
