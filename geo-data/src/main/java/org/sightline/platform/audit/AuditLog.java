package org.sightline.platform.audit;

import java.util.function.Consumer;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.audit.domain.ChainVerification;
import org.sightline.platform.audit.domain.ChainedAuditEvent;

/**
 * The append-only audit trail every module writes to: logins, searches with their purpose,
 * hotlist changes, alert decisions, plan runs, configuration changes, exports, purges.
 */
public interface AuditLog {

    /** Appends an event to the chain and returns it as stored. */
    ChainedAuditEvent record(AuditEvent event);

    /** Every entry in chain order. */
    void forEach(Consumer<ChainedAuditEvent> consumer);

    /** Walks the whole chain and reports every break. */
    default ChainVerification verify() {
        ChainVerification verification = new ChainVerification();
        forEach(verification::accept);
        return verification;
    }
}
