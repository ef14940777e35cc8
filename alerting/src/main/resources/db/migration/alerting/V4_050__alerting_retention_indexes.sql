-- The retention purge deletes alerts and hotlist entries: each deleted row's foreign-key check
-- looks up the rows that refer to it, which without these indexes is a scan of the whole
-- referring table per deleted row. (Numbered apart from the module's feature migrations;
-- out-of-order migration is on.)
CREATE INDEX alert_event_alert_idx ON alert_event (alert_id);
CREATE INDEX alert_entry_idx ON alert (entry_id);
