package org.sightline.app.search;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.app.search.adapter.db.ApprovalRepository;
import org.sightline.app.search.adapter.db.ApprovalRow;
import org.sightline.app.search.adapter.db.ReadSearchQueries;
import org.sightline.app.search.adapter.db.ReadSearchQueries.FoundRead;
import org.sightline.app.search.domain.AccessWindow;
import org.sightline.app.search.domain.ReadSearch;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.retention.RetentionProperties;

/**
 * Searches of stored plate reads with the safeguards of the national ANPR standards: a stated
 * purpose and reference, routine access to the recent window only, older reads only through a
 * supervisor's approval of that very search, and every search and decision in the audit trail.
 */
@Singleton
public class ReadSearchService {

    /** Largest page of results. */
    public static final int MAX_PAGE_SIZE = 500;

    /** The outcome of a search request. */
    public sealed interface Outcome {
        /** Results (one page) and whether there are more. */
        record Found(List<FoundRead> reads, int page, int size, boolean more) implements Outcome { }

        /** The search reaches past the routine window and has no matching approval. */
        record NeedsApproval(String reason) implements Outcome { }
    }

    private final ReadSearchQueries queries;
    private final ApprovalRepository approvals;
    private final AuditLog audit;
    private final AccessWindow window;
    private final Clock clock;

    public ReadSearchService(ReadSearchQueries queries, ApprovalRepository approvals, AuditLog audit, RetentionProperties retention) {
        this.queries = queries;
        this.approvals = approvals;
        this.audit = audit;
        this.window = new AccessWindow(retention.routineAccess(), retention.reads());
        this.clock = Clock.systemUTC();
    }

    /** Runs one page of a search for {@code user}; the search is audited whether or not it finds anything. */
    public Outcome search(ReadSearch s, Optional<Long> approvalId, String user, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1-" + MAX_PAGE_SIZE);
        }
        Instant now = clock.instant();
        if (window.needsApproval(s.from(), now)) {
            Optional<ApprovalRow> approval = approvalId.flatMap(approvals::findById);
            String problem = approval.isEmpty() ? "no approval given" : findMismatch(approval.get(), s, user);
            if (problem != null) {
                audit.record(event(now, user, "reads.search.refused", s, "needs approval: " + problem));
                return new Outcome.NeedsApproval("This search reaches back more than " + window.routine().toDays()
                        + " days: ask a supervisor to approve it (" + problem + ").");
            }
        }
        List<FoundRead> found = queries.find(s, page * size, size + 1);
        boolean more = found.size() > size;
        List<FoundRead> pageOf = more ? found.subList(0, size) : found;
        audit.record(event(now, user, "reads.search", s, "results=" + pageOf.size() + (more ? "+" : "")
                + ";page=" + page + approvalId.map(id -> ";approval=" + id).orElse("")));
        return new Outcome.Found(List.copyOf(pageOf), page, size, more);
    }

    /** Records a request for a supervisor to approve this search; returns its id. */
    public long requestApproval(ReadSearch s, String user) {
        Instant now = clock.instant();
        ApprovalRow row = approvals.save(new ApprovalRow(null, user, now, s.purpose(), s.reference(), s.plate().orElse(""),
                s.cameraId().orElse(""), s.from(), s.to(), "REQUESTED", null, null, ""));
        audit.record(event(now, user, "reads.approval.request", s, "approval=" + row.id()));
        return row.id();
    }

    /** Pending requests, oldest first. */
    public List<ApprovalRow> listPending() {
        return approvals.findByStatusOrderByRequestedAt("REQUESTED");
    }

    /** The user's own requests, newest first. */
    public List<ApprovalRow> listMine(String user) {
        return approvals.findByRequestedByOrderByRequestedAtDesc(user);
    }

    /**
     * Approves or denies a pending request. A supervisor cannot decide their own request.
     *
     * @return false when the request is not pending, does not exist, or is the supervisor's own
     */
    public boolean decide(long id, boolean approve, String supervisor, String note) {
        Instant now = clock.instant();
        String cleanNote = note == null ? "" : note.strip();
        int changed = approvals.decide(id, approve ? "APPROVED" : "DENIED", supervisor, now, cleanNote);
        if (changed == 1) {
            audit.record(new AuditEvent(now, supervisor, approve ? "reads.approval.approve" : "reads.approval.deny",
                    "approval " + id, "", "", cleanNote));
        }
        return changed == 1;
    }

    private static String findMismatch(ApprovalRow a, ReadSearch s, String user) {
        if (!a.status().equals("APPROVED")) {
            return "approval " + a.id() + " is " + a.status().toLowerCase(Locale.ROOT);
        }
        if (!a.requestedBy().equals(user)) {
            return "approval " + a.id() + " was given to another user";
        }
        if (s.from().isBefore(a.fromAt()) || s.to().isAfter(a.toAt())) {
            return "the search window lies outside approval " + a.id();
        }
        if (!a.plate().isEmpty() && !a.plate().equals(s.plate().orElse(""))) {
            return "approval " + a.id() + " is for another plate";
        }
        if (!a.cameraId().isEmpty() && !a.cameraId().equals(s.cameraId().orElse(""))) {
            return "approval " + a.id() + " is for another camera";
        }
        return null;
    }

    private static AuditEvent event(Instant now, String user, String action, ReadSearch s, String details) {
        String target = s.plate().map(p -> "plate " + p + (s.fuzzy() ? " (fuzzy)" : ""))
                .or(() -> s.cameraId().map(c -> "camera " + c)).orElse("area");
        String criteria = "from=" + s.from() + ";to=" + s.to() + s.area().map(a -> ";area=" + a[0] + "," + a[1] + "," + a[2] + "," + a[3]).orElse("");
        return new AuditEvent(now, user, action, target, s.purpose(), s.reference(), criteria + ";" + details);
    }
}
