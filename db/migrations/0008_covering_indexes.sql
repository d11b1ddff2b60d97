DROP INDEX `deployments_rollback_of_idx`;--> statement-breakpoint
CREATE INDEX `deployments_delivered_idx` ON `deployments` (`environment`,`status`,`finished_at`,`service_id`,`change_failed`,`unplanned`,`rollback_of_id`);--> statement-breakpoint
CREATE INDEX `deployments_rollback_of_idx` ON `deployments` (`rollback_of_id`,`status`,`finished_at`);