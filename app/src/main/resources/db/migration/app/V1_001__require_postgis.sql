-- PostGIS must be created by a superuser before Sightline's own (non-superuser) account connects:
-- config/postgres/init.sql does it. Stop here with a clear message instead of failing later.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
    RAISE EXCEPTION 'PostGIS is not installed in database %: run config/postgres/init.sql as a superuser (CREATE EXTENSION postgis)', current_database();
  END IF;
END
$$;
