-- A new delivery appends its lead to its day's list instead of rebuilding the list from the deliveries:
-- rebuilding costs as much as the day is long, so a busy service's day grew quadratically expensive.
DROP TRIGGER `lead_days_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `lead_days_on_insert` AFTER INSERT ON `commit_deliveries`
WHEN NEW.`seconds` > 0
BEGIN
  INSERT INTO `lead_days` (`service_id`, `environment`, `day`, `ms`)
  VALUES (NEW.`service_id`, NEW.`environment`, ((NEW.`delivered_at` - (((NEW.`delivered_at` % 86400000) + 86400000) % 86400000)) / 86400000), json_array(CAST(round(NEW.`seconds` * 1000) AS integer)))
  ON CONFLICT (`service_id`, `environment`, `day`) DO UPDATE SET `ms` = json_insert(`lead_days`.`ms`, '$[#]', CAST(round(NEW.`seconds` * 1000) AS integer));
END;
