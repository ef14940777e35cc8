-- Road network links (OS Open Roads, OpenStreetMap-derived or hand-drawn approximations), WGS84.
CREATE TABLE geo_road_segment (
    id           text        PRIMARY KEY,
    road_class   text        NOT NULL CHECK (road_class IN
                     ('MOTORWAY', 'A_ROAD', 'B_ROAD', 'CLASSIFIED_UNNUMBERED', 'UNCLASSIFIED', 'UNKNOWN')),
    road_number  text        NOT NULL DEFAULT '',
    name         text        NOT NULL DEFAULT '',
    direction    text        NOT NULL CHECK (direction IN ('BOTH', 'WITH_GEOMETRY', 'AGAINST_GEOMETRY')),
    approximate  boolean     NOT NULL DEFAULT false,
    source       text        NOT NULL,
    geom         geometry(LineString, 4326) NOT NULL
);
CREATE INDEX geo_road_segment_geom_gix ON geo_road_segment USING gist (geom);
CREATE INDEX geo_road_segment_class_number_idx ON geo_road_segment (road_class, road_number);
