package io.uptake.people;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Stored audience memberships. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AudienceMemberRepository extends CrudRepository<AudienceMemberRow, Long> {

    List<AudienceMemberRow> findByAudienceIdAndLeftAtIsNull(Long audienceId);

    List<AudienceMemberRow> findByAudienceId(Long audienceId);

    List<AudienceMemberRow> findByPersonIdAndLeftAtIsNull(Long personId);
}
