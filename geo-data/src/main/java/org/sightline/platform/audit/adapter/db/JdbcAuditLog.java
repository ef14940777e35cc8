package org.sightline.platform.audit.adapter.db;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Consumer;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditChain;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.audit.domain.ChainedAuditEvent;

/** The audit trail in PostgreSQL. An append joins the caller's transaction when there is one. */
@Singleton
public class JdbcAuditLog implements AuditLog {

    private static final int PAGE = 5_000;
    private final AuditRepository repository;

    public JdbcAuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public ChainedAuditEvent record(AuditEvent event) {
        repository.lockChain();
        String previous = repository.findLastHash().orElse(AuditChain.GENESIS);
        long id = repository.nextId();
        String hash = AuditChain.hash(id, event, previous);
        repository.save(new AuditRow(id, event.at(), event.actor(), event.action(), event.target(),
                event.purpose(), event.reference(), event.details(), previous, hash));
        return new ChainedAuditEvent(id, event, previous, hash);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<ChainedAuditEvent> consumer) {
        long after = 0;
        while (true) {
            List<AuditRow> page = repository.findPage(after, PAGE);
            for (AuditRow r : page) {
                consumer.accept(toEntry(r));
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private static ChainedAuditEvent toEntry(AuditRow r) {
        return new ChainedAuditEvent(r.id(), new AuditEvent(r.at(), r.actor(), r.action(), r.target(), r.purpose(),
                r.reference(), r.details()), r.prevHash(), r.hash());
    }
}
