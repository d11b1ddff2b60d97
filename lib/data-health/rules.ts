import { DELIVERY_OUTCOMES } from "@/db/schema/integrations";
import { INCIDENT_ENVIRONMENT, INCIDENT_STATUSES } from "@/db/schema/incidents";
import type { DataHealthScope } from "@/db/queries/data-health";
import type { Permission } from "@/lib/auth/roles";
import { DAY_MS } from "@/lib/time";

/** What weakens the figures, in the order the page and the overview's notice list them. */
export const DATA_HEALTH_CATEGORIES = ["incidents", "deployments", "services", "leadTimes", "webhooks"] as const;
export type DataHealthCategory = (typeof DATA_HEALTH_CATEGORIES)[number];

/**
 * Fixing the data is the work of the people who record it: engineers and everyone whose role includes
 * theirs. Viewers only read, so the page would list work they cannot do.
 */
export const DATA_HEALTH_PERMISSION: Permission = "record";

/** The overview's longest preset period: what any of its figures can be built from. */
export const DATA_HEALTH_WINDOW_DAYS = 90;

/**
 * Teams that ship keep a change waiting days, now and then weeks; one taken 90 days or more to reach
 * production is almost always a commit with a wrong timestamp (a rebased or cherry-picked commit keeping
 * its author date, a clock at zero), and a single such value drags the p90 and the median of a small team.
 */
export const LEAD_TIME_SANITY_DAYS = 90;

/** Webhooks fail in bursts when a secret or a mapping changes; a day is long enough to notice and short enough to mean "now". */
export const FAILED_DELIVERY_HOURS = 24;

/**
 * The delivery log's outcomes that mean something went unrecorded or unanswered: "refused" is a delivery
 * Tandem could not use (a payload it cannot read, an internal error), so its deployment or incident is
 * missing from the figures; "failed" is Tandem's answer to a tool's deployment gate that did not get through.
 */
export const FAILED_DELIVERY_OUTCOMES = ["refused", "failed"] as const satisfies readonly (typeof DELIVERY_OUTCOMES)[number][];

/**
 * An incident's cause is decided once a person blames a deployment for it, or records that none caused
 * it (an Updates entry of kind "cause": lib/incidents/record.ts logs one for each). Until it is resolved
 * the team is still finding out; after that, an undecided cause leaves a failed change uncounted.
 */
export const CAUSE_SETTLED_STATUS = "resolved" satisfies (typeof INCIDENT_STATUSES)[number];

/** Examples shown per category: enough to start fixing, never the whole list. */
export const DATA_HEALTH_EXAMPLES = 5;

/** Which services the page and the overview's notice look at: a team's, one, or (neither) all of them. */
export type DataHealthFilter = { team?: string; service?: string };

export function dataHealthScope(now: number = Date.now(), filter: DataHealthFilter = {}): DataHealthScope {
  return {
    ...(filter.team === undefined ? {} : { team: filter.team }),
    ...(filter.service === undefined ? {} : { service: filter.service }),
    environment: INCIDENT_ENVIRONMENT,
    since: now - DATA_HEALTH_WINDOW_DAYS * DAY_MS,
    settledStatus: CAUSE_SETTLED_STATUS,
    leadBoundSeconds: (LEAD_TIME_SANITY_DAYS * DAY_MS) / 1000,
    deliveriesSince: now - FAILED_DELIVERY_HOURS * 3_600_000,
    failedOutcomes: FAILED_DELIVERY_OUTCOMES,
  };
}
