CREATE INDEX `deployments_service_recent_idx` ON `deployments` (`service_id`,coalesce("finished_at", "started_at", "created_at"),`id`);
