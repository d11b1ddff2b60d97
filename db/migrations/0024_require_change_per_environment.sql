-- Deployment gating moves from one switch per service to a list of environments: a service that required
-- approved changes did so for its production deployments, the only ones the switch was documented for.
UPDATE `services` SET `require_change` = '["production"]' WHERE `require_approved_change` = 1;
