package org.sightline.platform.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: each entry's hash is SHA-256 over the previous entry's hash
 * and the entry's own fields, each written with its length so that no two different entries can
 * produce the same input. The first entry chains to {@link #GENESIS}.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of entry {@code id} with the given content, chained to {@code previousHash}. */
    public static String hash(long id, AuditEvent e, String previousHash) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, previousHash);
        field(sb, Long.toString(id));
        field(sb, Long.toString(e.at().getEpochSecond() * 1_000_000L + e.at().getNano() / 1_000));
        field(sb, e.actor());
        field(sb, e.action());
        field(sb, e.target());
        field(sb, e.purpose());
        field(sb, e.reference());
        field(sb, e.details());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }
}
