import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import type { WallLink } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findWallLinkByHash, insertWallLink, revokeWallLinkRow } from "@/db/queries/wall";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { notFound } from "@/lib/errors";

export const wallPath = (token: string) => `/wall/${token}`;

/** A read-only link for a TV: only a digest is stored; the path is shown once. */
export function createWallLink(db: Db, actor: Actor, input: { name: string; team?: string | null; expiresAt?: Date | null }): { link: WallLink; path: string } {
  const token = `wl_${randomBytes(24).toString("base64url")}`;
  return db.transaction((tx) => {
    const link = insertWallLink(tx, {
      name: input.name,
      team: input.team ?? null,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? null,
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: new Date(),
    });
    const { tokenHash: _hash, ...visible } = link;
    recordAudit(tx, actor, { action: "wall_link.create", entityType: "wall_link", entityId: link.id, after: visible });
    return { link, path: wallPath(token) };
  });
}

export type WallAccess = { ok: true; link: WallLink } | { ok: false; reason: "unknown" | "revoked" | "expired" };

/** Whether a TV's link still opens the wall; a revoked or expired one says so (and shows nothing else). */
export function openWallLink(db: Db, token: string, now = new Date()): WallAccess {
  const link = findWallLinkByHash(db, hashToken(token));
  if (!link) return { ok: false, reason: "unknown" };
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  if (link.expiresAt && link.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, link };
}

export function revokeWallLink(db: Db, actor: Actor, id: number): WallLink {
  return db.transaction((tx) => {
    const link = revokeWallLinkRow(tx, id);
    if (!link) throw notFound("The wall link");
    recordAudit(tx, actor, { action: "wall_link.revoke", entityType: "wall_link", entityId: id });
    return link;
  });
}
