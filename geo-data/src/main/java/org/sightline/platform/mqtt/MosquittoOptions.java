package org.sightline.platform.mqtt;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link LocalMosquitto} is started with. {@link #defaults()} is an anonymous broker on a
 * free port, in memory, with Mosquitto's own queue limits; each {@code with…} method returns a
 * copy with one thing changed.
 *
 * @param port the plain listener's port, 0 for a free one
 * @param maxQueuedMessages Mosquitto's {@code max_queued_messages}, 0 for its default (1000)
 * @param maxInflightMessages Mosquitto's {@code max_inflight_messages}, 0 for its default (20)
 * @param persistent whether sessions and queued messages survive {@link LocalMosquitto#restart()}
 * @param accounts username to password; empty for anonymous clients
 * @param aclFile Mosquitto ACL file applied to the accounts, or null for none
 * @param tlsCertificates folder written by config/mosquitto/make-dev-certs.sh ({@code ca.crt},
 *        {@code server.crt}, {@code server.key}) for a second, TLS listener, or null for none
 * @param requireClientCertificate whether the TLS listener asks clients for a certificate
 */
public record MosquittoOptions(int port, int maxQueuedMessages, int maxInflightMessages, boolean persistent,
                               Map<String, String> accounts, Path aclFile, Path tlsCertificates,
                               boolean requireClientCertificate) {

    /** {@code max_queued_messages} of the production broker (config/mosquitto/sightline.conf). */
    public static final int PRODUCTION_MAX_QUEUED_MESSAGES = 100_000;
    /** {@code max_inflight_messages} of the production broker (config/mosquitto/sightline.conf). */
    public static final int PRODUCTION_MAX_INFLIGHT_MESSAGES = 2000;

    /**
     * @throws IllegalArgumentException for a port outside 0-65535, a negative limit, an ACL without
     *         accounts or a client certificate requirement without a TLS listener
     */
    public MosquittoOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxQueuedMessages < 0 || maxInflightMessages < 0) {
            throw new IllegalArgumentException("queue limits must be 0 (Mosquitto's default) or more");
        }
        accounts = Map.copyOf(accounts);
        if (aclFile != null && accounts.isEmpty()) {
            throw new IllegalArgumentException("an ACL applies to accounts: give accounts with it");
        }
        if (requireClientCertificate && tlsCertificates == null) {
            throw new IllegalArgumentException("a client certificate can only be required on a TLS listener");
        }
    }

    /** An anonymous broker on a free port, in memory, with Mosquitto's default limits. */
    public static MosquittoOptions defaults() {
        return new MosquittoOptions(0, 0, 0, false, Map.of(), null, null, false);
    }

    /** The same on the given port (0 for a free one). */
    public MosquittoOptions withPort(int newPort) {
        return new MosquittoOptions(newPort, maxQueuedMessages, maxInflightMessages, persistent, accounts, aclFile,
                tlsCertificates, requireClientCertificate);
    }

    /**
     * The same with the production broker's queue limits, so that a subscriber a fraction of a
     * second behind is not dropped as under Mosquitto's defaults.
     */
    public MosquittoOptions withProductionLimits() {
        return new MosquittoOptions(port, PRODUCTION_MAX_QUEUED_MESSAGES, PRODUCTION_MAX_INFLIGHT_MESSAGES, persistent,
                accounts, aclFile, tlsCertificates, requireClientCertificate);
    }

    /** The same with sessions and queued messages kept across a restart. */
    public MosquittoOptions withPersistence() {
        return new MosquittoOptions(port, maxQueuedMessages, maxInflightMessages, true, accounts, aclFile,
                tlsCertificates, requireClientCertificate);
    }

    /** The same with logins required on every listener (username to password) and an ACL file, or null for none. */
    public MosquittoOptions withAccounts(Map<String, String> newAccounts, Path newAclFile) {
        return new MosquittoOptions(port, maxQueuedMessages, maxInflightMessages, persistent, newAccounts, newAclFile,
                tlsCertificates, requireClientCertificate);
    }

    /** The same with a TLS listener beside the plain one, using the given make-dev-certs.sh folder. */
    public MosquittoOptions withTls(Path certificates, boolean clientCertificateRequired) {
        return new MosquittoOptions(port, maxQueuedMessages, maxInflightMessages, persistent, accounts, aclFile,
                certificates, clientCertificateRequired);
    }
}
