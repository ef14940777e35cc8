package org.sightline.platform.audit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a chain in id order and collects every break: an entry whose hash does not match its
 * content, or whose previous hash is not the hash of the entry before it (removed, inserted or
 * reordered entries).
 */
public final class ChainVerification {

    private String expectedPrevious = AuditChain.GENESIS;
    private long checked;
    private final List<String> problems = new ArrayList<>();

    /** Checks the next entry of the chain. */
    public void accept(ChainedAuditEvent entry) {
        checked++;
        if (!entry.previousHash().equals(expectedPrevious)) {
            problems.add("entry " + entry.id() + ": does not follow the entry before it (an entry was removed, inserted or changed before it)");
        }
        if (!entry.isIntact()) {
            problems.add("entry " + entry.id() + ": its content does not match its hash (it was changed)");
        }
        expectedPrevious = entry.hash();
    }

    /** Number of entries checked. */
    public long checked() {
        return checked;
    }

    /** The breaks found, in chain order; empty when the chain is intact. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The hash the next entry must chain to. */
    public String lastHash() {
        return expectedPrevious;
    }
}
