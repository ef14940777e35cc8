package org.sightline.alerting.hotlist;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.hotlist.adapter.db.HotlistStore;
import org.sightline.alerting.hotlist.domain.EntryDraft;
import org.sightline.alerting.hotlist.domain.EntryImport;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.web.AlertingStoreException;
import org.sightline.geo.io.CsvRecordReader;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotlist management: lists, single entries, file imports and removals. Every change is stored,
 * audited, and applied to the live matcher; covert lists and entries are out of reach of users
 * without covert clearance (they are told the list does not exist).
 */
@Singleton
public class HotlistService {

    private static final Logger LOG = LoggerFactory.getLogger(HotlistService.class);
    /** Entries written per statement batch of a streamed import. */
    private static final int IMPORT_BATCH = 2_000;

    private final HotlistStore store;
    private final LiveHotlists live;
    private final AuditLog audit;
    private final AlertingProperties config;
    private final List<HotlistListener> listeners;

    public HotlistService(HotlistStore store, LiveHotlists live, AuditLog audit, AlertingProperties config,
                          List<HotlistListener> listeners) {
        this.store = store;
        this.live = live;
        this.audit = audit;
        this.config = config;
        this.listeners = listeners;
    }

    /** The lists the user may see. */
    public List<Hotlist> lists(boolean covertCleared) {
        return store.lists().values().stream().filter(l -> covertCleared || !l.covert()).toList();
    }

    /** Creates or changes a list (a covert list only by a cleared user). */
    public Hotlist saveList(Hotlist list, String user, boolean covertCleared) {
        Hotlist existing = store.lists().get(list.code());
        if ((list.covert() || (existing != null && existing.covert())) && !covertCleared) {
            throw new CovertAccessException("only users cleared for covert lists may create or change covert lists");
        }
        try (Connection c = store.connect()) {
            boolean created = store.upsertList(c, list);
            audit.record(new AuditEvent(Instant.now(), user, created ? "hotlist.list.create" : "hotlist.list.change",
                    list.code(), "", "", String.format(Locale.ROOT, "{\"name\":%s,\"kind\":\"%s\",\"scope\":\"%s\",\"covert\":%s}",
                    json(list.name()), list.kind(), list.scope(), list.covert())));
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot store hotlist " + list.code(), e);
        }
        live.listsChanged();
        return list;
    }

    /** The live entries of a list the user may see (covert entries only for cleared users). */
    public Optional<List<HotlistEntry>> entries(String listCode, boolean covertCleared) {
        Hotlist list = visibleList(listCode, covertCleared);
        if (list == null) {
            return Optional.empty();
        }
        return Optional.of(store.entriesOf(listCode).stream().filter(e -> covertCleared || !e.covert()).toList());
    }

    /** Adds one entry, or returns every problem with it. */
    public EntryDraft.Checked add(EntryDraft draft, String user, boolean covertCleared) {
        Map<String, Hotlist> lists = visibleLists(covertCleared);
        EntryDraft.Checked checked = draft.check(lists, store.livePlateKeys(), config.entryRules(), user, Instant.now());
        if (!checked.ok()) {
            return checked;
        }
        if (checked.entry().covert() && !covertCleared) {
            throw new CovertAccessException("only users cleared for covert lists may add covert entries");
        }
        store(List.of(checked.entry()), user, "hotlist.entry.add", checked.entry().listCode() + ":"
                + checked.entry().plate(), entryDetails(checked.entry()));
        return checked;
    }

    /**
     * Imports a CSV file (an HTTP body): each line is checked on its own, valid lines are stored
     * together, and the report gives every line's verdict. A file with an unexpected header
     * imports nothing.
     */
    public ImportReport importCsv(Reader csv, String user, boolean covertCleared) throws IOException {
        List<ImportReport.LineReport> lines = new ArrayList<>();
        List<HotlistEntry> accepted = new ArrayList<>();
        ImportSummary summary = importLines(csv, new ImportOptions(Optional.empty(), false, "file"), user, covertCleared,
                lines::add, accepted);
        if (!accepted.isEmpty()) {
            applied(accepted);
        }
        return new ImportReport((int) summary.imported(), (int) summary.refused(), lines);
    }

    /**
     * Imports a hotlist file of any size as a stream (the command-line import): every line's verdict
     * goes to {@code verdicts} as it is read, valid lines are written in batches inside one
     * transaction (all of them or, if the database fails, none), and running services are told to
     * load them. Nothing is stored on a dry run. Holds only the list's plates in memory.
     *
     * @param verdicts receives each line's verdict in file order
     * @throws IllegalArgumentException when the header is wrong or the target list does not exist
     *         (nothing is imported)
     */
    public ImportSummary importStream(Reader csv, ImportOptions options, String user, boolean covertCleared,
                                      Consumer<ImportReport.LineReport> verdicts) throws IOException {
        return importLines(csv, options, user, covertCleared, verdicts, null);
    }

