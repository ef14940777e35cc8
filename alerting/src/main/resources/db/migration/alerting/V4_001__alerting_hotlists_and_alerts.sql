-- Hotlists, their entries, and the alerts raised against them (alerting module, versions 4.x).

CREATE TABLE alert_hotlist (
    code        text        PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('STOLEN', 'WANTED', 'LOCAL_ASB', 'ORGANISED_CRIME', 'OTHER')),
    scope       text        NOT NULL CHECK (scope IN ('ARTERIAL_ONLY', 'ANYWHERE')),
    covert      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- An entry is never deleted: removal stamps removed_at, so alerts keep their entry and the
-- audit trail can be followed.
CREATE TABLE alert_hotlist_entry (
    id          uuid        PRIMARY KEY,
    list_code   text        NOT NULL REFERENCES alert_hotlist (code),
    plate       text        NOT NULL CHECK (plate ~ '^[A-Z0-9]{1,10}$'),
    reason      text        NOT NULL,
    priority    smallint    NOT NULL CHECK (priority BETWEEN 0 AND 100),
    instruction text        NOT NULL DEFAULT '',
    covert      boolean     NOT NULL DEFAULT false,
    source      text        NOT NULL DEFAULT '',
    valid_from  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > valid_from),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    removed_at  timestamptz,
    removed_by  text
);
-- one live entry per plate and list: a second one is a duplicate
CREATE UNIQUE INDEX alert_hotlist_entry_live_uq ON alert_hotlist_entry (list_code, plate) WHERE removed_at IS NULL;
CREATE INDEX alert_hotlist_entry_plate_idx ON alert_hotlist_entry (plate);

CREATE TABLE alert (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id        uuid        NOT NULL REFERENCES alert_hotlist_entry (id),
    list_code       text        NOT NULL REFERENCES alert_hotlist (code),
    plate           text        NOT NULL,
    priority        smallint    NOT NULL,
    covert          boolean     NOT NULL,
    historic        boolean     NOT NULL DEFAULT false,
    state           text        NOT NULL CHECK (state IN ('NEW', 'ACKNOWLEDGED', 'ACCEPTED', 'REJECTED')),
    grade           text        NOT NULL,
    explanation     text        NOT NULL,
    place           text        NOT NULL DEFAULT '',
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    sightings       integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    escalated_at    timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz,
    decided_by      text,
    decided_at      timestamptz,
    reject_reason   text CHECK (reject_reason IN ('MISREAD', 'VEHICLE_DOES_NOT_MATCH', 'ALREADY_DEALT_WITH', 'OTHER')),
    decision_note   text        NOT NULL DEFAULT ''
);
CREATE INDEX alert_open_idx ON alert (entry_id, last_seen) WHERE state IN ('NEW', 'ACKNOWLEDGED');
CREATE INDEX alert_state_idx ON alert (state, priority DESC, last_seen DESC);

CREATE TABLE alert_sighting (
    alert_id      bigint      NOT NULL REFERENCES alert (id),
    read_id       uuid        NOT NULL,
    camera_id     text        NOT NULL,
    plate_as_read text        NOT NULL,
    confidence    real        NOT NULL,
    captured_at   timestamptz NOT NULL,
    explanation   text        NOT NULL,
    place         text        NOT NULL DEFAULT '',
    geom          geometry(Point, 4326),
    PRIMARY KEY (alert_id, read_id)
);
CREATE INDEX alert_sighting_read_idx ON alert_sighting (read_id);

-- Every change the console must see, in order: the SSE stream resumes from an event id.
CREATE TABLE alert_event (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id  bigint      NOT NULL REFERENCES alert (id),
    kind      text        NOT NULL,
    covert    boolean     NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
