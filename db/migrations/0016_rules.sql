-- Every rule of the DORA figures once, as a view: what a counted deployment is (and its UTC day and
-- rework), what a failed change is and its evidence, which deployment delivers a commit. The rollups
-- (deployment_days, failed_changes, commit_deliveries, lead_days) are these views kept: their triggers
-- below only say WHICH rows to refresh and take WHAT to store from the views, and
-- `npm run tandem -- rebuild` recomputes them from the views. Changing a rule is editing its view (then
-- rebuilding); nothing else restates it.
--
-- The UTC day is written here, once, in counted_deployments (commit_delivery_facts takes its deployment's
-- day, and commit_deliveries stores it for lead_days), rather than as a utc_day() function registered on
-- each connection: every connection that writes (the sqlite3 shell, the bench generator, a second process,
-- a test's raw connection) fires these triggers, and would fail on a function only the app registers. The
-- expression is plain integer arithmetic, the same in PostgreSQL (bigint / and % also truncate toward zero).
DROP TRIGGER `deployment_days_on_insert`;
--> statement-breakpoint
DROP TRIGGER `deployment_days_on_update`;
--> statement-breakpoint
DROP TRIGGER `deployment_days_on_delete`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_refresh_on_insert`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_on_deployment_insert`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_on_deployment_update`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_on_deployment_delete`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_on_incident_insert`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_on_incident_update`;
--> statement-breakpoint
DROP TRIGGER `failed_changes_on_incident_delete`;
--> statement-breakpoint
DROP TRIGGER `commit_deliveries_on_link`;
--> statement-breakpoint
DROP TRIGGER `commit_deliveries_on_deployment`;
--> statement-breakpoint
DROP TRIGGER `commit_deliveries_on_commit`;
--> statement-breakpoint
DROP TRIGGER `lead_days_on_insert`;
--> statement-breakpoint
DROP TRIGGER `lead_days_on_delete`;
--> statement-breakpoint
DROP TRIGGER `lead_days_on_update`;
--> statement-breakpoint
-- A deployment counts when it succeeded and has a finish time; it counts on the UTC day it finished
-- (floor(ms / 86,400,000) for any sign: integer division truncates toward zero); it is rework when it was
-- unplanned or rolls another back.
CREATE VIEW `counted_deployments` AS
SELECT `id`, `service_id`, `environment`, `finished_at`,
  (`finished_at` - (((`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000 AS `day`,
  (`unplanned` OR `rollback_of_id` IS NOT NULL) AS `rework`,
  `unplanned`, `rollback_of_id`, `change_failed`
FROM `deployments`
WHERE `status` = 'success' AND `finished_at` IS NOT NULL;
--> statement-breakpoint
-- A failed change is a counted deployment that is flagged, rolled back by a counted deployment, or
-- blamed by an incident; with the evidence its recovery is worked out from (metric-facts.ts recoveredAt).
CREATE VIEW `failed_change_evidence` AS
SELECT `deployment_id`, `service_id`, `environment`, `finished_at`, `change_failed`, `rollback_at`, `incidents`, `open_incidents`, `incidents_resolved_at`
FROM (
  SELECT d.`id` AS `deployment_id`, d.`service_id`, d.`environment`, d.`finished_at`, d.`change_failed`,
    (SELECT min(r.`finished_at`) FROM `counted_deployments` r WHERE r.`rollback_of_id` = d.`id`) AS `rollback_at`,
    (SELECT count(*) FROM `incidents` i WHERE i.`caused_by_id` = d.`id`) AS `incidents`,
    (SELECT count(*) FROM `incidents` i WHERE i.`caused_by_id` = d.`id` AND (i.`status` <> 'resolved' OR i.`resolved_at` IS NULL)) AS `open_incidents`,
    (SELECT max(i.`resolved_at`) FROM `incidents` i WHERE i.`caused_by_id` = d.`id`) AS `incidents_resolved_at`
  FROM `counted_deployments` d
)
WHERE `change_failed` OR `rollback_at` IS NOT NULL OR `incidents` > 0;
--> statement-breakpoint
-- A commit is delivered to an environment by the earliest counted deployment there that lists it (ties
-- broken by id); its lead is that deployment's finish minus the commit's timestamp.
CREATE VIEW `commit_delivery_facts` AS
SELECT `commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`, `day`
FROM (
  SELECT dc.`commit_id`, d.`environment`, d.`id` AS `deployment_id`, d.`service_id`, d.`finished_at` AS `delivered_at`,
    (d.`finished_at` - c.`timestamp`) / 1000.0 AS `seconds`, d.`day`,
    row_number() OVER (PARTITION BY dc.`commit_id`, d.`environment` ORDER BY d.`finished_at`, d.`id`) AS `rn`
  -- CROSS JOIN keeps this order in SQLite: one commit's links first, then their deployments by id. Left to
  -- choose (no ANALYZE statistics), SQLite would start from every successful deployment of the environment.
  FROM `deployment_commits` dc
    CROSS JOIN `counted_deployments` d
    CROSS JOIN `commits` c
  WHERE d.`id` = dc.`deployment_id` AND c.`id` = dc.`commit_id`
)
WHERE `rn` = 1;
--> statement-breakpoint
-- commit_deliveries gains the delivery's day (lead_days is kept by it), so rebuilt from its view.
CREATE TABLE `__new_commit_deliveries` (
	`commit_id` integer NOT NULL,
	`environment` text NOT NULL,
	`deployment_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`delivered_at` integer NOT NULL,
	`seconds` real NOT NULL,
	`day` integer NOT NULL,
	PRIMARY KEY(`commit_id`, `environment`),
	FOREIGN KEY (`commit_id`) REFERENCES `commits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deployment_id`) REFERENCES `deployments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_commit_deliveries` (`commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`, `day`)
SELECT `commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`, `day` FROM `commit_delivery_facts`;
--> statement-breakpoint
DROP TABLE `commit_deliveries`;
--> statement-breakpoint
ALTER TABLE `__new_commit_deliveries` RENAME TO `commit_deliveries`;
--> statement-breakpoint
CREATE INDEX `commit_deliveries_env_at_idx` ON `commit_deliveries` (`environment`,`delivered_at`,`service_id`,`seconds`);--> statement-breakpoint
CREATE INDEX `commit_deliveries_service_env_at_idx` ON `commit_deliveries` (`service_id`,`environment`,`delivered_at`,`seconds`);--> statement-breakpoint
CREATE INDEX `commit_deliveries_deployment_idx` ON `commit_deliveries` (`deployment_id`);--> statement-breakpoint
-- deployment_days: a deployment's contribution (its counted_deployments row, if any) is taken out
-- before it changes or goes, and put in after it comes or changed.
CREATE TRIGGER `deployment_days_on_insert` AFTER INSERT ON `deployments`
BEGIN
  INSERT INTO `deployment_days` (`service_id`, `environment`, `day`, `deployments`, `rework`)
  SELECT `service_id`, `environment`, `day`, 1, `rework` FROM `counted_deployments` WHERE `id` = NEW.`id`
  ON CONFLICT (`service_id`, `environment`, `day`) DO UPDATE SET `deployments` = `deployments` + 1, `rework` = `rework` + excluded.`rework`;
END;
--> statement-breakpoint
CREATE TRIGGER `deployment_days_before_update` BEFORE UPDATE OF `service_id`, `environment`, `status`, `finished_at`, `unplanned`, `rollback_of_id` ON `deployments`
WHEN OLD.`service_id` IS NOT NEW.`service_id` OR OLD.`environment` IS NOT NEW.`environment` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`unplanned` IS NOT NEW.`unplanned` OR OLD.`rollback_of_id` IS NOT NEW.`rollback_of_id`
BEGIN
  UPDATE `deployment_days` SET `deployments` = `deployment_days`.`deployments` - 1, `rework` = `deployment_days`.`rework` - c.`rework`
  FROM (SELECT `service_id`, `environment`, `day`, `rework` FROM `counted_deployments` WHERE `id` = OLD.`id`) c
  WHERE `deployment_days`.`service_id` = c.`service_id` AND `deployment_days`.`environment` = c.`environment` AND `deployment_days`.`day` = c.`day`;
  DELETE FROM `deployment_days` WHERE `deployments` = 0
    AND (`service_id`, `environment`, `day`) IN (SELECT `service_id`, `environment`, `day` FROM `counted_deployments` WHERE `id` = OLD.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `deployment_days_after_update` AFTER UPDATE OF `service_id`, `environment`, `status`, `finished_at`, `unplanned`, `rollback_of_id` ON `deployments`
WHEN OLD.`service_id` IS NOT NEW.`service_id` OR OLD.`environment` IS NOT NEW.`environment` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`unplanned` IS NOT NEW.`unplanned` OR OLD.`rollback_of_id` IS NOT NEW.`rollback_of_id`
BEGIN
  INSERT INTO `deployment_days` (`service_id`, `environment`, `day`, `deployments`, `rework`)
  SELECT `service_id`, `environment`, `day`, 1, `rework` FROM `counted_deployments` WHERE `id` = NEW.`id`
  ON CONFLICT (`service_id`, `environment`, `day`) DO UPDATE SET `deployments` = `deployments` + 1, `rework` = `rework` + excluded.`rework`;
END;
--> statement-breakpoint
CREATE TRIGGER `deployment_days_before_delete` BEFORE DELETE ON `deployments`
BEGIN
  UPDATE `deployment_days` SET `deployments` = `deployment_days`.`deployments` - 1, `rework` = `deployment_days`.`rework` - c.`rework`
  FROM (SELECT `service_id`, `environment`, `day`, `rework` FROM `counted_deployments` WHERE `id` = OLD.`id`) c
  WHERE `deployment_days`.`service_id` = c.`service_id` AND `deployment_days`.`environment` = c.`environment` AND `deployment_days`.`day` = c.`day`;
  DELETE FROM `deployment_days` WHERE `deployments` = 0
    AND (`service_id`, `environment`, `day`) IN (SELECT `service_id`, `environment`, `day` FROM `counted_deployments` WHERE `id` = OLD.`id`);
END;
--> statement-breakpoint
-- failed_changes: inserting a deployment id into failed_changes_refresh (migration 0012) replaces its row
-- with what failed_change_evidence says of it now.
CREATE TRIGGER `failed_changes_refresh_on_insert` INSTEAD OF INSERT ON `failed_changes_refresh`
BEGIN
  DELETE FROM `failed_changes` WHERE `deployment_id` = NEW.`deployment_id`;
  INSERT INTO `failed_changes` (`deployment_id`, `service_id`, `environment`, `finished_at`, `change_failed`, `rollback_at`, `incidents`, `open_incidents`, `incidents_resolved_at`)
  SELECT `deployment_id`, `service_id`, `environment`, `finished_at`, `change_failed`, `rollback_at`, `incidents`, `open_incidents`, `incidents_resolved_at`
  FROM `failed_change_evidence` WHERE `deployment_id` = NEW.`deployment_id`;
END;
--> statement-breakpoint
-- A deployment comes, changes or goes: itself and whatever it rolls back (before and after). A new one can
-- only be a failed change at once when it is flagged or rolls another back, or (its id reused after a
-- delete) when a rollback or an incident already names it; any other insert skips the refresh, which
-- would only confirm there is nothing to keep (ingestion inserts thousands a second).
CREATE TRIGGER `failed_changes_on_deployment_insert` AFTER INSERT ON `deployments`
WHEN NEW.`change_failed` OR NEW.`rollback_of_id` IS NOT NULL
  OR EXISTS (SELECT 1 FROM `deployments` r WHERE r.`rollback_of_id` = NEW.`id`)
  OR EXISTS (SELECT 1 FROM `incidents` i WHERE i.`caused_by_id` = NEW.`id`)
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) SELECT NEW.`id` UNION ALL SELECT NEW.`rollback_of_id` WHERE NEW.`rollback_of_id` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `failed_changes_on_deployment_update` AFTER UPDATE OF `id`, `service_id`, `environment`, `status`, `finished_at`, `change_failed`, `rollback_of_id` ON `deployments`
WHEN OLD.`id` IS NOT NEW.`id` OR OLD.`service_id` IS NOT NEW.`service_id` OR OLD.`environment` IS NOT NEW.`environment` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`change_failed` IS NOT NEW.`change_failed` OR OLD.`rollback_of_id` IS NOT NEW.`rollback_of_id`
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) VALUES (OLD.`id`), (NEW.`id`), (OLD.`rollback_of_id`), (NEW.`rollback_of_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `failed_changes_on_deployment_delete` AFTER DELETE ON `deployments`
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) VALUES (OLD.`id`), (OLD.`rollback_of_id`);
END;
--> statement-breakpoint
-- An incident blames a deployment, stops blaming it, or is resolved or reopened.
CREATE TRIGGER `failed_changes_on_incident_insert` AFTER INSERT ON `incidents`
WHEN NEW.`caused_by_id` IS NOT NULL
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) VALUES (NEW.`caused_by_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `failed_changes_on_incident_update` AFTER UPDATE OF `caused_by_id`, `status`, `resolved_at` ON `incidents`
WHEN (OLD.`caused_by_id` IS NOT NULL OR NEW.`caused_by_id` IS NOT NULL)
  AND (OLD.`caused_by_id` IS NOT NEW.`caused_by_id` OR OLD.`status` IS NOT NEW.`status` OR OLD.`resolved_at` IS NOT NEW.`resolved_at`)
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) VALUES (OLD.`caused_by_id`), (NEW.`caused_by_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `failed_changes_on_incident_delete` AFTER DELETE ON `incidents`
WHEN OLD.`caused_by_id` IS NOT NULL
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) VALUES (OLD.`caused_by_id`);
END;
--> statement-breakpoint
-- commit_deliveries: inserting (commit, environment) here brings its row in line with
-- commit_delivery_facts, writing only when something differs, so lead_days' triggers below fire only for
-- real changes (a rewrite would rebuild the day's lead list every time).
CREATE VIEW `commit_deliveries_refresh` AS SELECT NULL AS `commit_id`, NULL AS `environment` WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `commit_deliveries_refresh_on_insert` INSTEAD OF INSERT ON `commit_deliveries_refresh`
BEGIN
  DELETE FROM `commit_deliveries` WHERE `commit_id` = NEW.`commit_id` AND `environment` = NEW.`environment`
    AND NOT EXISTS (SELECT 1 FROM `commit_delivery_facts` f WHERE f.`commit_id` = `commit_deliveries`.`commit_id` AND f.`environment` = `commit_deliveries`.`environment`);
  INSERT INTO `commit_deliveries` (`commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`, `day`)
  SELECT `commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`, `day`
  FROM `commit_delivery_facts` WHERE `commit_id` = NEW.`commit_id` AND `environment` = NEW.`environment`
  ON CONFLICT (`commit_id`, `environment`) DO UPDATE SET
    `deployment_id` = excluded.`deployment_id`, `service_id` = excluded.`service_id`, `delivered_at` = excluded.`delivered_at`,
    `seconds` = excluded.`seconds`, `day` = excluded.`day`
  WHERE `commit_deliveries`.`deployment_id` IS NOT excluded.`deployment_id` OR `commit_deliveries`.`service_id` IS NOT excluded.`service_id`
    OR `commit_deliveries`.`delivered_at` IS NOT excluded.`delivered_at` OR `commit_deliveries`.`seconds` IS NOT excluded.`seconds`
    OR `commit_deliveries`.`day` IS NOT excluded.`day`;
END;
--> statement-breakpoint
-- A counted deployment lists a commit (a deployment that does not count delivers nothing: when it comes
-- to count, the trigger after it does), or a deployment stops listing one (also when it goes: the link goes
-- with it).
-- A new link can only make a delivery earlier, never take one away: the linked deployment, if it counts,
-- becomes the commit's delivery when it is earlier (by finish, then id) than the one kept, which is how
-- commit_delivery_facts chooses; the randomized tests hold the two equal.
CREATE TRIGGER `commit_deliveries_on_link` AFTER INSERT ON `deployment_commits`
BEGIN
  INSERT INTO `commit_deliveries` (`commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`, `day`)
  SELECT NEW.`commit_id`, d.`environment`, d.`id`, d.`service_id`, d.`finished_at`, (d.`finished_at` - c.`timestamp`) / 1000.0, d.`day`
  FROM `counted_deployments` d CROSS JOIN `commits` c
  WHERE d.`id` = NEW.`deployment_id` AND c.`id` = NEW.`commit_id`
  ON CONFLICT (`commit_id`, `environment`) DO UPDATE SET
    `deployment_id` = excluded.`deployment_id`, `service_id` = excluded.`service_id`, `delivered_at` = excluded.`delivered_at`,
    `seconds` = excluded.`seconds`, `day` = excluded.`day`
  WHERE (excluded.`delivered_at`, excluded.`deployment_id`) < (`commit_deliveries`.`delivered_at`, `commit_deliveries`.`deployment_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `commit_deliveries_on_unlink` AFTER DELETE ON `deployment_commits`
BEGIN
  INSERT INTO `commit_deliveries_refresh` (`commit_id`, `environment`) SELECT `commit_id`, `environment` FROM `commit_deliveries` WHERE `commit_id` = OLD.`commit_id`;
END;
--> statement-breakpoint
-- A deployment that succeeds, fails, moves in time or changes environment or service: its commits, in
-- its old and new environment.
CREATE TRIGGER `commit_deliveries_on_deployment` AFTER UPDATE OF `service_id`, `status`, `finished_at`, `environment` ON `deployments`
WHEN OLD.`service_id` IS NOT NEW.`service_id` OR OLD.`status` IS NOT NEW.`status` OR OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`environment` IS NOT NEW.`environment`
BEGIN
  INSERT INTO `commit_deliveries_refresh` (`commit_id`, `environment`)
  SELECT `commit_id`, OLD.`environment` FROM `deployment_commits` WHERE `deployment_id` = NEW.`id`
  UNION SELECT `commit_id`, NEW.`environment` FROM `deployment_commits` WHERE `deployment_id` = NEW.`id`;
END;
--> statement-breakpoint
-- Commits keep their earliest known timestamp, so a lead can grow when an earlier one arrives.
CREATE TRIGGER `commit_deliveries_on_commit` AFTER UPDATE OF `timestamp` ON `commits`
WHEN OLD.`timestamp` IS NOT NEW.`timestamp`
BEGIN
  INSERT INTO `commit_deliveries_refresh` (`commit_id`, `environment`)
  SELECT DISTINCT NEW.`id`, d.`environment` FROM `deployment_commits` dc JOIN `deployments` d ON d.`id` = dc.`deployment_id` WHERE dc.`commit_id` = NEW.`id`;
END;
--> statement-breakpoint
-- lead_days: a new delivery's positive lead goes into its day's last part, or opens the next part when
-- that one is full (parts of at most 256 values, 8-byte big-endian ms each; migrations 0010, 0013).
CREATE TRIGGER `lead_days_on_insert` AFTER INSERT ON `commit_deliveries`
WHEN NEW.`seconds` > 0
BEGIN
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `part`, `ms`, `n`)
  VALUES (NEW.`service_id`, NEW.`environment`, NEW.`day`,
    coalesce((SELECT CASE WHEN `n` < 256 THEN `part` ELSE `part` + 1 END FROM `lead_days`
              WHERE `service_id` = NEW.`service_id` AND `environment` = NEW.`environment` AND `day` = NEW.`day`
              ORDER BY `part` DESC LIMIT 1), 0),
    unhex(printf('%016x', CAST(round(NEW.`seconds` * 1000) AS integer))), 1)
  ON CONFLICT (`service_id`, `environment`, `day`, `part`) DO UPDATE SET `ms` = unhex(hex(`lead_days`.`ms`) || printf('%016x', CAST(round(NEW.`seconds` * 1000) AS integer))), `n` = `lead_days`.`n` + 1;
END;
--> statement-breakpoint
-- Any other change to a delivery rebuilds its (old and new) day's parts from the deliveries of that day:
-- inserting a day into lead_days_refresh does it, so the rebuild is written once. The deliveries are sought
-- within a day's length either side of the changed one (`near`; no day is longer), so the index on
-- (service_id, environment, delivered_at) finds them.
CREATE VIEW `lead_days_refresh` AS SELECT NULL AS `service_id`, NULL AS `environment`, NULL AS `day`, NULL AS `near` WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `lead_days_refresh_on_insert` INSTEAD OF INSERT ON `lead_days_refresh`
BEGIN
  DELETE FROM `lead_days` WHERE `service_id` = NEW.`service_id` AND `environment` = NEW.`environment` AND `day` = NEW.`day`;
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `part`, `ms`, `n`)
  SELECT NEW.`service_id`, NEW.`environment`, NEW.`day`, `rn` / 256, unhex(group_concat(printf('%016x', `v`), '')), count(*)
  FROM (
    SELECT CAST(round(cd.`seconds` * 1000) AS integer) AS `v`, row_number() OVER () - 1 AS `rn`
    FROM `commit_deliveries` cd
    WHERE cd.`service_id` = NEW.`service_id` AND cd.`environment` = NEW.`environment`
      AND cd.`delivered_at` > NEW.`near` - 86400000 AND cd.`delivered_at` < NEW.`near` + 86400000
      AND cd.`day` = NEW.`day` AND cd.`seconds` > 0
  ) GROUP BY `rn` / 256;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_days_on_delete` AFTER DELETE ON `commit_deliveries`
BEGIN
  INSERT INTO `lead_days_refresh` (`service_id`, `environment`, `day`, `near`) VALUES (OLD.`service_id`, OLD.`environment`, OLD.`day`, OLD.`delivered_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `lead_days_on_update` AFTER UPDATE ON `commit_deliveries`
BEGIN
  INSERT INTO `lead_days_refresh` (`service_id`, `environment`, `day`, `near`)
  VALUES (OLD.`service_id`, OLD.`environment`, OLD.`day`, OLD.`delivered_at`), (NEW.`service_id`, NEW.`environment`, NEW.`day`, NEW.`delivered_at`);
END;
