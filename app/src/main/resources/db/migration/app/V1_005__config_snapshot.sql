-- The sightline.* settings the service last started with (secrets masked), so that the next start
-- can write what changed to the audit trail ('config.change'). One row.
CREATE TABLE config_snapshot (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    settings    text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
