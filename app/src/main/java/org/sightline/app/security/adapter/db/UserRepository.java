package org.sightline.app.security.adapter.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Access to {@code app_user}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<UserRow, Long> {

    Optional<UserRow> findByUsername(String username);

    List<UserRow> findAllOrderByUsername();

    @Query("UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = :at WHERE username = :username")
    void recordSuccess(String username, Instant at);

    @Query("""
            UPDATE app_user SET failed_logins = failed_logins + 1,
                   locked_until = CASE WHEN failed_logins + 1 >= :maxFailures THEN :lockUntil ELSE locked_until END
             WHERE username = :username""")
    void recordFailure(String username, int maxFailures, Instant lockUntil);

    @Query("INSERT INTO app_user (username, password_hash, roles, covert_cleared) "
            + "VALUES (:username, :passwordHash, :roles, :covertCleared) "
            + "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, "
            + "roles = EXCLUDED.roles, covert_cleared = EXCLUDED.covert_cleared, enabled = true, "
            + "failed_logins = 0, locked_until = NULL")
    void upsert(String username, String passwordHash, String[] roles, boolean covertCleared);
}
