-- Building footprint layers that block cameras' views (e.g. OS Open Map Local buildings,
-- OpenStreetMap building polygons), WGS84. A layer is identified by the SHA-256 of the file it was
-- read from, so importing the same file again finds the stored layer.
CREATE TABLE planner_occlusion_layer (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL,
    source_sha256  text        NOT NULL UNIQUE,
    footprints     integer     NOT NULL CHECK (footprints > 0),
    created_by     text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE planner_occlusion_footprint (
    layer_id  uuid    NOT NULL REFERENCES planner_occlusion_layer (id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    geom      geometry(Polygon, 4326) NOT NULL,
    PRIMARY KEY (layer_id, seq)
);
CREATE INDEX planner_occlusion_footprint_geom_gix ON planner_occlusion_footprint USING gist (geom);
