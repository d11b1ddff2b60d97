import type { Queryable } from "@/db/database";
import { listEvents, type TimelineRow } from "@/db/queries/timeline";
import { encodeCursor, type TimelineQuery } from "./query";

const PAGES = { deployment: "deployments", incident: "incidents", change: "changes" } as const;

/** A gate decision has no page of its own: it links to its service's page, where the gating is set. */
const urlOf = (e: TimelineRow) => (e.type === "gate" ? `/services/${e.service}` : `/${PAGES[e.type]}/${e.subjectId}`);

/** An event as GET /api/v1/timeline returns it (CONTRACT.md). */
export function eventJson(e: TimelineRow) {
  return {
    id: e.id,
    type: e.type,
    action: e.action,
    at: e.at.toISOString(),
    service: e.service,
    team: e.team,
    environment: e.environment,
    summary: e.summary,
    subject: { kind: e.type, id: e.subjectId, externalId: e.subjectExternalId },
    url: urlOf(e),
  };
}
export type TimelineEventJson = ReturnType<typeof eventJson>;

/** One page of the timeline and the cursor of the next (null at the end). */
export async function timelinePage(db: Queryable, q: TimelineQuery): Promise<{ events: TimelineEventJson[]; next: string | null }> {
  const rows = await listEvents(db, { types: q.type, service: q.service, team: q.team, environment: q.environment }, q.limit + 1, q.before);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { events: page.map(eventJson), next: rows.length > q.limit && last ? encodeCursor({ at: last.at.getTime(), id: last.id }) : null };
}
