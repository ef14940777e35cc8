-- What the Surveillance Camera Code of Practice asks to be on record for each camera: its
-- purpose, the signage that tells the public, and the data-protection impact assessment. Kept
-- beside the estate (geo_camera) by camera id; a camera without a row is reported as a gap.
CREATE TABLE camera_compliance (
    camera_id      text        PRIMARY KEY,
    purpose        text        NOT NULL,
    signage        text        NOT NULL DEFAULT '',
    dpia_reference text        NOT NULL DEFAULT '',
    reviewed_on    date,
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
