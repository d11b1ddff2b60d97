CREATE TABLE `timeline_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`action` text NOT NULL,
	`service_id` integer NOT NULL,
	`environment` text,
	`summary` text NOT NULL,
	`subject_id` integer NOT NULL,
	`subject_external_id` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timeline_events_at_idx` ON `timeline_events` (`at`,`id`);--> statement-breakpoint
CREATE INDEX `timeline_events_service_at_idx` ON `timeline_events` (`service_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `timeline_events_type_at_idx` ON `timeline_events` (`type`,`at`,`id`);