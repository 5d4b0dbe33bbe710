package io.uptake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogState;
import io.uptake.time.MutableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Scheduler;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReloadCatalogJobTest implements TestPropertyProvider {

    static final String ONE_WORKFLOW = """
            programmes:
              - id: claims-ai
                name: Claims triage assistant
                sponsor: cfo@example.com
                workflows:
                  - id: claims-triage
                    owner: jane@example.com
                    audience: { emails: [a@example.com] }
            """;

    @Inject
    BeanJobFactory factory;
    @Inject
    Scheduler scheduler;
    @Inject
    CatalogState catalog;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yml");
            Files.writeString(file, ONE_WORKFLOW);
            file.toFile().deleteOnExit();
            return Map.of("uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRunReadsTheProgrammesFileAgain() throws Exception {
        clock.advance(Duration.ofHours(1));

        Jobs.fire(factory, scheduler, "catalog:reload", ReloadCatalogJob.class, Map.of());

        assertThat(catalog.current().status()).isEqualTo(CatalogState.Status.LOADED);
        assertThat(catalog.current().loadedAt()).isEqualTo(clock.instant());
    }
}
