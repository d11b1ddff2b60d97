CREATE TABLE `lead_days` (
	`service_id` integer NOT NULL,
	`environment` text NOT NULL,
	`day` integer NOT NULL,
	`ms` text NOT NULL,
	PRIMARY KEY(`service_id`, `environment`, `day`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_days_env_day_idx` ON `lead_days` (`environment`,`day`,`service_id`);
--> statement-breakpoint
-- Day numbers are floor(ms / 86,400,000) for any sign: SQLite's integer division truncates toward zero.
INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `ms`)
SELECT `service_id`, `environment`, ((`delivered_at` - (((`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000), json_group_array(CAST(round(`seconds` * 1000) AS integer))
FROM `commit_deliveries` WHERE `seconds` > 0
GROUP BY `service_id`, `environment`, ((`delivered_at` - (((`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000);
--> statement-breakpoint
-- Each change to a delivery rebuilds the (small) list of its service's day; a move rebuilds both days.
CREATE TRIGGER `lead_days_on_insert` AFTER INSERT ON `commit_deliveries`
BEGIN
  DELETE FROM `lead_days` WHERE `service_id` = NEW.`service_id` AND `environment` = NEW.`environment` AND `day` = ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `ms`)
  SELECT NEW.`service_id`, NEW.`environment`, ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000), json_group_array(CAST(round(cd.`seconds` * 1000) AS integer))
  FROM `commit_deliveries` cd
  WHERE cd.`service_id` = NEW.`service_id` AND cd.`environment` = NEW.`environment`
    AND cd.`delivered_at` >= ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) * 86400000 AND cd.`delivered_at` < (((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) + 1) * 86400000 AND cd.`seconds` > 0
  HAVING count(*) > 0;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_days_on_delete` AFTER DELETE ON `commit_deliveries`
BEGIN
  DELETE FROM `lead_days` WHERE `service_id` = OLD.`service_id` AND `environment` = OLD.`environment` AND `day` = ((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `ms`)
  SELECT OLD.`service_id`, OLD.`environment`, ((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000), json_group_array(CAST(round(cd.`seconds` * 1000) AS integer))
  FROM `commit_deliveries` cd
  WHERE cd.`service_id` = OLD.`service_id` AND cd.`environment` = OLD.`environment`
    AND cd.`delivered_at` >= ((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) * 86400000 AND cd.`delivered_at` < (((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) + 1) * 86400000 AND cd.`seconds` > 0
  HAVING count(*) > 0;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_days_on_update` AFTER UPDATE ON `commit_deliveries`
BEGIN
  DELETE FROM `lead_days` WHERE `service_id` = OLD.`service_id` AND `environment` = OLD.`environment` AND `day` = ((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `ms`)
  SELECT OLD.`service_id`, OLD.`environment`, ((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000), json_group_array(CAST(round(cd.`seconds` * 1000) AS integer))
  FROM `commit_deliveries` cd
  WHERE cd.`service_id` = OLD.`service_id` AND cd.`environment` = OLD.`environment`
    AND cd.`delivered_at` >= ((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) * 86400000 AND cd.`delivered_at` < (((OLD.`delivered_at` - (((OLD.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) + 1) * 86400000 AND cd.`seconds` > 0
  HAVING count(*) > 0;
  DELETE FROM `lead_days` WHERE `service_id` = NEW.`service_id` AND `environment` = NEW.`environment` AND `day` = ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000);
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `ms`)
  SELECT NEW.`service_id`, NEW.`environment`, ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000), json_group_array(CAST(round(cd.`seconds` * 1000) AS integer))
  FROM `commit_deliveries` cd
  WHERE cd.`service_id` = NEW.`service_id` AND cd.`environment` = NEW.`environment`
    AND cd.`delivered_at` >= ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) * 86400000 AND cd.`delivered_at` < (((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000) + 1) * 86400000 AND cd.`seconds` > 0
  HAVING count(*) > 0;
END;
