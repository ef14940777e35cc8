-- Places where a camera could be installed, with cost and practical constraints, WGS84.
CREATE TABLE geo_candidate_site (
    id           text        PRIMARY KEY,
    cost_gbp     numeric(12, 2) NOT NULL CHECK (cost_gbp >= 0),
    constraints  text[]      NOT NULL DEFAULT '{}',
    source       text        NOT NULL,
    geom         geometry(Point, 4326) NOT NULL
);
CREATE INDEX geo_candidate_site_geom_gix ON geo_candidate_site USING gist (geom);
