-- Append-only, hash-chained audit trail. Each row's hash covers its own fields and the previous
-- row's hash, so a changed, removed or inserted row breaks the chain ('sightline audit verify').
-- The database refuses UPDATE, DELETE and TRUNCATE; only a superuser who disables the triggers
-- can change a row, and the verification then finds it.
CREATE TABLE audit_event (
    id          bigint      PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL DEFAULT '',
    purpose     text        NOT NULL DEFAULT '',
    reference   text        NOT NULL DEFAULT '',
    details     text        NOT NULL DEFAULT '',
    prev_hash   char(64)    NOT NULL,
    hash        char(64)    NOT NULL UNIQUE
);
CREATE SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_action ON audit_event (action, at);
CREATE INDEX audit_event_actor ON audit_event (actor, at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
