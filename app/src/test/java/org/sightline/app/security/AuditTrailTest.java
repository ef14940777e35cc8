package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.security.domain.Role;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.audit.domain.ChainVerification;
import org.sightline.platform.audit.domain.ChainedAuditEvent;
import org.sightline.testing.TestDatabase;

/**
 * The audit trail records logins, cannot be changed through the database's normal paths, and
 * shows any change made by a superuser who goes around them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest implements SightlineTestProperties {

    @Inject
    AuditLog audit;

    @Inject
    UserService users;

    @Test
    void loginsAreRecordedWithoutTheAttemptedUnknownName() {
        users.createOrReplace("audit-user", "audit-password-123", EnumSet.of(Role.PLANNER), false);
        users.login("audit-user", "wrong-password-xyz");
        users.login("audit-user", "audit-password-123");
        users.login("some-typed-secret", "whatever");
        StringBuilder seen = new StringBuilder();
        audit.forEach(e -> seen.append(e.event().actor()).append(' ').append(e.event().action())
                .append(' ').append(e.event().details()).append('\n'));
        assertThat(seen.toString())
                .contains("audit-user login.failure wrong password")
                .contains("audit-user login.success")
                .contains("unknown login.failure unknown user")
                .doesNotContain("some-typed-secret");
    }

    @Test
    void concurrentAppendsStayOneIntactChain() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(IntStream.range(0, 40).mapToObj(i -> CompletableFuture.runAsync(() ->
                    audit.record(new AuditEvent(Instant.now(), "tester", "test.concurrent", "t" + i, "", "", "")), pool))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        ChainVerification v = audit.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.checked()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void databaseRefusesUpdateAndDelete() throws SQLException {
        audit.record(AuditEvent.of("tester", "test.immutable", "x"));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET actor = 'someone-else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_event"))
                    .hasMessageContaining("append-only");
        }
        assertThat(audit.verify().problems()).isEmpty();
    }

    @Test
    void tamperingBySuperuserIsDetected() throws SQLException {
        ChainedAuditEvent victim = audit.record(AuditEvent.of("tester", "test.tamper", "original-target"));
        audit.record(AuditEvent.of("tester", "test.after", "after"));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
            try {
                st.executeUpdate("UPDATE audit_event SET target = 'forged-target' WHERE id = " + victim.id());
            } finally {
                st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
            }
        }
        ChainVerification v = audit.verify();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("entry " + victim.id() + ":") && p.contains("changed"));
        // repair, so the other tests of this class see an intact chain again
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
            try {
                st.executeUpdate("UPDATE audit_event SET target = 'original-target' WHERE id = " + victim.id());
            } finally {
                st.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
            }
        }
        assertThat(audit.verify().problems()).isEmpty();
    }
}
