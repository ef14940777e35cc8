package org.sightline.app.search.adapter.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** Access to {@code read_search_approval}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApprovalRepository extends CrudRepository<ApprovalRow, Long> {

    List<ApprovalRow> findByStatusOrderByRequestedAt(String status);

    List<ApprovalRow> findByRequestedByOrderByRequestedAtDesc(String requestedBy);

    /** Decides a pending request; 0 rows when it is not pending or the decider is the requester. */
    @Query("""
            UPDATE read_search_approval SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
                   decision_note = :note
             WHERE id = :id AND status = 'REQUESTED' AND requested_by <> :decidedBy""")
    int decide(long id, String status, String decidedBy, Instant decidedAt, String note);
}
