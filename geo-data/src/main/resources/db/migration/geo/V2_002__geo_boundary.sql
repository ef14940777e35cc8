-- Administrative and operational areas (local authorities, police neighbourhoods), WGS84.
CREATE TABLE geo_boundary (
    code         text        PRIMARY KEY,
    name         text        NOT NULL,
    source       text        NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    geom         geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX geo_boundary_geom_gix ON geo_boundary USING gist (geom);
