-- Every team a service named before teams existed becomes a team (its slug is the text services kept).
INSERT INTO `teams` (`slug`, `name`, `created_at`, `updated_at`)
SELECT DISTINCT `team`, upper(substr(`team`, 1, 1)) || substr(`team`, 2), CAST(strftime('%s', 'now') AS integer) * 1000, CAST(strftime('%s', 'now') AS integer) * 1000
FROM `services` WHERE `team` IS NOT NULL AND `team` <> '';
