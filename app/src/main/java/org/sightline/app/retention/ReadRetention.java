package org.sightline.app.retention;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.retention.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes plate reads older than {@code sightline.retention.reads} by dropping whole daily
 * partitions of {@code plate_read} (fast, and leaves no dead rows behind), the idempotency keys
 * of those reads, and dead letters received before the same day (they hold the raw messages,
 * plates included). {@link RetentionJob} runs it every hour; each purge is written to the audit trail
 * with its counts.
 */
@Singleton
public class ReadRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ReadRetention.class);
    private static final Pattern PARTITION = Pattern.compile("plate_read_(\\d{8})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** What one run removed. */
    public record Purge(List<String> partitions, long reads, long keys, long deadLetters) { }

    private final DataSource dataSource;
    private final RetentionProperties retention;
    private final AuditLog audit;

    public ReadRetention(DataSource dataSource, RetentionProperties retention, AuditLog audit) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.audit = audit;
    }

    /**
     * Drops every daily partition whose whole day lies before {@code now - retention}.
     *
     * @return what was removed
     */
    @io.micronaut.transaction.annotation.Transactional
    public Purge purge(Instant now) {
        LocalDate keepFrom = now.minus(retention.reads()).atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> dropped = new ArrayList<>();
        long reads = 0;
        long keys;
        long deadLetters;
        try (Connection c = dataSource.getConnection()) {
            List<String> old = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT child.relname FROM pg_inherits
                      JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                      JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                     WHERE parent.relname = 'plate_read'""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = PARTITION.matcher(rs.getString(1));
                    if (m.matches() && LocalDate.parse(m.group(1), DAY).isBefore(keepFrom)) {
                        old.add(rs.getString(1));
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (String name : old) {
                    // names come from the catalogue and match plate_read_YYYYMMDD: safe to quote as identifiers
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + name + "\"")) {
                        rs.next();
                        reads += rs.getLong(1);
                    }
                    st.execute("DROP TABLE \"" + name + "\"");
                    dropped.add(name);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plate_read_key WHERE captured_at < ?")) {
                ps.setObject(1, keepFrom.atStartOfDay().atOffset(ZoneOffset.UTC));
                keys = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dead_letter WHERE received_at < ?")) {
                ps.setObject(1, keepFrom.atStartOfDay().atOffset(ZoneOffset.UTC));
                deadLetters = ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read retention failed: " + e.getMessage(), e);
        }
        if (!dropped.isEmpty() || keys > 0 || deadLetters > 0) {
            audit.record(new AuditEvent(now, "system:retention", "retention.reads.purge",
                    "reads captured before " + keepFrom, "retention policy", "",
                    "partitions=" + dropped.size() + ";reads=" + reads + ";keys=" + keys
                            + ";dead-letters=" + deadLetters + ";retention=" + retention.reads().toDays() + "d"));
            LOG.info("Retention: dropped {} day partitions ({} reads) captured before {}", dropped.size(), reads, keepFrom);
        }
        return new Purge(List.copyOf(dropped), reads, keys, deadLetters);
    }
}
