package org.sightline.app.report;

import java.util.Map;

/** Plain-English names of the audit trail's actions, for readers who do not know them. */
final class AuditActions {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("login.success", "Logins"),
            Map.entry("login.failure", "Failed logins (wrong password, unknown user, locked account)"),
            Map.entry("user.save", "Users created or changed"),
            Map.entry("reads.search", "Searches of stored reads"),
            Map.entry("reads.search.refused", "Searches refused for lack of approval"),
            Map.entry("reads.approval.request", "Approvals requested for older reads"),
            Map.entry("reads.approval.approve", "Approvals given"),
            Map.entry("reads.approval.deny", "Approvals refused"),
            Map.entry("hotlist.list.create", "Hotlists created"),
            Map.entry("hotlist.list.change", "Hotlists changed"),
            Map.entry("hotlist.entry.add", "Hotlist entries added"),
            Map.entry("hotlist.entry.remove", "Hotlist entries removed"),
            Map.entry("hotlist.import", "Hotlist files imported"),
            Map.entry("alert.acknowledge", "Alerts acknowledged"),
            Map.entry("alert.accept", "Alerts accepted"),
            Map.entry("alert.reject", "Alerts rejected"),
            Map.entry("plan.run", "Planning runs"),
            Map.entry("plan.export", "Plans exported"),
            Map.entry("camera.compliance.create", "Camera records made"),
            Map.entry("camera.compliance.change", "Camera records changed"),
            Map.entry("config.change", "Configuration changed (at a service start)"),
            Map.entry("export.layer", "Layers exported"),
            Map.entry("audit.export", "Audit trail exported"),
            Map.entry("report.compliance", "Compliance reports produced"),
            Map.entry("retention.reads.purge", "Purges of old reads"),
            Map.entry("retention.alerts.purge", "Purges of old alerts"),
            Map.entry("retention.hotlist.purge", "Purges of ended hotlist entries"),
            Map.entry("ingest.dead-letter.replay", "Dead letters replayed"));

    private AuditActions() {
    }

    /** The action's name for people, or the action itself when it has none. */
    static String describe(String action) {
        return NAMES.getOrDefault(action, action);
    }
}
