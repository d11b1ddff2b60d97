import { createHash } from "node:crypto";
import type { Database } from "@/db/database";
import { countChanges, listChanges, listIncidents } from "@/db/queries/lists";
import { listEvents } from "@/db/queries/timeline";
import { deploymentsSince, deploymentTimesSince, nextFreezeIn } from "@/db/queries/wall";
import { countOpenDueBefore } from "@/db/queries/action-items";
import { overdueBefore } from "@/lib/action-items/overdue";
import { periodChanges } from "@/lib/dora/compare";
import { chartWeeks } from "@/lib/dora/weeks";
import { computeMetrics } from "@/lib/dora/metrics";
import { onCallForWall } from "@/lib/oncall/oncall";
import type { MetricsQuery } from "@/lib/dora/query";
import { eventJson } from "@/lib/timeline/feed";
import { DAY_MS } from "@/lib/time";
import { DEFAULT_ROTATE_SECONDS, WALL_WINDOW_DAYS } from "./limits";
import { deployHeatmap, HEATMAP_DAYS } from "./trends";
import type { WallViewSpec } from "./schema";


/**
 * The wall's window: the last 30 UTC days, today included. Whole days keep the window the same between
 * refreshes, so the figures come from the metrics cache until something is written.
 */
export function wallWindow(now: Date): { from: Date; to: Date } {
  const to = new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  return { from: new Date(to.getTime() - WALL_WINDOW_DAYS * DAY_MS), to };
}

/** What every view shares: the windows and the start of today, worked out once per refresh. */
function refreshContext(now: Date) {
  const current = wallWindow(now);
  const previous = { from: new Date(current.from.getTime() - WALL_WINDOW_DAYS * DAY_MS), to: current.from };
  return { now, current, previous, today: new Date(current.to.getTime() - DAY_MS) };
}

type Shared = ReturnType<typeof refreshContext>;

const incidentJson = (i: Awaited<ReturnType<typeof listIncidents>>[number]) => ({ id: i.id, title: i.title, service: i.serviceName, severity: i.severity, status: i.status, lead: i.lead, startedAt: i.startedAt.toISOString() });

/**
 * Exactly what one view shows, and nothing else: every list is read through the view's scope (its team
 * and services, freezes included), and a view of the open incidents alone carries only those. A wall
 * link is public to whoever holds it, so its JSON and its stream must not tell more than its screen.
 */
async function viewData(db: Database, view: WallViewSpec, shared: Shared) {
  const scope = { team: view.team, services: view.services };
  const incidents = (await listIncidents(db.read, 20, { ...scope, openOnly: true })).map(incidentJson);
  if (view.panels === "incidents") return { name: view.name, panels: "incidents" as const, incidents };
  const onCall = await onCallForWall(db.read, scope, shared.now);
  const query: MetricsQuery = { ...shared.current, environment: "production", team: view.team, service: undefined, services: view.services };
  const m = await computeMetrics(db, query);
  const change = periodChanges(m, await computeMetrics(db, { ...query, ...shared.previous }));
  const waiting = await countChanges(db.read, { ...scope, awaitingApproval: true });
  const top = await listChanges(db.read, 4, { ...scope, awaitingApproval: true });
  const freeze = await nextFreezeIn(db.read, shared.now, scope);
  const today = await deploymentsSince(db.read, shared.today, scope);
  const events = await listEvents(db.read, scope, 8);
  const overdueActionItems = await countOpenDueBefore(db.read, overdueBefore(shared.now), scope);
  const heatmap = deployHeatmap(await deploymentTimesSince(db.read, new Date(shared.today.getTime() - (HEATMAP_DAYS - 1) * DAY_MS), scope), shared.now);
  // The window's weeks, a clipped one marked by its days, so a sparkline's partial first week is not read as a slump.
  const weeks = chartWeeks(m.series, shared.current);
  return {
    name: view.name,
    panels: "all" as const,
    metrics: {
      deploymentFrequency: { perDay: m.deploymentFrequency.perDay, level: m.deploymentFrequency.level, change: change.deploymentFrequency, weekly: weeks.map((w) => w.deployments / w.days) },
      leadTime: { medianSeconds: m.leadTime.medianSeconds, level: m.leadTime.level, change: change.leadTime, weekly: weeks.map((w) => w.leadTimeMedianSeconds) },
      changeFailureRate: { rate: m.changeFailureRate.rate, level: m.changeFailureRate.level, change: change.changeFailureRate, weekly: weeks.map((w) => w.changeFailureRate) },
      recoveryTime: { medianSeconds: m.recoveryTime.medianSeconds, level: m.recoveryTime.level, change: change.recoveryTime, weekly: weeks.map((w) => w.recoveryMedianSeconds) },
    },
    weeks: weeks.map((w) => ({ weekStart: w.weekStart, days: w.days })),
    heatmap,
    incidents,
    onCall,
    changes: { waiting, top: top.map((c) => ({ id: c.id, title: c.title, service: c.serviceName, risk: c.risk, type: c.type })) },
    freeze: freeze ? { name: freeze.name, startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString() } : null,
    today,
    overdueActionItems,
    events: events.map(eventJson),
  };
}

/** What the views show, every view at once: one request per refresh, and rotating needs no fetch. */
async function viewsData(db: Database, views: WallViewSpec[], now: Date) {
  const shared = refreshContext(now);
  return Promise.all(views.map((view) => viewData(db, view, shared)));
}

/** Everything a wall shows. */
export async function wallData(db: Database, views: WallViewSpec[], rotateSeconds = DEFAULT_ROTATE_SECONDS, now = new Date()) {
  return { generatedAt: now.toISOString(), rotateSeconds, views: await viewsData(db, views, now) };
}
export type WallData = Awaited<ReturnType<typeof wallData>>;
export type WallViewData = WallData["views"][number];
export type WallFullView = Extract<WallViewData, { panels: "all" }>;

/**
 * A digest of what the views show now: the live stream of a wall link speaks only when this moves, so a
 * write elsewhere (another team's deployment) never reaches the screen, not even as a moment.
 */
export async function wallContentVersion(db: Database, views: WallViewSpec[], now = new Date()): Promise<string> {
  return createHash("sha256").update(JSON.stringify(await viewsData(db, views, now))).digest("base64url").slice(0, 22);
}
