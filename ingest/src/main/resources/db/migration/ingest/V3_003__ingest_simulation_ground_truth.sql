-- What the roadside-unit simulator really showed its cameras, so that matching and alerting can be
-- scored (recall, false matches from misreads) against the reads the intake stored.
CREATE TABLE simulation_ground_truth (
    read_id     uuid        PRIMARY KEY,
    journey_id  uuid        NOT NULL,
    unit_id     text        NOT NULL,
    camera_id   text        NOT NULL,
    true_plate  text        NOT NULL,
    read_plate  text        NOT NULL,
    misread     boolean     NOT NULL,
    captured_at timestamptz NOT NULL,
    delivery    text        NOT NULL CHECK (delivery IN ('SENT', 'DUPLICATED', 'MALFORMED', 'BACKLOG'))
);
CREATE INDEX simulation_ground_truth_plate_idx ON simulation_ground_truth (true_plate, captured_at);
