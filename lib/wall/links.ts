import { randomBytes } from "node:crypto";
import type { Database } from "@/db/database";
import type { WallLink } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { listFilterOptions } from "@/db/queries/services";
import { findWallLinkByHash, insertWallLink, revokeWallLinkRow } from "@/db/queries/wall";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { invalid, notFound } from "@/lib/errors";
import { teamScopeIssues } from "@/lib/teams/scope";
import { wallViewSchema, type NewWallLink, type WallViewSpec } from "./schema";

export const wallPath = (token: string) => `/wall/${token}`;

/** A team or service no one has recorded would show an empty wall forever: say so when the link is made. */
async function checkScopes(db: Database, views: WallViewSpec[]): Promise<void> {
  const { services, teams } = await listFilterOptions(db.read);
  const known = new Set(services.map((s) => s.slug));
  const issues = views.flatMap((view, i) => [
    ...teamScopeIssues(teams, view.team, ["views", i, "team"]),
    ...(view.services ?? []).filter((slug) => !known.has(slug)).slice(0, 1).map((slug) => ({ path: ["views", i, "services"], message: `there is no service ${slug} (check the spelling, or record it first)` })),
  ]);
  if (issues.length) throw invalid(issues);
}

/** A read-only link for a TV: only a digest is stored; the path is shown once. */
export async function createWallLink(db: Database, actor: Actor, input: NewWallLink): Promise<{ link: WallLink; path: string }> {
  await checkScopes(db, input.views);
  const token = `wl_${randomBytes(24).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const link = await insertWallLink(tx, {
      name: input.name,
      views: input.views,
      rotateSeconds: input.rotate,
      locale: input.locale ?? null,
      tokenHash: hashToken(token),
      expiresAt: input.expires ?? null,
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: new Date(),
    });
    const { tokenHash: _hash, ...visible } = link;
    await recordAudit(tx, actor, { action: "wall_link.create", entityType: "wall_link", entityId: link.id, after: visible });
    return { link, path: wallPath(token) };
  });
}

/** The views a link rotates through; links made before views existed show their team (or everything). */
export function linkViews(link: WallLink): WallViewSpec[] {
  const parsed = wallViewSchema.array().min(1).safeParse(link.views);
  if (parsed.success) return parsed.data;
  return [{ name: link.name, team: link.team ?? undefined, services: link.services ?? undefined, panels: "all" }];
}

export type WallAccess = { ok: true; link: WallLink } | { ok: false; reason: "unknown" | "revoked" | "expired" };

/** Whether a TV's link still opens the wall; a revoked or expired one says so (and shows nothing else). */
export async function openWallLink(db: Database, token: string, now = new Date()): Promise<WallAccess> {
  const link = await findWallLinkByHash(db.read, hashToken(token));
  if (!link) return { ok: false, reason: "unknown" };
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  if (link.expiresAt && link.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, link };
}

export async function revokeWallLink(db: Database, actor: Actor, id: number): Promise<WallLink> {
  return db.transaction(async (tx) => {
    const link = await revokeWallLinkRow(tx, id);
    if (!link) throw notFound("wallLink");
    await recordAudit(tx, actor, { action: "wall_link.revoke", entityType: "wall_link", entityId: id });
    return link;
  });
}
