package io.uptake.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.ReadCatalog;
import io.uptake.people.FindOrAddPerson;
import io.uptake.people.PersonRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SqliteConcurrencyTest {

    @Inject
    FindOrAddPerson findOrAdd;
    @Inject
    PersonRepository people;
    @Inject
    ReadCatalog readCatalog;

    /**
     * Read-then-write transactions racing on the same rows: each looks for a person and adds them if absent.
     * Without immediate transactions SQLite fails most of these with SQLITE_BUSY, and two racers could both
     * add the same person.
     */
    @Test
    void concurrentReadThenWriteTransactionsAllSucceedWithoutDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String email = "racer" + (i % 20) + "@example.com";
                results.add(pool.submit(() -> findOrAdd.byEmail(email)));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(people.count()).isEqualTo(20);
    }

    @Test
    void readOnlyTransactionsWorkOnSqlite() {
        assertThat(readCatalog.programmes(true)).isEmpty();
    }
}
