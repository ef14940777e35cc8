-- MQTT out is an outbox. An event that other control-room systems are told of (a new or historic
-- alert, an escalation; never a covert one) is committed with mqtt_pending = true in the same
-- transaction as the alert, whichever process commits it (the service, the command-line import's
-- retro-match); a running service publishes it and clears the flag only after the broker's PUBACK.
-- So an alert committed just before a crash, or by another process, is still published (at least
-- once). Events stored before this migration were handled by the old path: they stay false.
ALTER TABLE alert_event ADD COLUMN mqtt_pending boolean NOT NULL DEFAULT false;
ALTER TABLE alert_event ADD COLUMN mqtt_published_at timestamptz;
CREATE INDEX alert_event_mqtt_pending_idx ON alert_event (id) WHERE mqtt_pending;

-- Wakes the publishing services at commit (one notification per transaction: PostgreSQL folds
-- identical ones), so another process's alert goes out without waiting for the poll.
CREATE FUNCTION alert_event_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sightline_alert_outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER alert_event_outbox_notify AFTER INSERT ON alert_event
    FOR EACH ROW WHEN (NEW.mqtt_pending) EXECUTE FUNCTION alert_event_outbox_notify();
