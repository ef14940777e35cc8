-- Street-level crime records (data.police.uk). row_key is derived from the row's content and its
-- occurrence number within the imported file, so importing the same file twice adds nothing.
CREATE TABLE geo_crime (
    row_key      uuid        PRIMARY KEY,
    crime_id     text        NOT NULL DEFAULT '',
    month        date        NOT NULL CHECK (extract(day FROM month) = 1),
    reported_by  text        NOT NULL DEFAULT '',
    crime_type   text        NOT NULL,
    location     text        NOT NULL DEFAULT '',
    lsoa_code    text        NOT NULL DEFAULT '',
    lsoa_name    text        NOT NULL DEFAULT '',
    outcome      text        NOT NULL DEFAULT '',
    source       text        NOT NULL,
    geom         geometry(Point, 4326) NOT NULL
);
CREATE INDEX geo_crime_geom_gix ON geo_crime USING gist (geom);
CREATE INDEX geo_crime_month_type_idx ON geo_crime (month, crime_type);
