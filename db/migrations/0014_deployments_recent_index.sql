CREATE INDEX `deployments_recent_idx` ON `deployments` (coalesce("finished_at", "started_at", "created_at"),`id`);
