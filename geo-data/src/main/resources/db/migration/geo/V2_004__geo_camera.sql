-- The camera estate: roadside units and the cameras they carry, WGS84.
CREATE TABLE geo_roadside_unit (
    id           text        PRIMARY KEY,
    name         text        NOT NULL DEFAULT '',
    status       text        NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'FAULTY', 'DECOMMISSIONED')),
    source       text        NOT NULL,
    geom         geometry(Point, 4326) NOT NULL
);
CREATE INDEX geo_roadside_unit_geom_gix ON geo_roadside_unit USING gist (geom);

CREATE TABLE geo_camera (
    id                     text     PRIMARY KEY,
    unit_id                text     REFERENCES geo_roadside_unit (id) ON DELETE SET NULL,
    kind                   text     NOT NULL CHECK (kind IN ('ANPR', 'CCTV')),
    deployment             text     NOT NULL CHECK (deployment IN ('OVERT', 'COVERT')),
    mount_height_metres    double precision NOT NULL CHECK (mount_height_metres > 0 AND mount_height_metres <= 50),
    azimuth_degrees        double precision NOT NULL CHECK (azimuth_degrees >= 0 AND azimuth_degrees < 360),
    horizontal_fov_degrees double precision NOT NULL CHECK (horizontal_fov_degrees > 0 AND horizontal_fov_degrees <= 360),
    resolution             text     NOT NULL,
    status                 text     NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'FAULTY', 'DECOMMISSIONED')),
    source                 text     NOT NULL,
    geom                   geometry(Point, 4326) NOT NULL
);
CREATE INDEX geo_camera_geom_gix ON geo_camera USING gist (geom);
CREATE INDEX geo_camera_unit_idx ON geo_camera (unit_id);
