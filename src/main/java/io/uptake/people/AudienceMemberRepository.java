package io.uptake.people;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Stored spells of people in audiences. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
public interface AudienceMemberRepository extends CrudRepository<AudienceMemberRow, Long> {

    List<AudienceMemberRow> findByAudienceIdAndLeftAtIsNull(Long audienceId);

    boolean existsByAudienceId(Long audienceId);

    List<AudienceMemberRow> findByPersonIdAndLeftAtIsNull(Long personId);
}
