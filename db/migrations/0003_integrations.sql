CREATE TABLE `integrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`name` text NOT NULL,
	`secret_sealed` text NOT NULL,
	`config` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`integration_id` integer NOT NULL,
	`delivery_id` text,
	`event` text NOT NULL,
	`outcome` text NOT NULL,
	`status` integer NOT NULL,
	`message` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_integration_idx` ON `webhook_deliveries` (`integration_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`integration_id` integer NOT NULL,
	`delivery_id` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_receipts_delivery_idx` ON `webhook_receipts` (`integration_id`,`delivery_id`);