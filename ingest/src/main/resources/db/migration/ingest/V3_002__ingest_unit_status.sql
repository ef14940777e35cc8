-- Roadside unit status as the intake sees it (heartbeats, Last Will), with its history.
CREATE TABLE unit_status (
    unit_id              text        PRIMARY KEY,
    state                text        NOT NULL CHECK (state IN ('UNKNOWN', 'ONLINE', 'STALE', 'OFFLINE')),
    since                timestamptz NOT NULL,
    last_heartbeat_at    timestamptz,
    firmware             text        NOT NULL DEFAULT '',
    uptime_seconds       bigint,
    temperature_celsius  real,
    disk_free_bytes      bigint,
    reads_since_last     bigint
);

CREATE TABLE unit_status_history (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    text        NOT NULL,
    camera_id  text,
    from_state text        NOT NULL,
    to_state   text        NOT NULL,
    at         timestamptz NOT NULL,
    reason     text        NOT NULL
);
CREATE INDEX unit_status_history_unit_idx ON unit_status_history (unit_id, at DESC);

-- Per camera: FAULT (no frames, frame rate collapsed, reported not ok) or OK, from heartbeats.
CREATE TABLE camera_status (
    camera_id  text        PRIMARY KEY,
    unit_id    text        NOT NULL,
    fault      boolean     NOT NULL,
    reason     text        NOT NULL DEFAULT '',
    fps        real,
    since      timestamptz NOT NULL
);
