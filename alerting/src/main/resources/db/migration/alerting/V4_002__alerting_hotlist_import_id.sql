-- Every change to the hotlists is stored in one transaction with an import id; running alerting
-- services (and the command-line import, which runs in a process of its own) announce it with
-- NOTIFY sightline_hotlist, and each service loads that import's entries into its matcher.
ALTER TABLE alert_hotlist_entry ADD COLUMN import_id uuid;
CREATE INDEX alert_hotlist_entry_import_idx ON alert_hotlist_entry (import_id) WHERE import_id IS NOT NULL;
