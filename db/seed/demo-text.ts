import type { Random } from "./random";

const VERBS = ["Fix", "Add", "Refactor", "Speed up", "Guard", "Remove", "Tidy", "Rename", "Cache", "Retry"];
const THINGS = [
  "order totals rounding",
  "idempotency keys on retries",
  "connection pool sizing",
  "null currency on refunds",
  "feature flag for new flow",
  "slow query on list endpoint",
  "timeout handling in client",
  "logging of request ids",
  "stale cache after writes",
  "validation of webhook payloads",
  "pagination cursor encoding",
  "metrics for queue depth",
];

export function commitMessage(r: Random): string {
  return `${r.pick(VERBS)} ${r.pick(THINGS)}`;
}

const INCIDENT_TITLES = [
  "Elevated 5xx rate on {service}",
  "p99 latency above SLO on {service}",
  "{service} pods crash-looping",
  "Error spike in {service} after deploy",
  "Queue backlog growing in {service}",
  "Timeouts calling {service} from checkout",
];

export function incidentTitle(r: Random, serviceName: string): string {
  return r.pick(INCIDENT_TITLES).replace("{service}", serviceName);
}

export const INCIDENT_NOTES = [
  "Paged on-call; looking at dashboards.",
  "Error rate correlates with the last deployment.",
  "Rolled traffic back to the previous version on one region to compare.",
  "Customer support reports failed checkouts.",
  "Mitigation applied; watching error rate recover.",
  "Root cause found: a missing index on the new query.",
];

export const POSTMORTEM = `## Summary
A change to the query layer shipped without the index it relied on. Requests queued up and timed out.

## Impact
Roughly 4% of requests failed for the duration of the incident.

## What went well
- Alert fired within two minutes.
- Rollback was one command.

## Action items
1. Add a migration check to CI.
2. Load-test list endpoints before release.
`;
