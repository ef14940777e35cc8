package org.sightline.platform.audit.domain;

/**
 * An audit entry as stored: its position, content and chain hashes.
 *
 * @param id position in the chain (increasing)
 * @param event the content
 * @param previousHash hash of the entry before (or {@link AuditChain#GENESIS})
 * @param hash this entry's hash
 */
public record ChainedAuditEvent(long id, AuditEvent event, String previousHash, String hash) {

    /** True when the stored hash matches the content and the stated previous hash. */
    public boolean isIntact() {
        return AuditChain.hash(id, event, previousHash).equals(hash);
    }
}
