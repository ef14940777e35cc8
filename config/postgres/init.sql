-- Run once per Sightline database, as a PostgreSQL superuser, before the service's own account
-- (a non-superuser) connects:
--   psql -U postgres -d sightline -f config/postgres/init.sql
-- Create the account and database first, e.g.
--   CREATE ROLE sightline LOGIN PASSWORD '…';  CREATE DATABASE sightline OWNER sightline;
CREATE EXTENSION IF NOT EXISTS postgis;
