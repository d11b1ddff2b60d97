CREATE TABLE `pushes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`ref` text NOT NULL,
	`before_sha` text,
	`after_sha` text NOT NULL,
	`forced` integer DEFAULT false NOT NULL,
	`commit_count` integer NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pushes_service_at_idx` ON `pushes` (`service_id`,`at`);--> statement-breakpoint
ALTER TABLE `commits` ADD `parent_sha` text;--> statement-breakpoint
ALTER TABLE `deployments` ADD `sha` text;--> statement-breakpoint
CREATE INDEX `deployments_service_sha_idx` ON `deployments` (`service_id`,`sha`);