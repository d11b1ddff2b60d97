import { describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { insertFreeze } from "@/db/queries/changes";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createCalendarFeed, newCalendarFeedSchema, revokeCalendarFeed } from "@/lib/changes/calendar-feeds";
import { GET } from "./route";

vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

processDatabase();

const fetchFeed = (path: string) => GET(new Request(`http://tandem.test${path}`, { headers: { host: "tandem.test" } }), { params: Promise.resolve({ feed: path.split("/").pop()! }) });

describe("GET /api/calendar/{secret}.ics", () => {
  it("answers a live link with the calendar, and a revoked or unknown one with the same 404", async () => {
    const db = getDatabase();
    await db.transaction((tx) => insertFreeze(tx, { name: "Year end", serviceId: null, startsAt: new Date("2026-12-20T00:00:00Z"), endsAt: new Date("2027-01-02T00:00:00Z"), createdAt: new Date("2026-11-01T00:00:00Z") }));
    const { feed, path } = await createCalendarFeed(db, CLI_ACTOR, newCalendarFeedSchema.parse({ name: "Everyone" }));

    const live = await fetchFeed(path);
    expect(live.status).toBe(200);
    expect(live.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(live.headers.get("cache-control")).toBe("no-store");
    const text = await live.text();
    expect(text).toContain("UID:freeze-1@tandem.test\r\n");
    expect(text).toContain("SUMMARY:Freeze: Year end\r\n");

    await revokeCalendarFeed(db, CLI_ACTOR, feed.id);
    const revoked = await fetchFeed(path);
    const unknown = await fetchFeed("/api/calendar/cal_nothing.ics");
    expect([revoked.status, unknown.status]).toEqual([404, 404]);
    expect(await revoked.json()).toEqual(await unknown.json());
  });
});
