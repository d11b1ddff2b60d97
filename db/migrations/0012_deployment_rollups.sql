CREATE TABLE `deployment_days` (
	`service_id` integer NOT NULL,
	`environment` text NOT NULL,
	`day` integer NOT NULL,
	`deployments` integer NOT NULL,
	`rework` integer NOT NULL,
	PRIMARY KEY(`service_id`, `environment`, `day`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deployment_days_env_day_idx` ON `deployment_days` (`environment`,`day`,`service_id`,`deployments`,`rework`);--> statement-breakpoint
CREATE TABLE `failed_changes` (
	`deployment_id` integer PRIMARY KEY NOT NULL,
	`service_id` integer NOT NULL,
	`environment` text NOT NULL,
	`finished_at` integer NOT NULL,
	`change_failed` integer NOT NULL,
	`rollback_at` integer,
	`incidents` integer NOT NULL,
	`open_incidents` integer NOT NULL,
	`incidents_resolved_at` integer,
	FOREIGN KEY (`deployment_id`) REFERENCES `deployments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `failed_changes_env_finished_idx` ON `failed_changes` (`environment`,`finished_at`,`service_id`);--> statement-breakpoint
CREATE INDEX `failed_changes_service_env_finished_idx` ON `failed_changes` (`service_id`,`environment`,`finished_at`);--> statement-breakpoint
-- Day numbers are floor(ms / 86,400,000) for any sign: SQLite's integer division truncates toward zero.
INSERT INTO `deployment_days` (`service_id`, `environment`, `day`, `deployments`, `rework`)
SELECT `service_id`, `environment`, ((`finished_at` - (((`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000), count(*), sum(`unplanned` OR `rollback_of_id` IS NOT NULL)
FROM `deployments` WHERE `status` = 'success' AND `finished_at` IS NOT NULL
GROUP BY `service_id`, `environment`, ((`finished_at` - (((`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000);
--> statement-breakpoint
-- A successful deployment counts on its day; any change to what it counts for moves it (out of the old day, into the new).
CREATE TRIGGER `deployment_days_on_insert` AFTER INSERT ON `deployments`
WHEN NEW.`status` = 'success' AND NEW.`finished_at` IS NOT NULL
BEGIN
  INSERT INTO `deployment_days` (`service_id`, `environment`, `day`, `deployments`, `rework`)
  VALUES (NEW.`service_id`, NEW.`environment`, ((NEW.`finished_at` - (((NEW.`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000), 1, NEW.`unplanned` OR NEW.`rollback_of_id` IS NOT NULL)
  ON CONFLICT (`service_id`, `environment`, `day`) DO UPDATE SET `deployments` = `deployments` + 1, `rework` = `rework` + excluded.`rework`;
END;
--> statement-breakpoint
CREATE TRIGGER `deployment_days_on_update` AFTER UPDATE OF `service_id`, `environment`, `status`, `finished_at`, `unplanned`, `rollback_of_id` ON `deployments`
WHEN (OLD.`status` = 'success' AND OLD.`finished_at` IS NOT NULL OR NEW.`status` = 'success' AND NEW.`finished_at` IS NOT NULL)
  AND (OLD.`service_id` IS NOT NEW.`service_id` OR OLD.`environment` IS NOT NEW.`environment` OR OLD.`status` IS NOT NEW.`status`
    OR OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`unplanned` IS NOT NEW.`unplanned` OR OLD.`rollback_of_id` IS NOT NEW.`rollback_of_id`)
BEGIN
  UPDATE `deployment_days` SET `deployments` = `deployments` - 1, `rework` = `rework` - (OLD.`unplanned` OR OLD.`rollback_of_id` IS NOT NULL)
  WHERE OLD.`status` = 'success' AND OLD.`finished_at` IS NOT NULL
    AND `service_id` = OLD.`service_id` AND `environment` = OLD.`environment` AND `day` = ((OLD.`finished_at` - (((OLD.`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  DELETE FROM `deployment_days`
  WHERE OLD.`status` = 'success' AND OLD.`finished_at` IS NOT NULL AND `deployments` = 0
    AND `service_id` = OLD.`service_id` AND `environment` = OLD.`environment` AND `day` = ((OLD.`finished_at` - (((OLD.`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  INSERT INTO `deployment_days` (`service_id`, `environment`, `day`, `deployments`, `rework`)
  SELECT NEW.`service_id`, NEW.`environment`, ((NEW.`finished_at` - (((NEW.`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000), 1, NEW.`unplanned` OR NEW.`rollback_of_id` IS NOT NULL
  WHERE NEW.`status` = 'success' AND NEW.`finished_at` IS NOT NULL
  ON CONFLICT (`service_id`, `environment`, `day`) DO UPDATE SET `deployments` = `deployments` + 1, `rework` = `rework` + excluded.`rework`;
END;
--> statement-breakpoint
CREATE TRIGGER `deployment_days_on_delete` AFTER DELETE ON `deployments`
WHEN OLD.`status` = 'success' AND OLD.`finished_at` IS NOT NULL
BEGIN
  UPDATE `deployment_days` SET `deployments` = `deployments` - 1, `rework` = `rework` - (OLD.`unplanned` OR OLD.`rollback_of_id` IS NOT NULL)
  WHERE `service_id` = OLD.`service_id` AND `environment` = OLD.`environment` AND `day` = ((OLD.`finished_at` - (((OLD.`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  DELETE FROM `deployment_days`
  WHERE `deployments` = 0 AND `service_id` = OLD.`service_id` AND `environment` = OLD.`environment` AND `day` = ((OLD.`finished_at` - (((OLD.`finished_at` % 86400000) + 86400000) % 86400000)) / 86400000);
END;
--> statement-breakpoint
-- Inserting a deployment id here works out again whether it is a failed change and its evidence: a view
-- with an INSTEAD OF trigger, so the one rule below serves every trigger that can change the answer.
CREATE VIEW `failed_changes_refresh` AS SELECT NULL AS `deployment_id` WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `failed_changes_refresh_on_insert` INSTEAD OF INSERT ON `failed_changes_refresh`
BEGIN
  DELETE FROM `failed_changes` WHERE `deployment_id` = NEW.`deployment_id`;
  INSERT INTO `failed_changes` (`deployment_id`, `service_id`, `environment`, `finished_at`, `change_failed`, `rollback_at`, `incidents`, `open_incidents`, `incidents_resolved_at`)
  SELECT * FROM (
    SELECT d.`id`, d.`service_id`, d.`environment`, d.`finished_at`, d.`change_failed`,
      (SELECT min(r.`finished_at`) FROM `deployments` r WHERE r.`rollback_of_id` = d.`id` AND r.`status` = 'success') AS `rollback_at`,
      (SELECT count(*) FROM `incidents` i WHERE i.`caused_by_id` = d.`id`) AS `incidents`,
      (SELECT count(*) FROM `incidents` i WHERE i.`caused_by_id` = d.`id` AND (i.`status` <> 'resolved' OR i.`resolved_at` IS NULL)) AS `open_incidents`,
      (SELECT max(i.`resolved_at`) FROM `incidents` i WHERE i.`caused_by_id` = d.`id`) AS `incidents_resolved_at`
    FROM `deployments` d
    WHERE d.`id` = NEW.`deployment_id` AND d.`status` = 'success' AND d.`finished_at` IS NOT NULL
  ) WHERE `change_failed` OR `rollback_at` IS NOT NULL OR `incidents` > 0;
END;
--> statement-breakpoint
INSERT INTO `failed_changes_refresh` (`deployment_id`)
SELECT `id` FROM `deployments` WHERE `change_failed`
UNION SELECT `rollback_of_id` FROM `deployments` WHERE `rollback_of_id` IS NOT NULL AND `status` = 'success'
UNION SELECT `caused_by_id` FROM `incidents` WHERE `caused_by_id` IS NOT NULL;
--> statement-breakpoint
-- A deployment is flagged, rolled back (by a new successful deployment) or changes what it is: itself and
-- whatever it rolls back (before and after) are worked out again.
CREATE TRIGGER `failed_changes_on_deployment_insert` AFTER INSERT ON `deployments`
WHEN NEW.`change_failed` OR NEW.`rollback_of_id` IS NOT NULL
BEGIN
  INSERT INTO `failed_changes_refresh` (`deployment_id`) VALUES (NEW.`id`), (NEW.`rollback_of_id`);
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
