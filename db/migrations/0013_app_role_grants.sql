-- SECURITY.md DB-01 (issue 15): the app connects as a role of its own, which reads and writes
-- rows and appends audit rows, and nothing else: no DDL, no changing the audit trail. The
-- privileges go to the group role ikamet_app (NOLOGIN); a deployment's login role is made a
-- member of it. Roles belong to the whole cluster, so it is only created when missing and
-- never altered or dropped here. On PGlite (one superuser that owns everything) the same
-- statements run and change nothing the app relies on.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ikamet_app') THEN
    BEGIN
      CREATE ROLE ikamet_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database's migration created it at the same moment
    END;
  END IF;
END
$$;
--> statement-breakpoint
-- The schema belongs to its owner: nobody else creates objects in it (PostgreSQL 15 already
-- says so for a new database; one upgraded from an older version still grants it to PUBLIC).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ikamet_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ikamet_app;
--> statement-breakpoint
-- DB-01: the grant, not only the trigger of 0001, keeps the audit trail append-only.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ikamet_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ikamet_app;
--> statement-breakpoint
-- Tables and sequences later migrations create (as the same owner) are granted the same way;
-- a later table that must be insert-only revokes in its own migration, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ikamet_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ikamet_app;