    private ImportSummary importLines(Reader csv, ImportOptions options, String user, boolean covertCleared,
                                      Consumer<ImportReport.LineReport> verdicts, List<HotlistEntry> keep) throws IOException {
        Map<String, Hotlist> lists = visibleLists(covertCleared);
        if (options.list().isPresent() && !lists.containsKey(options.list().get())) {
            throw new IllegalArgumentException("no hotlist '" + options.list().get() + "'");
        }
        // entries of one import share their creation time (to the microsecond the database keeps)
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EntryImport imp = new EntryImport(lists, store.livePlateKeys(options.list()), config.entryRules(), user, now,
                options.list());
        CsvRecordReader reader = new CsvRecordReader(csv);
        if (!imp.header(reader.next())) {
            throw new IllegalArgumentException("the first line must be the header " + imp.expectedHeader());
        }
        UUID importId = UUID.randomUUID();
        long lines = 0;
        long imported = 0;
        Set<String> listsTouched = new TreeSet<>();
        List<HotlistEntry> batch = new ArrayList<>(IMPORT_BATCH);
        Connection c = null;
        try {
            while (true) {
                EntryImport.Line line;
                try {
                    List<String> fields = reader.next();
                    if (fields == null) {
                        break;
                    }
                    if (fields.size() == 1 && fields.get(0).isBlank()) {
                        continue;
                    }
                    line = imp.check(reader.recordLine(), fields);
                } catch (CsvRecordReader.MalformedRecordException e) {
                    // the reader cannot resynchronise after a broken quote
                    line = imp.unreadable(e.line(), e.getMessage());
                    lines++;
                    verdicts.accept(ImportReport.LineReport.of(line));
                    break;
                }
                lines++;
                if (line.accepted() && line.entry().covert() && !covertCleared) {
                    line = new EntryImport.Line(line.lineNumber(), line.plate(), null,
                            List.of("covert entries need covert clearance"));
                }
                verdicts.accept(ImportReport.LineReport.of(line));
                if (!line.accepted()) {
                    continue;
                }
                imported++;
                listsTouched.add(line.entry().listCode());
                if (keep != null) {
                    keep.add(line.entry());
                }
                if (!options.dryRun()) {
                    batch.add(line.entry());
                    if (batch.size() == IMPORT_BATCH) {
                        c = write(c, batch, importId);
                    }
                }
            }
            if (options.dryRun() || imported == 0) {
                return new ImportSummary(importId, lines, imported, lines - imported, options.dryRun(), false);
            }
            c = write(c, batch, importId);
            store.announce(c, "import:" + importId);
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalArgumentException("another user added one of these plates to the list at the same moment; "
                        + "nothing was imported, try again");
            }
            throw new AlertingStoreException("cannot store hotlist entries", e);
        } catch (IOException | RuntimeException e) {
            rollback(c);
            throw e;
        } finally {
            close(c);
        }
        // audited after the commit: the trail never records a change that did not happen
        audit.record(new AuditEvent(Instant.now(), user, "hotlist.import", options.source(), "", "",
                String.format(Locale.ROOT, "{\"imported\":%d,\"refused\":%d,\"lists\":%s,\"importId\":\"%s\"}",
                        imported, lines - imported, json(String.join(",", listsTouched)), importId)));
        return new ImportSummary(importId, lines, imported, lines - imported, false, true);
    }

    /** Writes a batch in the import's transaction (opened on the first batch); returns the connection. */
    private Connection write(Connection c, List<HotlistEntry> batch, UUID importId) throws SQLException {
        Connection conn = c;
        if (conn == null) {
            conn = store.connect();
            conn.setAutoCommit(false);
        }
        if (!batch.isEmpty()) {
            store.insert(conn, batch, importId);
            batch.clear();
        }
        return conn;
    }

    private static void rollback(Connection c) {
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException e) {
                LOG.debug("rollback of a hotlist import failed: {}", e.toString());
            }
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a hotlist import connection: {}", e.toString());
            }
        }
    }

    /** Removes a live entry the user may see; returns false when there is none. */
    public boolean remove(UUID id, String user, boolean covertCleared) {
        Optional<HotlistEntry> entry = store.findLive(id);
        if (entry.isEmpty() || !visible(entry.get(), covertCleared)) {
            return false;
        }
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            if (!store.remove(c, id, user, Instant.now())) {
                c.rollback();
                return false;
            }
            store.announce(c, "remove:" + id);
            audit.record(new AuditEvent(Instant.now(), user, "hotlist.entry.remove",
                    entry.get().listCode() + ":" + entry.get().plate(), "", "", "{\"id\":\"" + id + "\"}"));
            c.commit();
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot remove hotlist entry " + id, e);
        }
        live.removed(id);
        return true;
    }

    /** True when the user may see the entry. */
    public boolean visible(HotlistEntry e, boolean covertCleared) {
        if (covertCleared) {
            return true;
        }
        Hotlist list = live.list(e.listCode());
        return !e.covert() && list != null && !list.covert();
    }

    private void store(List<HotlistEntry> entries, String user, String action, String target, String details) {
        UUID importId = UUID.randomUUID();
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            store.insert(c, entries, importId);
            store.announce(c, "import:" + importId);
            c.commit();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalArgumentException("another user added the same plate to the list at the same moment; "
                        + "nothing was imported, try again");
            }
            throw new AlertingStoreException("cannot store hotlist entries", e);
        }
        // audited after the commit: the trail never records a change that did not happen
        audit.record(new AuditEvent(Instant.now(), user, action, target, "", "", details));
        applied(entries);
    }

    /** Brings this service's matcher up to date at once and starts the retro-match. */
    private void applied(List<HotlistEntry> entries) {
        live.added(entries);
        for (HotlistListener l : listeners) {
            try {
                l.entriesAdded(entries);
            } catch (RuntimeException e) {
                LOG.warn("hotlist listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private Map<String, Hotlist> visibleLists(boolean covertCleared) {
        return store.lists().entrySet().stream().filter(e -> covertCleared || !e.getValue().covert())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Hotlist visibleList(String code, boolean covertCleared) {
        Hotlist l = store.lists().get(code);
        return l == null || (l.covert() && !covertCleared) ? null : l;
    }

    private static String entryDetails(HotlistEntry e) {
        return String.format(Locale.ROOT, "{\"id\":\"%s\",\"priority\":%d,\"covert\":%s,\"expiresAt\":\"%s\",\"reason\":%s}",
                e.id(), e.priority(), e.covert(), e.expiresAt(), json(e.reason()));
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
