CREATE TABLE `protection_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`integration_id` integer NOT NULL,
	`external_key` text NOT NULL,
	`service` text NOT NULL,
	`environment` text NOT NULL,
	`change_request_id` integer,
	`sha` text,
	`version` text,
	`target` text NOT NULL,
	`state` text NOT NULL,
	`reasons` text,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protection_requests_key_idx` ON `protection_requests` (`integration_id`,`external_key`);--> statement-breakpoint
CREATE INDEX `protection_requests_due_idx` ON `protection_requests` (`state`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `integrations` ADD `credential_sealed` text;