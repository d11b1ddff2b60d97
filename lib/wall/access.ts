import type { Database } from "@/db/database";
import { isSessionLive } from "@/db/queries/users";
import { DEFAULT_ROTATE_SECONDS } from "./limits";
import type { WallViewSpec } from "./schema";
import { wallContentVersion } from "./data";
import { linkViews, openWallLink } from "./links";

export type WallGrant =
  /** `contentVersion`: for a share link, what its live stream tells (see changeStream); a person's wall shows everything. */
  | { ok: true; title: string; views: WallViewSpec[]; rotateSeconds: number; stillOpen: () => Promise<boolean>; contentVersion?: () => Promise<string> }
  | { ok: false; status: 401 | 404 | 410; code: string; message: string };

/** The special token of the signed-in wall (`/wall`): a person sees everything, like the overview. */
export const SESSION_WALL = "session";
export const SESSION_VIEWS: WallViewSpec[] = [{ name: "Everything", panels: "all" }];

/**
 * Who may watch which wall: a share link's token (no sign-in; revoked or expired links say so), or
 * the signed-in person's session for `/wall` (`sessionId` gives the request's live session). The data
 * route and the live stream both ask here; a stream asks `stillOpen` again at every change and heartbeat,
 * so it ends once the link is revoked, or the session is signed out, expires or its person is deactivated.
 */
export async function grantWall(db: Database, token: string, sessionId: () => Promise<string | null>): Promise<WallGrant> {
  if (token === SESSION_WALL) {
    const id = await sessionId();
    if (id === null) return { ok: false, status: 401, code: "unauthorized", message: "Sign in to continue." };
    return { ok: true, title: "Tandem", views: SESSION_VIEWS, rotateSeconds: DEFAULT_ROTATE_SECONDS, stillOpen: () => isSessionLive(db.read, id, new Date()) };
  }
  const access = await openWallLink(db, token);
  if (!access.ok) {
    if (access.reason === "unknown") return { ok: false, status: 404, code: "unknown", message: "There is no wall at this address." };
    return { ok: false, status: 410, code: access.reason, message: `This link was ${access.reason}.` };
  }
  const views = linkViews(access.link);
  return {
    ok: true,
    title: access.link.name,
    views,
    rotateSeconds: access.link.rotateSeconds ?? DEFAULT_ROTATE_SECONDS,
    stillOpen: async () => (await openWallLink(db, token)).ok,
    contentVersion: () => wallContentVersion(db, views),
  };
}
