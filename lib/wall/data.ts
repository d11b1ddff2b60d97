import type { Db } from "@/db/client";
import { listCurrentFreezes } from "@/db/queries/changes";
import { listChanges, listIncidents } from "@/db/queries/lists";
import { listEvents } from "@/db/queries/timeline";
import { deploymentsSince } from "@/db/queries/wall";
import { compare } from "@/lib/dora/compare";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { eventJson } from "@/lib/timeline/feed";
import { DAY_MS } from "@/lib/time";

/** Everything a wall shows, as JSON, for one team (or all): one request per refresh. */
export function wallData(db: Db, team: string | undefined, now = new Date()) {
  const query = metricsQuerySchema.parse({ to: now.toISOString(), from: new Date(now.getTime() - 30 * DAY_MS).toISOString(), team });
  const previous = { ...query, from: new Date(query.from.getTime() - 30 * DAY_MS), to: query.from };
  const m = computeMetrics(db, query);
  const p = computeMetrics(db, previous);
  const pending = listChanges(db, 50, { team }).filter((c) => c.status === "pending_approval" || c.awaitingRetroactiveApproval);
  const freeze = listCurrentFreezes(db, now)[0];
  return {
    generatedAt: now.toISOString(),
    team: team ?? null,
    metrics: {
      deploymentFrequency: { perDay: m.deploymentFrequency.perDay, level: m.deploymentFrequency.level, change: compare(m.deploymentFrequency.perDay, p.deploymentFrequency.perDay, true, "relative") },
      leadTime: { medianSeconds: m.leadTime.medianSeconds, level: m.leadTime.level, change: compare(m.leadTime.medianSeconds, p.leadTime.medianSeconds, false, "relative") },
      changeFailureRate: { rate: m.changeFailureRate.rate, level: m.changeFailureRate.level, change: compare(m.changeFailureRate.rate, p.changeFailureRate.rate, false, "ratio") },
      recoveryTime: { medianSeconds: m.recoveryTime.medianSeconds, level: m.recoveryTime.level, change: compare(m.recoveryTime.medianSeconds, p.recoveryTime.medianSeconds, false, "relative") },
    },
    incidents: listIncidents(db, 20, { team, openOnly: true }).map((i) => ({ id: i.id, title: i.title, service: i.serviceName, severity: i.severity, status: i.status, lead: i.lead, startedAt: i.startedAt.toISOString() })),
    changes: { waiting: pending.length, top: pending.slice(0, 4).map((c) => ({ id: c.id, title: c.title, service: c.serviceName, risk: c.risk, type: c.type })) },
    freeze: freeze ? { name: freeze.name, startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString() } : null,
    today: deploymentsSince(db, new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS), team),
    events: listEvents(db, { team }, 8).map(eventJson),
  };
}
export type WallData = ReturnType<typeof wallData>;
