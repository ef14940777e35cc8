package org.sightline.app.config;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes configuration changes to the audit trail: when the service starts, its {@code sightline.*}
 * settings (passwords and secrets masked) are compared with those it last started with, and any
 * difference is recorded as {@code config.change} with each changed key, before and after.
 * Command-line tools, which start no HTTP server, are not service starts and record nothing.
 */
@Singleton
public class ConfigurationAudit implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);
    private static final Pattern SECRET = Pattern.compile(".*(password|secret|credential|token).*");
    private static final String UNSET = "(not set)";

    private final Environment environment;
    private final GeoDatabase database;
    private final AuditLog audit;

    public ConfigurationAudit(Environment environment, GeoDatabase database, AuditLog audit) {
        this.environment = environment;
        this.database = database;
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        try {
            record(Instant.now());
        } catch (RuntimeException | SQLException e) {
            // the service runs on; the next start compares again
            LOG.error("Could not record the configuration in the audit trail", e);
        }
    }

    /**
     * Compares the current settings with the last recorded ones and audits the difference.
     *
     * @return the changed keys with "before → after", empty when nothing changed
     */
    public Map<String, String> record(Instant now) throws SQLException {
        Map<String, String> current = current();
        String snapshot = serialise(current);
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            String previous = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT settings FROM config_snapshot WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getString(1);
                }
            }
            if (snapshot.equals(previous)) {
                c.commit();
                return Map.of();
            }
            Map<String, String> before = previous == null ? Map.of() : parse(previous);
            Map<String, String> changes = new TreeMap<>();
            for (String key : new TreeSet<>(union(before, current))) {
                String b = before.getOrDefault(key, UNSET);
                String a = current.getOrDefault(key, UNSET);
                if (!a.equals(b)) {
                    changes.put(key, b + " → " + a);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_snapshot (id, settings, recorded_at) VALUES (1, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, recorded_at = EXCLUDED.recorded_at")) {
                ps.setString(1, snapshot);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            }
            StringBuilder details = new StringBuilder();
            changes.forEach((k, v) -> details.append(details.length() == 0 ? "" : "\n").append(k).append(": ").append(v));
            audit.record(new AuditEvent(now, "system:config", "config.change", "sightline.*",
                    previous == null ? "first recorded start" : "service start", "", details.toString()));
            c.commit();
            LOG.info("Configuration: {} setting(s) changed since the last start (recorded in the audit trail)", changes.size());
            return changes;
        }
    }

    /** The current sightline.* settings, flattened, secrets masked. */
    Map<String, String> current() {
        Map<String, String> out = new TreeMap<>();
        flatten("sightline", environment.getProperties("sightline", StringConvention.RAW), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> out) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key, (Map<String, Object>) nested, out);
            } else {
                String value = String.valueOf(e.getValue());
                out.put(key, SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches() && !value.isEmpty() ? "***" : value);
            }
        }
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    // one "key=value" per line, newlines in values escaped: simple, stable and readable in the table
    private static String serialise(Map<String, String> settings) {
        StringBuilder s = new StringBuilder();
        settings.forEach((k, v) -> s.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
        return s.toString();
    }

    private static Map<String, String> parse(String snapshot) {
        Map<String, String> out = new TreeMap<>();
        for (String line : snapshot.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
