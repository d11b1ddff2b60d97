ALTER TABLE `user` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `wall_links` ADD `locale` text;