-- A cancelled change was never carried out, so nothing waits for its approval afterwards; cancelling an
-- emergency change left its flag standing (lib/changes/policy.ts, statusOnCancel, clears it from now on).
UPDATE `change_requests` SET `awaiting_retroactive_approval` = 0 WHERE `status` = 'cancelled' AND `awaiting_retroactive_approval` = 1;
