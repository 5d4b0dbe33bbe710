package io.uptake.people;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Stored people. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
public interface PersonRepository extends CrudRepository<PersonRow, Long> {

    Optional<PersonRow> findByEmail(String email);

    List<PersonRow> findByEmailInList(List<String> emails);

    List<PersonRow> findByIdInList(List<Long> ids);
}
