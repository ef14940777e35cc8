package org.sightline.platform.audit.adapter.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Append and read access to {@code audit_event}; it has no update or delete. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditRow, Long> {

    /** Serialises appends for the rest of the transaction, so that the chain has one order. */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7418430010)) AS chain_lock")
    int lockChain();

    @Query("SELECT nextval('audit_event_id_seq')")
    long nextId();

    @Query("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
    Optional<String> findLastHash();

    AuditRow save(AuditRow row);

    @Query("SELECT * FROM audit_event WHERE id > :afterId ORDER BY id LIMIT :limit")
    List<AuditRow> findPage(long afterId, int limit);

    long count();
}
