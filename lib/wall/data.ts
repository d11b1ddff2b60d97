import type { Database } from "@/db/database";
import { listCurrentFreezes } from "@/db/queries/changes";
import { countChanges, listChanges, listIncidents } from "@/db/queries/lists";
import { listEvents } from "@/db/queries/timeline";
import { deploymentsSince } from "@/db/queries/wall";
import { periodChanges } from "@/lib/dora/compare";
import { computeMetrics } from "@/lib/dora/metrics";
import type { MetricsQuery } from "@/lib/dora/query";
import { eventJson } from "@/lib/timeline/feed";
import { DAY_MS } from "@/lib/time";
import { DEFAULT_ROTATE_SECONDS } from "./limits";
import type { WallViewSpec } from "./schema";

export const WALL_WINDOW_DAYS = 30;

/**
 * The wall's window: the last 30 UTC days, today included. Whole days keep the window the same between
 * refreshes, so the figures come from the metrics cache until something is written.
 */
export function wallWindow(now: Date): { from: Date; to: Date } {
  const to = new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  return { from: new Date(to.getTime() - WALL_WINDOW_DAYS * DAY_MS), to };
}

/** What every view shares: the windows, the start of today and the next freeze, worked out once per refresh. */
async function refreshContext(db: Database, now: Date) {
  const current = wallWindow(now);
  const previous = { from: new Date(current.from.getTime() - WALL_WINDOW_DAYS * DAY_MS), to: current.from };
  const [freeze] = await listCurrentFreezes(db.read, now);
  return {
    current,
    previous,
    today: new Date(current.to.getTime() - DAY_MS),
    freeze: freeze ? { name: freeze.name, startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString() } : null,
  };
}

/** Everything one view of a wall shows. */
async function viewData(db: Database, view: WallViewSpec, shared: Awaited<ReturnType<typeof refreshContext>>) {
  const scope = { team: view.team, services: view.services };
  const query: MetricsQuery = { ...shared.current, environment: "production", team: view.team, service: undefined, services: view.services };
  const m = await computeMetrics(db, query);
  const change = periodChanges(m, await computeMetrics(db, { ...query, ...shared.previous }));
  const incidents = await listIncidents(db.read, 20, { ...scope, openOnly: true });
  const waiting = await countChanges(db.read, { ...scope, awaitingApproval: true });
  const top = await listChanges(db.read, 4, { ...scope, awaitingApproval: true });
  const today = await deploymentsSince(db.read, shared.today, scope);
  const events = await listEvents(db.read, scope, 8);
  return {
    name: view.name,
    panels: view.panels,
    metrics: {
      deploymentFrequency: { perDay: m.deploymentFrequency.perDay, level: m.deploymentFrequency.level, change: change.deploymentFrequency },
      leadTime: { medianSeconds: m.leadTime.medianSeconds, level: m.leadTime.level, change: change.leadTime },
      changeFailureRate: { rate: m.changeFailureRate.rate, level: m.changeFailureRate.level, change: change.changeFailureRate },
      recoveryTime: { medianSeconds: m.recoveryTime.medianSeconds, level: m.recoveryTime.level, change: change.recoveryTime },
    },
    incidents: incidents.map((i) => ({ id: i.id, title: i.title, service: i.serviceName, severity: i.severity, status: i.status, lead: i.lead, startedAt: i.startedAt.toISOString() })),
    changes: { waiting, top: top.map((c) => ({ id: c.id, title: c.title, service: c.serviceName, risk: c.risk, type: c.type })) },
    freeze: shared.freeze,
    today,
    events: events.map(eventJson),
  };
}

/** Everything a wall shows, every view at once: one request per refresh, and rotating needs no fetch. */
export async function wallData(db: Database, views: WallViewSpec[], rotateSeconds = DEFAULT_ROTATE_SECONDS, now = new Date()) {
  const shared = await refreshContext(db, now);
  return { generatedAt: now.toISOString(), rotateSeconds, views: await Promise.all(views.map((view) => viewData(db, view, shared))) };
}
export type WallData = Awaited<ReturnType<typeof wallData>>;
export type WallViewData = WallData["views"][number];
