-- Plate reads taken in over MQTT, one partition per UTC day of capture (see the ingest module).
-- The service creates partitions ahead of time and on demand for late reads through
-- ingest_ensure_plate_read_partition(day).
CREATE TABLE plate_read (
    read_id              uuid        NOT NULL,
    unit_id              text        NOT NULL,
    camera_id            text        NOT NULL,
    plate                text        NOT NULL,
    plate_as_read        text        NOT NULL,
    uk_format            boolean     NOT NULL,
    confidence           real        NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    captured_at          timestamptz NOT NULL,
    received_at          timestamptz NOT NULL,
    stored_at            timestamptz NOT NULL DEFAULT now(),
    late                 boolean     NOT NULL,
    position_from_camera boolean     NOT NULL,
    geom                 geometry(Point, 4326) NOT NULL,
    heading_degrees      real,
    lane                 smallint,
    vehicle_make         text        NOT NULL DEFAULT '',
    vehicle_colour       text        NOT NULL DEFAULT '',
    vehicle_type         text        NOT NULL DEFAULT '',
    image_ref            text        NOT NULL DEFAULT ''
) PARTITION BY RANGE (captured_at);

CREATE INDEX plate_read_geom_gix ON plate_read USING gist (geom);
CREATE INDEX plate_read_plate_idx ON plate_read (plate, captured_at);
CREATE INDEX plate_read_camera_idx ON plate_read (camera_id, captured_at);

-- One row per read id ever stored: a unit's read id is its idempotency key, whatever capture time
-- a re-sent copy carries, so the key cannot live in the partitioned table (whose unique indexes
-- must include the partition key).
CREATE TABLE plate_read_key (
    read_id     uuid        PRIMARY KEY,
    captured_at timestamptz NOT NULL
);

CREATE FUNCTION ingest_ensure_plate_read_partition(day date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    name text := 'plate_read_' || to_char(day, 'YYYYMMDD');
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF plate_read FOR VALUES FROM (%L) TO (%L)',
                   name, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
EXCEPTION
    -- another instance created it at the same moment
    WHEN duplicate_table OR unique_violation THEN
        NULL;
END
$$;

-- Messages the intake refused, kept with their raw bytes so that an administrator can see why and
-- replay them once the cause is fixed (a unit registered, a clock corrected).
CREATE TABLE dead_letter (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic             text        NOT NULL,
    payload           bytea       NOT NULL,
    payload_bytes     integer     NOT NULL,
    payload_truncated boolean     NOT NULL DEFAULT false,
    reason            text        NOT NULL,
    received_at       timestamptz NOT NULL,
    replayed_at       timestamptz,
    replay_outcome    text
);
CREATE INDEX dead_letter_received_idx ON dead_letter (received_at DESC);
