/*
 * The summary a shift hands to the next one, built from what happened during it: a pure function of the
 * timeline and the state at the hand-over, so the job, the team page and the notification all read the same.
 */

export type HandoffEvent = { at: Date; type: string; action: string; service: string; summary: string; subjectId: number };
export type HandoffInputs = {
  since: Date;
  until: Date;
  /** The team's timeline events in [since, until). */
  events: readonly HandoffEvent[];
  /** The team's incidents not resolved at `until`. */
  openIncidents: readonly { id: number; title: string; severity: string; service: string }[];
  /** The team's changes waiting for a decision at `until`. */
  waitingChanges: readonly { id: number; title: string; service: string }[];
  /** Freezes in force during the next shift. */
  freezesAhead: readonly { name: string; service: string | null; startsAt: Date; endsAt: Date }[];
};

type Item = { id: number; service: string; summary: string; at: string };

export type HandoffSummary = {
  since: string;
  until: string;
  deployments: { succeeded: number; failed: number; rolledBack: number; items: Item[] };
  incidents: { opened: (Item & { stillOpen: boolean })[]; stillOpen: { id: number; title: string; severity: string; service: string }[] };
  changes: { approved: Item[]; waiting: { id: number; title: string; service: string }[] };
  freezesAhead: { name: string; service: string | null; startsAt: string; endsAt: string }[];
};

const item = (e: HandoffEvent): Item => ({ id: e.subjectId, service: e.service, summary: e.summary, at: e.at.toISOString() });

/** Finished deployments only: a queued or started one is told again when it ends. */
const DEPLOYMENT_OUTCOMES = new Set(["succeeded", "failed", "rolled back"]);

export function buildHandoffSummary(input: HandoffInputs): HandoffSummary {
  const inShift = input.events.filter((e) => e.at >= input.since && e.at < input.until);
  const deployments = inShift.filter((e) => e.type === "deployment" && DEPLOYMENT_OUTCOMES.has(e.action));
  const open = new Set(input.openIncidents.map((i) => i.id));
  const opened = new Map<number, HandoffEvent>();
  for (const e of inShift) if (e.type === "incident" && e.action === "declared" && !opened.has(e.subjectId)) opened.set(e.subjectId, e);
  const approved = new Map<number, HandoffEvent>();
  for (const e of inShift) if (e.type === "change" && e.action === "approved") approved.set(e.subjectId, e);
  return {
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    deployments: {
      succeeded: deployments.filter((e) => e.action === "succeeded").length,
      failed: deployments.filter((e) => e.action === "failed").length,
      rolledBack: deployments.filter((e) => e.action === "rolled back").length,
      items: deployments.map(item),
    },
    incidents: { opened: [...opened.values()].map((e) => ({ ...item(e), stillOpen: open.has(e.subjectId) })), stillOpen: [...input.openIncidents] },
    changes: { approved: [...approved.values()].map(item), waiting: [...input.waitingChanges] },
    freezesAhead: input.freezesAhead.map((f) => ({ name: f.name, service: f.service, startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() })),
  };
}

/**
 * What the one-line headline counts, for the catalogs' `Teams.handoffView.headline` message
 * ("3 deployments (1 failed); 2 incidents opened, …" / "3 次部署（1 次失败）；…").
 */
export function handoffCounts(s: HandoffSummary) {
  return {
    deployments: s.deployments.items.length,
    failed: s.deployments.failed,
    opened: s.incidents.opened.length,
    stillOpen: s.incidents.stillOpen.length,
    approved: s.changes.approved.length,
    waiting: s.changes.waiting.length,
    freezes: s.freezesAhead.length,
  };
}
