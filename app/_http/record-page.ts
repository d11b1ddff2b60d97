import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import type { Queryable } from "@/db/database";
import { findChange } from "@/db/queries/changes";
import { findIncidentById } from "@/db/queries/incidents";
import { findDeploymentById } from "@/db/queries/ingest";
import { findIntegration } from "@/db/queries/integrations";
import { findChannel } from "@/db/queries/notifications";
import { findServiceBySlug } from "@/db/queries/services";
import { findTeamBySlug } from "@/db/queries/teams";
import type { Permission } from "@/lib/auth/roles";
import { DRILLDOWNS } from "@/lib/dora/links";
import { grantWall } from "@/lib/wall/access";
import { currentSessionId, requirePageUser } from "./session";

const FINDERS = {
  deployment: (q: Queryable, key: string) => (/^\d{1,15}$/.test(key) ? findDeploymentById(q, Number(key)) : undefined),
  incident: (q: Queryable, key: string) => (/^\d{1,15}$/.test(key) ? findIncidentById(q, Number(key)) : undefined),
  change: (q: Queryable, key: string) => (/^\d{1,15}$/.test(key) ? findChange(q, Number(key)) : undefined),
  integration: (q: Queryable, key: string) => (/^\d{1,15}$/.test(key) ? findIntegration(q, Number(key)) : undefined),
  channel: (q: Queryable, key: string) => (/^\d{1,15}$/.test(key) ? findChannel(q, Number(key)) : undefined),
  service: (q: Queryable, key: string) => findServiceBySlug(q, key),
  team: (q: Queryable, key: string) => findTeamBySlug(q, key),
  drilldown: async (_q: Queryable, key: string) => (DRILLDOWNS as readonly string[]).includes(key) || undefined,
} as const;

export type RecordKind = keyof typeof FINDERS;

/**
 * For the layout of a record's page (`/deployments/[id]`, …): a signed-in reader, then a record that
 * exists, else 404. A page's loading.tsx is a Suspense boundary, and Next sends the status with the
 * shell, before the page inside it runs, so a notFound() in the page answers 200. A layout of the same
 * segment renders above that boundary: checked there, the status is a real 404. The page checks again.
 */
export async function requireRecordPage(kind: RecordKind, key: string, permission: Permission = "read"): Promise<void> {
  await requirePageUser(permission);
  if (!(await FINDERS[kind](getDatabase().read, key))) notFound();
}

/**
 * For the layout of a shared wall (`/wall/[token]`), which needs no sign-in: a link that never existed
 * is a 404, decided above the loading boundary as for records. A revoked or expired link is left to
 * the page, which tells the TV so.
 */
export async function requireKnownWall(token: string): Promise<void> {
  await connection();
  const grant = await grantWall(getDatabase(), token, currentSessionId);
  if (!grant.ok && grant.status === 404) notFound();
}
