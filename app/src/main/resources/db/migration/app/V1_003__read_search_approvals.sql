-- Searches of plate reads older than the routine access window need a supervisor's approval
-- (national ANPR standards): a request names the search it wants, a supervisor approves or denies
-- it, and only the requester may then run that search. Every step is also in the audit trail.
CREATE TABLE read_search_approval (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    purpose       text        NOT NULL,
    reference     text        NOT NULL,
    plate         text        NOT NULL DEFAULT '',
    camera_id     text        NOT NULL DEFAULT '',
    from_at       timestamptz NOT NULL,
    to_at         timestamptz NOT NULL CHECK (to_at > from_at),
    status        text        NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'APPROVED', 'DENIED')),
    decided_by    text,
    decided_at    timestamptz,
    decision_note text        NOT NULL DEFAULT '',
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX read_search_approval_status ON read_search_approval (status, requested_at);
