-- The database roles of SECURITY.md DB-01, for a PostgreSQL server (not needed for PGlite).
-- Run as a superuser or a role with CREATEROLE, once per server:
--   psql -v login=ikamet_web -f scripts/create-app-role.sql
-- It creates, when missing, the group role ikamet_app (NOLOGIN; migration 0013 grants the
-- tables to it) and the login role named by `login`, a member of it with no other powers.
-- Roles are shared by every database of the server: existing roles are left as they are.
-- Set the login role's password yourself (ALTER ROLE … PASSWORD) unless the server trusts it.
\set ON_ERROR_STOP on
SELECT set_config('ikamet.app_login', :'login', false) AS app_login \gset
DO $$
DECLARE
  login text := current_setting('ikamet.app_login');
BEGIN
  IF login = '' OR login = 'ikamet_app' THEN
    RAISE EXCEPTION 'name the login role: psql -v login=<name> -f scripts/create-app-role.sql';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ikamet_app') THEN
    CREATE ROLE ikamet_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    EXECUTE format(
      'CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION IN ROLE ikamet_app',
      login
    );
  END IF;
END
$$;
