CREATE TABLE `commit_deliveries` (
	`commit_id` integer NOT NULL,
	`environment` text NOT NULL,
	`deployment_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`delivered_at` integer NOT NULL,
	`seconds` real NOT NULL,
	PRIMARY KEY(`commit_id`, `environment`),
	FOREIGN KEY (`commit_id`) REFERENCES `commits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deployment_id`) REFERENCES `deployments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commit_deliveries_env_at_idx` ON `commit_deliveries` (`environment`,`delivered_at`,`service_id`,`seconds`);--> statement-breakpoint
CREATE INDEX `commit_deliveries_service_env_at_idx` ON `commit_deliveries` (`service_id`,`environment`,`delivered_at`,`seconds`);--> statement-breakpoint
CREATE INDEX `commit_deliveries_deployment_idx` ON `commit_deliveries` (`deployment_id`);--> statement-breakpoint
-- A commit is delivered to an environment by the earliest successful deployment there that lists it
-- (ties broken by id). The triggers below keep that true for every writer: API, webhooks, forms, CLI.
INSERT INTO `commit_deliveries` (`commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`)
SELECT `commit_id`, `environment`, `id`, `service_id`, `finished_at`, `seconds` FROM (
  SELECT dc.`commit_id`, d.`environment`, d.`id`, d.`service_id`, d.`finished_at`, (d.`finished_at` - c.`timestamp`) / 1000.0 AS `seconds`,
    row_number() OVER (PARTITION BY dc.`commit_id`, d.`environment` ORDER BY d.`finished_at`, d.`id`) AS `rn`
  FROM `deployment_commits` dc
    JOIN `deployments` d ON d.`id` = dc.`deployment_id`
    JOIN `commits` c ON c.`id` = dc.`commit_id`
  WHERE d.`status` = 'success' AND d.`finished_at` IS NOT NULL
) WHERE `rn` = 1;
--> statement-breakpoint
-- A new link can only make a delivery earlier.
CREATE TRIGGER `commit_deliveries_on_link` AFTER INSERT ON `deployment_commits`
BEGIN
  INSERT INTO `commit_deliveries` (`commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`)
  SELECT NEW.`commit_id`, d.`environment`, d.`id`, d.`service_id`, d.`finished_at`, (d.`finished_at` - c.`timestamp`) / 1000.0
  FROM `deployments` d JOIN `commits` c ON c.`id` = NEW.`commit_id`
  WHERE d.`id` = NEW.`deployment_id` AND d.`status` = 'success' AND d.`finished_at` IS NOT NULL
  ON CONFLICT (`commit_id`, `environment`) DO UPDATE SET
    `deployment_id` = excluded.`deployment_id`, `service_id` = excluded.`service_id`,
    `delivered_at` = excluded.`delivered_at`, `seconds` = excluded.`seconds`
  WHERE excluded.`delivered_at` < `commit_deliveries`.`delivered_at`
    OR (excluded.`delivered_at` = `commit_deliveries`.`delivered_at` AND excluded.`deployment_id` < `commit_deliveries`.`deployment_id`);
END;
--> statement-breakpoint
-- A deployment that succeeds, fails, moves in time or changes environment: work its commits out again.
CREATE TRIGGER `commit_deliveries_on_deployment` AFTER UPDATE OF `status`, `finished_at`, `environment` ON `deployments`
WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`environment` IS NOT NEW.`environment`
BEGIN
  DELETE FROM `commit_deliveries`
  WHERE `environment` IN (OLD.`environment`, NEW.`environment`)
    AND `commit_id` IN (SELECT `commit_id` FROM `deployment_commits` WHERE `deployment_id` = NEW.`id`);
  INSERT INTO `commit_deliveries` (`commit_id`, `environment`, `deployment_id`, `service_id`, `delivered_at`, `seconds`)
  SELECT `commit_id`, `environment`, `id`, `service_id`, `finished_at`, `seconds` FROM (
    SELECT dc.`commit_id`, d.`environment`, d.`id`, d.`service_id`, d.`finished_at`, (d.`finished_at` - c.`timestamp`) / 1000.0 AS `seconds`,
      row_number() OVER (PARTITION BY dc.`commit_id`, d.`environment` ORDER BY d.`finished_at`, d.`id`) AS `rn`
    FROM `deployment_commits` mine
      JOIN `deployment_commits` dc ON dc.`commit_id` = mine.`commit_id`
      JOIN `deployments` d ON d.`id` = dc.`deployment_id`
      JOIN `commits` c ON c.`id` = dc.`commit_id`
    WHERE mine.`deployment_id` = NEW.`id` AND d.`environment` IN (OLD.`environment`, NEW.`environment`)
      AND d.`status` = 'success' AND d.`finished_at` IS NOT NULL
  ) WHERE `rn` = 1;
END;
--> statement-breakpoint
-- Commits keep their earliest known timestamp, so a lead can grow when an earlier one arrives.
CREATE TRIGGER `commit_deliveries_on_commit` AFTER UPDATE OF `timestamp` ON `commits`
WHEN OLD.`timestamp` IS NOT NEW.`timestamp`
BEGIN
  UPDATE `commit_deliveries` SET `seconds` = (`delivered_at` - NEW.`timestamp`) / 1000.0 WHERE `commit_id` = NEW.`id`;
END;
