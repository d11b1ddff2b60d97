import { describe, expect, it } from "vitest";
import { memoryDb } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { wallData } from "./data";
import { createWallLink, openWallLink, revokeWallLink } from "./links";

describe("wall links", () => {
  it("open until revoked or expired, and only a digest is stored", () => {
    const { db, sqlite } = memoryDb();
    const { link, path } = createWallLink(db, CLI_ACTOR, { name: "TV", team: "payments" });
    const token = path.split("/").at(-1)!;
    expect(path).toMatch(/^\/wall\/wl_[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(sqlite.prepare("select * from wall_links").all())).not.toContain(token);
    expect(openWallLink(db, token)).toMatchObject({ ok: true, link: { id: link.id, team: "payments" } });
    expect(openWallLink(db, "wl_nope")).toEqual({ ok: false, reason: "unknown" });
    revokeWallLink(db, CLI_ACTOR, link.id);
    expect(openWallLink(db, token)).toEqual({ ok: false, reason: "revoked" });
    const expiring = createWallLink(db, CLI_ACTOR, { name: "Temp", expiresAt: new Date(Date.now() + 60_000) });
    expect(openWallLink(db, expiring.path.split("/").at(-1)!, new Date(Date.now() + 120_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("serves the wall's data as plain JSON", () => {
    const { db } = memoryDb();
    const data = wallData(db, undefined);
    expect(data.metrics.deploymentFrequency).toMatchObject({ perDay: 0, level: "low" });
    expect(data).toMatchObject({ incidents: [], changes: { waiting: 0, top: [] }, freeze: null, today: [], events: [] });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
