package io.uptake.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.uptake.platform.Platform;
import io.uptake.platform.PlatformConverter;
import java.util.List;
import java.util.Optional;

/** Stored chat identities. */
@JdbcRepository(dialect = Dialect.MYSQL) // fits SQLite and PostgreSQL: see io.uptake.storage
public interface ChatIdentityRepository extends CrudRepository<ChatIdentityRow, Long> {

    List<ChatIdentityRow> findByPersonIdOrderById(Long personId);

    List<ChatIdentityRow> findByPersonIdInList(List<Long> personIds);

    List<ChatIdentityRow> findByUserIdInList(List<String> userIds);

    Optional<ChatIdentityRow> findByPlatformAndTenantIdAndUserId(Platform platform, String tenantId, String userId);

    /** Only the person behind a chat user: read on every button click, so no whole row is mapped. */
    @Query("SELECT person_id FROM chat_identity WHERE platform = :platform AND tenant_id = :tenantId"
            + " AND user_id = :userId")
    Optional<Long> findPersonId(@TypeDef(type = DataType.STRING, converter = PlatformConverter.class)
                                Platform platform, String tenantId, String userId);
}
