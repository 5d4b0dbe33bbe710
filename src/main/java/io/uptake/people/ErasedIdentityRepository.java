package io.uptake.people;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Stored fingerprints of erased identities. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
interface ErasedIdentityRepository extends CrudRepository<ErasedIdentityRow, String> {

    List<ErasedIdentityRow> findByFingerprintInList(List<String> fingerprints);
}
