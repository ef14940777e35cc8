package org.sightline.alerting.hotlist.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.HotlistKind;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.alerting.web.AlertingStoreException;

/** Hotlists and their entries in PostgreSQL ({@code alert_hotlist}, {@code alert_hotlist_entry}). */
@Singleton
public class HotlistStore {

    private static final String ENTRY_COLUMNS = "id, list_code, plate, reason, priority, instruction, covert, source,"
            + " valid_from, expires_at, created_by, created_at";

    /** The notification channel of hotlist changes (see {@link #announce}). */
    public static final String CHANGES = "sightline_hotlist";

    private final GeoDatabase database;

    public HotlistStore(GeoDatabase database) {
        this.database = database;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /** All lists by code. */
    public Map<String, Hotlist> lists() {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT code, name, kind, scope, covert FROM alert_hotlist ORDER BY code")) {
            Map<String, Hotlist> out = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Hotlist(rs.getString(1), rs.getString(2), HotlistKind.valueOf(rs.getString(3)),
                            AlertScope.valueOf(rs.getString(4)), rs.getBoolean(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read hotlists", e);
        }
    }

    /** Creates or changes a list; returns true when it was new. */
    public boolean upsertList(Connection c, Hotlist list) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_hotlist (code, name, kind, scope, covert)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,"
                + " scope = EXCLUDED.scope, covert = EXCLUDED.covert RETURNING (xmax = 0)")) {
            st.setString(1, list.code());
            st.setString(2, list.name());
            st.setString(3, list.kind().name());
            st.setString(4, list.scope().name());
            st.setBoolean(5, list.covert());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** "list:plate" of every live (not removed) entry, of one list or of all. */
    public Set<String> livePlateKeys(Optional<String> listCode) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT list_code || ':' || plate FROM alert_hotlist_entry WHERE removed_at IS NULL"
                        + (listCode.isPresent() ? " AND list_code = ?" : ""))) {
            if (listCode.isPresent()) {
                st.setString(1, listCode.get());
            }
            st.setFetchSize(10_000);
            c.setAutoCommit(false);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read hotlist entries", e);
        }
    }

    /** "list:plate" of every live (not removed) entry. */
    public Set<String> livePlateKeys() {
        return livePlateKeys(Optional.empty());
    }

    /** Live entries per list code (lists without entries are left out). */
    public Map<String, Long> liveCounts() {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT list_code, count(*) FROM alert_hotlist_entry WHERE removed_at IS NULL GROUP BY list_code")) {
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot count hotlist entries", e);
        }
    }

    /** Inserts entries of one import in the caller's transaction. */
    public void insert(Connection c, List<HotlistEntry> entries, UUID importId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_hotlist_entry (" + ENTRY_COLUMNS
                + ", import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HotlistEntry e : entries) {
                st.setObject(1, e.id());
                st.setString(2, e.listCode());
                st.setString(3, e.plate().value());
                st.setString(4, e.reason());
                st.setInt(5, e.priority());
                st.setString(6, e.instruction());
                st.setBoolean(7, e.covert());
                st.setString(8, e.source());
                st.setTimestamp(9, Timestamp.from(e.validFrom()));
                st.setTimestamp(10, Timestamp.from(e.expiresAt()));
                st.setString(11, e.createdBy());
                st.setTimestamp(12, Timestamp.from(e.createdAt()));
                st.setObject(13, importId);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Announces a change to every alerting service listening on {@link #CHANGES}, when the
     * caller's transaction commits: {@code import:<id>} for added entries, {@code remove:<id>}
     * for a removed one.
     */
    public void announce(Connection c, String change) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_notify('" + CHANGES + "', ?)")) {
            st.setString(1, change);
            st.execute();
        }
    }

    /**
     * The live entries of one import, at most {@code limit} after the id {@code after} in the
     * database's uuid order (bytewise; start from the nil uuid, {@code new UUID(0, 0)}).
     */
    public List<HotlistEntry> entriesOfImport(UUID importId, UUID after, int limit) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM alert_hotlist_entry WHERE import_id = ? AND removed_at IS NULL AND id > ? ORDER BY id LIMIT ?")) {
            st.setObject(1, importId);
            st.setObject(2, after);
            st.setInt(3, limit);
            return entries(st);
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read hotlist entries", e);
        }
    }

    /** Marks an entry removed; returns false when it was not live. */
    public boolean remove(Connection c, UUID id, String by, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE alert_hotlist_entry SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL")) {
            st.setTimestamp(1, Timestamp.from(at));
            st.setString(2, by);
            st.setObject(3, id);
            return st.executeUpdate() == 1;
        }
    }

    /** A live entry by id. */
    public Optional<HotlistEntry> findLive(UUID id) {
        List<HotlistEntry> l = query("SELECT " + ENTRY_COLUMNS + " FROM alert_hotlist_entry WHERE id = ? AND removed_at IS NULL",
                id, null);
        return l.stream().findFirst();
    }

    /** Live entries not yet expired at {@code now}: what the matcher holds. */
    public List<HotlistEntry> unexpired(Instant now) {
        return query("SELECT " + ENTRY_COLUMNS + " FROM alert_hotlist_entry WHERE removed_at IS NULL AND expires_at > ?",
                null, now);
    }

    /** The live entries of one list, newest first (at most 10,000). */
    public List<HotlistEntry> entriesOf(String listCode) {
        return query("SELECT " + ENTRY_COLUMNS + " FROM alert_hotlist_entry WHERE removed_at IS NULL AND list_code = ?"
                + " ORDER BY created_at DESC, plate LIMIT 10000", listCode, null);
    }

    private List<HotlistEntry> query(String sql, Object param, Instant at) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            if (param != null) {
                st.setObject(1, param);
            } else if (at != null) {
                st.setTimestamp(1, Timestamp.from(at));
            }
            st.setFetchSize(10_000);
            c.setAutoCommit(false);
            List<HotlistEntry> out = entries(st);
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read hotlist entries", e);
        }
    }

    /**
     * Streams the live entries of one list in plate order to {@code sink} (for exports of any size).
     *
     * @return the number of entries
     */
    public long forEachLive(String listCode, java.util.function.Consumer<HotlistEntry> sink) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM alert_hotlist_entry WHERE removed_at IS NULL AND list_code = ? ORDER BY plate")) {
            st.setString(1, listCode);
            st.setFetchSize(5_000);
            c.setAutoCommit(false);
            long n = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(entry(rs));
                    n++;
                }
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read hotlist entries", e);
        }
    }

    private static List<HotlistEntry> entries(PreparedStatement st) throws SQLException {
        List<HotlistEntry> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(entry(rs));
            }
        }
        return out;
    }

    private static HotlistEntry entry(ResultSet rs) throws SQLException {
        return new HotlistEntry(rs.getObject(1, UUID.class), rs.getString(2), new PlateNumber(rs.getString(3)),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }
}
