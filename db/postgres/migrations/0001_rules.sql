-- What SQLite's migrations hold beyond the tables, as they stand after its 0016_rules.sql: the audit log's
-- append-only triggers (SQLite 0001), the views that state each DORA rule once, and the triggers that keep
-- the rollups (deployment_days, failed_changes, commit_deliveries, lead_days) equal to those views. The
-- views say the same as SQLite's to the digit (db/postgres/migrations.test.ts runs one randomized history
-- on both engines and compares every rollup). Where SQLite refreshes a rollup row by inserting into a view
-- with an INSTEAD OF trigger, PostgreSQL calls a function of the same name.
--
-- Two differences of PostgreSQL shape the triggers. Its AFTER row triggers run at the end of the statement,
-- after the foreign-key checks: so the rows that point at a deployment being deleted (its failed_changes
-- row, its deliveries) are cleared BEFORE the delete, where SQLite clears them after it. And a trigger's
-- WHEN cannot hold a subquery, so such conditions move into the function.

-- The audit log is evidence: refuse any change to a row once written (TRUNCATE included, which SQLite has not).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
-- A deployment counts when it succeeded and has a finish time; it counts on the UTC day it finished
-- (floor(ms / 86,400,000) for any sign: bigint / and % truncate toward zero, as in SQLite); it is rework
-- when it was unplanned or rolls another back. rework is 0 or 1, as SQLite's boolean expressions give it,
-- so sum(rework) reads the same on both engines.
CREATE VIEW "counted_deployments" AS
SELECT "id", "service_id", "environment", "finished_at",
  ("finished_at" - ((("finished_at" % 86400000) + 86400000) % 86400000)) / 86400000 AS "day",
  ("unplanned" OR "rollback_of_id" IS NOT NULL)::integer AS "rework",
  "unplanned", "rollback_of_id", "change_failed"
