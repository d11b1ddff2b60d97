ALTER TABLE `incident_updates` ADD `body_html` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `summary_html` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `postmortem_html` text;