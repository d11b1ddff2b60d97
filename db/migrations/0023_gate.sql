CREATE TABLE `change_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`service_id` integer,
	`team` text,
	`max_risk` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_templates_title_unique` ON `change_templates` (`title`);--> statement-breakpoint
CREATE TABLE `gate_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`service_id` integer,
	`service` text NOT NULL,
	`environment` text NOT NULL,
	`change_request_id` integer,
	`sha` text,
	`version` text,
	`decision` text NOT NULL,
	`reasons` text NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gate_decisions_at_idx` ON `gate_decisions` (`at`);--> statement-breakpoint
ALTER TABLE `services` ADD `require_change` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `change_tolerance_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `change_reuse` text DEFAULT 'once' NOT NULL;--> statement-breakpoint
ALTER TABLE `change_requests` ADD `template_id` integer;