FROM "deployments"
WHERE "status" = 'success' AND "finished_at" IS NOT NULL;
--> statement-breakpoint
-- A failed change is a counted deployment that is flagged, rolled back by a counted deployment, or
-- blamed by an incident; with the evidence its recovery is worked out from (metric-facts.ts recoveredAt).
-- Counts are integers, as failed_changes stores them.
CREATE VIEW "failed_change_evidence" AS
SELECT "deployment_id", "service_id", "environment", "finished_at", "change_failed", "rollback_at", "incidents", "open_incidents", "incidents_resolved_at"
FROM (
  SELECT d."id" AS "deployment_id", d."service_id", d."environment", d."finished_at", d."change_failed",
    (SELECT min(r."finished_at") FROM "counted_deployments" r WHERE r."rollback_of_id" = d."id") AS "rollback_at",
    (SELECT count(*)::integer FROM "incidents" i WHERE i."caused_by_id" = d."id") AS "incidents",
    (SELECT count(*)::integer FROM "incidents" i WHERE i."caused_by_id" = d."id" AND (i."status" <> 'resolved' OR i."resolved_at" IS NULL)) AS "open_incidents",
    (SELECT max(i."resolved_at") FROM "incidents" i WHERE i."caused_by_id" = d."id") AS "incidents_resolved_at"
  FROM "counted_deployments" d
) AS "evidence"
WHERE "change_failed" OR "rollback_at" IS NOT NULL OR "incidents" > 0;
--> statement-breakpoint
-- A commit is delivered to an environment by the earliest counted deployment there that lists it (ties
-- broken by id); its lead is that deployment's finish minus the commit's timestamp, in seconds: the exact
-- difference divided as a double by 1000, as SQLite's (a - b) / 1000.0 does.
CREATE VIEW "commit_delivery_facts" AS
SELECT "commit_id", "environment", "deployment_id", "service_id", "delivered_at", "seconds", "day"
FROM (
  SELECT dc."commit_id", d."environment", d."id" AS "deployment_id", d."service_id", d."finished_at" AS "delivered_at",
    (d."finished_at" - c."timestamp")::double precision / 1000 AS "seconds", d."day",
    row_number() OVER (PARTITION BY dc."commit_id", d."environment" ORDER BY d."finished_at", d."id") AS "rn"
  FROM "deployment_commits" dc
    JOIN "counted_deployments" d ON d."id" = dc."deployment_id"
    JOIN "commits" c ON c."id" = dc."commit_id"
) AS "facts"
WHERE "rn" = 1;
--> statement-breakpoint
-- A lead in whole milliseconds as SQLite's CAST(round(seconds * 1000) AS integer) gives it: round half away
-- from zero, computed as SQLite computes it (PostgreSQL's round of a double rounds half to even).
CREATE FUNCTION "lead_ms"("seconds" double precision) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT trunc("seconds" * 1000 + CASE WHEN "seconds" * 1000 < 0 THEN -0.5::double precision ELSE 0.5::double precision END)::bigint
$$;
--> statement-breakpoint
-- deployment_days: a deployment's contribution (its counted_deployments row, if any) is taken out
-- before it changes or goes, and put in after it comes or changed.
CREATE FUNCTION "deployment_days_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "deployment_days" ("service_id", "environment", "day", "deployments", "rework")
  SELECT "service_id", "environment", "day", 1, "rework" FROM "counted_deployments" WHERE "id" = NEW."id"
  ON CONFLICT ("service_id", "environment", "day") DO UPDATE SET
    "deployments" = "deployment_days"."deployments" + 1, "rework" = "deployment_days"."rework" + excluded."rework";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "deployment_days_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "deployment_days" SET "deployments" = "deployment_days"."deployments" - 1, "rework" = "deployment_days"."rework" - c."rework"
  FROM (SELECT "service_id", "environment", "day", "rework" FROM "counted_deployments" WHERE "id" = OLD."id") c
  WHERE "deployment_days"."service_id" = c."service_id" AND "deployment_days"."environment" = c."environment" AND "deployment_days"."day" = c."day";
  DELETE FROM "deployment_days" WHERE "deployments" = 0
    AND ("service_id", "environment", "day") IN (SELECT "service_id", "environment", "day" FROM "counted_deployments" WHERE "id" = OLD."id");
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "deployment_days_on_insert" AFTER INSERT ON "deployments"
FOR EACH ROW EXECUTE FUNCTION "deployment_days_add"();
--> statement-breakpoint
CREATE TRIGGER "deployment_days_before_update" BEFORE UPDATE OF "service_id", "environment", "status", "finished_at", "unplanned", "rollback_of_id" ON "deployments"
FOR EACH ROW
WHEN (OLD."service_id" IS DISTINCT FROM NEW."service_id" OR OLD."environment" IS DISTINCT FROM NEW."environment" OR OLD."status" IS DISTINCT FROM NEW."status"
  OR OLD."finished_at" IS DISTINCT FROM NEW."finished_at" OR OLD."unplanned" IS DISTINCT FROM NEW."unplanned" OR OLD."rollback_of_id" IS DISTINCT FROM NEW."rollback_of_id")
EXECUTE FUNCTION "deployment_days_remove"();
--> statement-breakpoint
CREATE TRIGGER "deployment_days_after_update" AFTER UPDATE OF "service_id", "environment", "status", "finished_at", "unplanned", "rollback_of_id" ON "deployments"
FOR EACH ROW
WHEN (OLD."service_id" IS DISTINCT FROM NEW."service_id" OR OLD."environment" IS DISTINCT FROM NEW."environment" OR OLD."status" IS DISTINCT FROM NEW."status"
  OR OLD."finished_at" IS DISTINCT FROM NEW."finished_at" OR OLD."unplanned" IS DISTINCT FROM NEW."unplanned" OR OLD."rollback_of_id" IS DISTINCT FROM NEW."rollback_of_id")
EXECUTE FUNCTION "deployment_days_add"();
--> statement-breakpoint
CREATE TRIGGER "deployment_days_before_delete" BEFORE DELETE ON "deployments"
FOR EACH ROW EXECUTE FUNCTION "deployment_days_remove"();
--> statement-breakpoint
-- failed_changes: failed_changes_refresh(id) replaces a deployment's row with what failed_change_evidence
-- says of it now (nothing for a null id).
CREATE FUNCTION "failed_changes_refresh"("refreshed" integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "failed_changes" WHERE "deployment_id" = "refreshed";
  INSERT INTO "failed_changes" ("deployment_id", "service_id", "environment", "finished_at", "change_failed", "rollback_at", "incidents", "open_incidents", "incidents_resolved_at")
  SELECT "deployment_id", "service_id", "environment", "finished_at", "change_failed", "rollback_at", "incidents", "open_incidents", "incidents_resolved_at"
  FROM "failed_change_evidence" WHERE "deployment_id" = "refreshed";
END $$;
--> statement-breakpoint
-- A deployment comes, changes or goes: itself and whatever it rolls back (before and after). A new one can
-- only be a failed change at once when it is flagged or rolls another back, or (its id given explicitly
-- after a delete) when a rollback or an incident already names it; any other insert skips the refresh.
CREATE FUNCTION "failed_changes_on_deployment_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."change_failed" OR NEW."rollback_of_id" IS NOT NULL
    OR EXISTS (SELECT 1 FROM "deployments" r WHERE r."rollback_of_id" = NEW."id")
    OR EXISTS (SELECT 1 FROM "incidents" i WHERE i."caused_by_id" = NEW."id") THEN
    PERFORM "failed_changes_refresh"(NEW."id");
    PERFORM "failed_changes_refresh"(NEW."rollback_of_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "failed_changes_on_deployment_insert" AFTER INSERT ON "deployments"
FOR EACH ROW EXECUTE FUNCTION "failed_changes_on_deployment_insert"();
--> statement-breakpoint
CREATE FUNCTION "failed_changes_on_deployment_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "failed_changes_refresh"(OLD."id");
  PERFORM "failed_changes_refresh"(NEW."id");
  PERFORM "failed_changes_refresh"(OLD."rollback_of_id");
  PERFORM "failed_changes_refresh"(NEW."rollback_of_id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "failed_changes_on_deployment_update" AFTER UPDATE OF "id", "service_id", "environment", "status", "finished_at", "change_failed", "rollback_of_id" ON "deployments"
FOR EACH ROW
WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."service_id" IS DISTINCT FROM NEW."service_id" OR OLD."environment" IS DISTINCT FROM NEW."environment" OR OLD."status" IS DISTINCT FROM NEW."status"
  OR OLD."finished_at" IS DISTINCT FROM NEW."finished_at" OR OLD."change_failed" IS DISTINCT FROM NEW."change_failed" OR OLD."rollback_of_id" IS DISTINCT FROM NEW."rollback_of_id")
EXECUTE FUNCTION "failed_changes_on_deployment_update"();
--> statement-breakpoint
-- A deployment that goes has no evidence left: its row goes before it does (its foreign key is checked
-- before any AFTER trigger could remove it), and what it rolled back is worked out again after.
CREATE FUNCTION "failed_changes_before_deployment_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "failed_changes" WHERE "deployment_id" = OLD."id";
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "failed_changes_before_deployment_delete" BEFORE DELETE ON "deployments"
FOR EACH ROW EXECUTE FUNCTION "failed_changes_before_deployment_delete"();
--> statement-breakpoint
CREATE FUNCTION "failed_changes_on_deployment_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "failed_changes_refresh"(OLD."rollback_of_id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "failed_changes_on_deployment_delete" AFTER DELETE ON "deployments"
FOR EACH ROW EXECUTE FUNCTION "failed_changes_on_deployment_delete"();
--> statement-breakpoint
-- An incident blames a deployment, stops blaming it, or is resolved or reopened.
CREATE FUNCTION "failed_changes_on_incident"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "failed_changes_refresh"(OLD."caused_by_id");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "failed_changes_refresh"(NEW."caused_by_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "failed_changes_on_incident_insert" AFTER INSERT ON "incidents"
FOR EACH ROW WHEN (NEW."caused_by_id" IS NOT NULL)
EXECUTE FUNCTION "failed_changes_on_incident"();
--> statement-breakpoint
CREATE TRIGGER "failed_changes_on_incident_update" AFTER UPDATE OF "caused_by_id", "status", "resolved_at" ON "incidents"
FOR EACH ROW
WHEN ((OLD."caused_by_id" IS NOT NULL OR NEW."caused_by_id" IS NOT NULL)
  AND (OLD."caused_by_id" IS DISTINCT FROM NEW."caused_by_id" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."resolved_at" IS DISTINCT FROM NEW."resolved_at"))
EXECUTE FUNCTION "failed_changes_on_incident"();
--> statement-breakpoint
CREATE TRIGGER "failed_changes_on_incident_delete" AFTER DELETE ON "incidents"
FOR EACH ROW WHEN (OLD."caused_by_id" IS NOT NULL)
EXECUTE FUNCTION "failed_changes_on_incident"();
--> statement-breakpoint
-- commit_deliveries: commit_deliveries_refresh(commit, environment) brings its row in line with
-- commit_delivery_facts, writing only when something differs, so lead_days' triggers below fire only for
-- real changes (a rewrite would rebuild the day's lead list every time).
CREATE FUNCTION "commit_deliveries_refresh"("refreshed_commit" integer, "refreshed_environment" text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "commit_deliveries" WHERE "commit_id" = "refreshed_commit" AND "environment" = "refreshed_environment"
    AND NOT EXISTS (SELECT 1 FROM "commit_delivery_facts" f WHERE f."commit_id" = "commit_deliveries"."commit_id" AND f."environment" = "commit_deliveries"."environment");
  INSERT INTO "commit_deliveries" ("commit_id", "environment", "deployment_id", "service_id", "delivered_at", "seconds", "day")
  SELECT "commit_id", "environment", "deployment_id", "service_id", "delivered_at", "seconds", "day"
  FROM "commit_delivery_facts" WHERE "commit_id" = "refreshed_commit" AND "environment" = "refreshed_environment"
  ON CONFLICT ("commit_id", "environment") DO UPDATE SET
    "deployment_id" = excluded."deployment_id", "service_id" = excluded."service_id", "delivered_at" = excluded."delivered_at",
    "seconds" = excluded."seconds", "day" = excluded."day"
  WHERE "commit_deliveries"."deployment_id" IS DISTINCT FROM excluded."deployment_id" OR "commit_deliveries"."service_id" IS DISTINCT FROM excluded."service_id"
    OR "commit_deliveries"."delivered_at" IS DISTINCT FROM excluded."delivered_at" OR "commit_deliveries"."seconds" IS DISTINCT FROM excluded."seconds"
    OR "commit_deliveries"."day" IS DISTINCT FROM excluded."day";
END $$;
--> statement-breakpoint
-- A new link can only make a delivery earlier, never take one away: the linked deployment, if it counts,
-- becomes the commit's delivery when it is earlier (by finish, then id) than the one kept, which is how
-- commit_delivery_facts chooses.
CREATE FUNCTION "commit_deliveries_on_link"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "commit_deliveries" ("commit_id", "environment", "deployment_id", "service_id", "delivered_at", "seconds", "day")
  SELECT NEW."commit_id", d."environment", d."id", d."service_id", d."finished_at", (d."finished_at" - c."timestamp")::double precision / 1000, d."day"
  FROM "counted_deployments" d CROSS JOIN "commits" c
  WHERE d."id" = NEW."deployment_id" AND c."id" = NEW."commit_id"
  ON CONFLICT ("commit_id", "environment") DO UPDATE SET
    "deployment_id" = excluded."deployment_id", "service_id" = excluded."service_id", "delivered_at" = excluded."delivered_at",
    "seconds" = excluded."seconds", "day" = excluded."day"
  WHERE (excluded."delivered_at", excluded."deployment_id") < ("commit_deliveries"."delivered_at", "commit_deliveries"."deployment_id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "commit_deliveries_on_link" AFTER INSERT ON "deployment_commits"
FOR EACH ROW EXECUTE FUNCTION "commit_deliveries_on_link"();
--> statement-breakpoint
-- A deployment stops listing a commit (also when it goes: see commit_deliveries_before_deployment_delete).
CREATE FUNCTION "commit_deliveries_on_unlink"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delivery record;
BEGIN
  FOR delivery IN SELECT "commit_id", "environment" FROM "commit_deliveries" WHERE "commit_id" = OLD."commit_id" LOOP
    PERFORM "commit_deliveries_refresh"(delivery."commit_id", delivery."environment");
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "commit_deliveries_on_unlink" AFTER DELETE ON "deployment_commits"
FOR EACH ROW EXECUTE FUNCTION "commit_deliveries_on_unlink"();
--> statement-breakpoint
-- A deployment that goes takes its links with it (ON DELETE CASCADE), but the cascade's triggers would run
-- after the foreign key of the deliveries it made is checked: its links go first, so its deliveries are
-- worked out again (by commit_deliveries_on_unlink) while it still exists.
CREATE FUNCTION "commit_deliveries_before_deployment_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "deployment_commits" WHERE "deployment_id" = OLD."id";
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "commit_deliveries_before_deployment_delete" BEFORE DELETE ON "deployments"
FOR EACH ROW EXECUTE FUNCTION "commit_deliveries_before_deployment_delete"();
--> statement-breakpoint
-- A deployment that succeeds, fails, moves in time or changes environment or service: its commits, in
-- its old and new environment.
CREATE FUNCTION "commit_deliveries_on_deployment"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delivery record;
BEGIN
  FOR delivery IN
    SELECT "commit_id", OLD."environment" AS "environment" FROM "deployment_commits" WHERE "deployment_id" = NEW."id"
    UNION SELECT "commit_id", NEW."environment" FROM "deployment_commits" WHERE "deployment_id" = NEW."id"
  LOOP
    PERFORM "commit_deliveries_refresh"(delivery."commit_id", delivery."environment");
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "commit_deliveries_on_deployment" AFTER UPDATE OF "service_id", "status", "finished_at", "environment" ON "deployments"
FOR EACH ROW
WHEN (OLD."service_id" IS DISTINCT FROM NEW."service_id" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."finished_at" IS DISTINCT FROM NEW."finished_at" OR OLD."environment" IS DISTINCT FROM NEW."environment")
EXECUTE FUNCTION "commit_deliveries_on_deployment"();
--> statement-breakpoint
-- Commits keep their earliest known timestamp, so a lead can grow when an earlier one arrives.
CREATE FUNCTION "commit_deliveries_on_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delivery record;
BEGIN
  FOR delivery IN
    SELECT DISTINCT d."environment" FROM "deployment_commits" dc JOIN "deployments" d ON d."id" = dc."deployment_id" WHERE dc."commit_id" = NEW."id"
  LOOP
    PERFORM "commit_deliveries_refresh"(NEW."id", delivery."environment");
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "commit_deliveries_on_commit" AFTER UPDATE OF "timestamp" ON "commits"
FOR EACH ROW WHEN (OLD."timestamp" IS DISTINCT FROM NEW."timestamp")
EXECUTE FUNCTION "commit_deliveries_on_commit"();
--> statement-breakpoint
-- lead_days: a new delivery's positive lead goes into its day's last part, or opens the next part when
-- that one is full (parts of at most 256 values, 8-byte big-endian ms each, as int8send writes them).
CREATE FUNCTION "lead_days_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "lead_days" ("service_id", "environment", "day", "part", "ms", "n")
  VALUES (NEW."service_id", NEW."environment", NEW."day",
    coalesce((SELECT CASE WHEN "n" < 256 THEN "part" ELSE "part" + 1 END FROM "lead_days"
              WHERE "service_id" = NEW."service_id" AND "environment" = NEW."environment" AND "day" = NEW."day"
              ORDER BY "part" DESC LIMIT 1), 0),
    int8send("lead_ms"(NEW."seconds")), 1)
  ON CONFLICT ("service_id", "environment", "day", "part") DO UPDATE SET "ms" = "lead_days"."ms" || excluded."ms", "n" = "lead_days"."n" + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lead_days_on_insert" AFTER INSERT ON "commit_deliveries"
FOR EACH ROW WHEN (NEW."seconds" > 0)
EXECUTE FUNCTION "lead_days_on_insert"();
--> statement-breakpoint
-- Any other change to a delivery rebuilds its (old and new) day's parts from the deliveries of that day:
-- lead_days_refresh does it, so the rebuild is written once. The deliveries are sought within a day's
-- length either side of the changed one (`near`; no day is longer), so the index on
-- (service_id, environment, delivered_at) finds them.
CREATE FUNCTION "lead_days_refresh"("refreshed_service" integer, "refreshed_environment" text, "refreshed_day" integer, "near" bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "lead_days" WHERE "service_id" = "refreshed_service" AND "environment" = "refreshed_environment" AND "day" = "refreshed_day";
  INSERT INTO "lead_days" ("service_id", "environment", "day", "part", "ms", "n")
  SELECT "refreshed_service", "refreshed_environment", "refreshed_day", "rn" / 256, string_agg(int8send("v"), ''::bytea ORDER BY "rn"), count(*)
  FROM (
    SELECT "lead_ms"(cd."seconds") AS "v", row_number() OVER () - 1 AS "rn"
    FROM "commit_deliveries" cd
    WHERE cd."service_id" = "refreshed_service" AND cd."environment" = "refreshed_environment"
      AND cd."delivered_at" > "near" - 86400000 AND cd."delivered_at" < "near" + 86400000
      AND cd."day" = "refreshed_day" AND cd."seconds" > 0
  ) AS "leads"
  GROUP BY "rn" / 256;
END $$;
--> statement-breakpoint
CREATE FUNCTION "lead_days_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "lead_days_refresh"(OLD."service_id", OLD."environment", OLD."day", OLD."delivered_at");
  IF TG_OP = 'UPDATE' THEN
    PERFORM "lead_days_refresh"(NEW."service_id", NEW."environment", NEW."day", NEW."delivered_at");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lead_days_on_delete" AFTER DELETE ON "commit_deliveries"
FOR EACH ROW EXECUTE FUNCTION "lead_days_on_change"();
--> statement-breakpoint
CREATE TRIGGER "lead_days_on_update" AFTER UPDATE ON "commit_deliveries"
FOR EACH ROW EXECUTE FUNCTION "lead_days_on_change"();
