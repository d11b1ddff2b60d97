import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { insertChange, insertFreeze } from "@/db/queries/changes";
import { insertService } from "@/db/queries/services";
import { calendarFeeds } from "@/db/schema";
import { freshDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { calendarEntries } from "./calendar-data";
import { calendarFeedText, createCalendarFeed, newCalendarFeedSchema, openCalendarFeed, revokeCalendarFeed } from "./calendar-feeds";

const BASE = "https://tandem.example.com";
const at = (iso: string) => new Date(`${iso}Z`);

/** RFC 5545 §3.1: content lines end in CRLF and are folded by CRLF + one space; unfolded, each is NAME[;PARAMS]:VALUE. */
function parseEvents(text: string): Record<string, string>[] {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of unfolded.split("\r\n")) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") events.push(current!);
    else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon).split(";")[0]!] = line.slice(colon + 1);
    }
  }
  return events;
}
/** TEXT values escape backslash, comma, semicolon and newline (§3.3.11). */
const unescape = (value: string) => value.replace(/\\([\\,;nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c));

let db: Database;
let close: () => Promise<void>;
const ids = { checkout: 0, search: 0, a: 0, b: 0, quiet: 0, offTeam: 0, global: 0, searchFreeze: 0 };

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await db.transaction(async (tx) => {
    ids.checkout = (await insertService(tx, { slug: "checkout", name: "Checkout", team: "payments" })).id;
    ids.search = (await insertService(tx, { slug: "search", name: "Search", team: "discovery" })).id;
    const change = async (serviceId: number, title: string, start: string, end: string, status: "approved" | "cancelled" = "approved") =>
      (
        await insertChange(tx, { serviceId, title, type: "normal", risk: "low", status, source: "test", plannedStart: at(start), plannedEnd: at(end), createdAt: at("2026-11-01T00:00"), updatedAt: at("2026-11-02T00:00") })
      ).id;
    ids.a = await change(ids.checkout, "Rotate certs, then; restart\\now", "2026-11-24T10:00", "2026-11-24T12:00");
    ids.b = await change(ids.checkout, "Schema migration", "2026-11-24T11:00", "2026-11-24T13:00");
    ids.quiet = await change(ids.checkout, "Quiet change", "2026-11-26T10:00", "2026-11-26T11:00");
    await change(ids.checkout, "Called off", "2026-11-24T10:00", "2026-11-24T12:00", "cancelled");
    ids.offTeam = await change(ids.search, "Reindex", "2026-11-30T10:00", "2026-11-30T11:00");
    ids.global = (await insertFreeze(tx, { name: "Holidays", serviceId: null, startsAt: at("2026-12-20T00:00"), endsAt: at("2027-01-02T00:00"), reason: "Everyone is away", createdAt: at("2026-11-03T00:00") })).id;
    ids.searchFreeze = (await insertFreeze(tx, { name: "Search audit", serviceId: ids.search, startsAt: at("2026-11-30T00:00"), endsAt: at("2026-12-01T00:00"), createdAt: at("2026-11-03T00:00") })).id;
  });
}, 60_000);
afterAll(async () => close());

describe("calendar entries", () => {
  it("marks overlapping changes of one service and a change inside a freeze, leaving cancelled ones out", async () => {
    const entries = await calendarEntries(db, at("2026-11-23T00:00"), at("2026-12-07T00:00"), {});
    expect(entries.changes.map((c) => [c.id, c.conflicts])).toEqual([
      [ids.a, [`Overlaps change #${ids.b} "Schema migration" on Checkout`]],
      [ids.b, [`Overlaps change #${ids.a} "Rotate certs, then; restart\\now" on Checkout`]],
      [ids.quiet, []],
      [ids.offTeam, ['Inside the freeze "Search audit" (Search)']],
    ]);
    expect(entries.freezes.map((f) => f.id)).toEqual([ids.searchFreeze]);
  });

  it("shows a team's changes, and freezes of every service or of its own services only", async () => {
    const entries = await calendarEntries(db, at("2026-11-23T00:00"), at("2027-01-01T00:00"), { team: "payments" });
    expect(entries.changes.map((c) => c.id)).toEqual([ids.a, ids.b, ids.quiet]);
    expect(entries.freezes.map((f) => f.id)).toEqual([ids.global]);
  });

  it("finds a clash with a change that lies outside the window", async () => {
    const entries = await calendarEntries(db, at("2026-11-24T12:30"), at("2026-11-25T00:00"), { service: "checkout" });
    expect(entries.changes.map((c) => [c.id, c.conflicts.length])).toEqual([[ids.b, 1]]);
  });
});

describe("iCal feed", () => {
  it("is valid RFC 5545: CRLF lines of at most 75 octets, escaped text, one VEVENT per change and freeze", async () => {
    const text = await calendarFeedText(db, { name: "Payments", team: "payments" }, BASE);
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("\r\nEND:VCALENDAR\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text.replaceAll("\r\n", "")).not.toContain("\n");
    const events = parseEvents(text);
    expect(events.map((e) => e.UID)).toEqual([`change-${ids.a}@tandem.example.com`, `change-${ids.b}@tandem.example.com`, `change-${ids.quiet}@tandem.example.com`, `freeze-${ids.global}@tandem.example.com`]);
    const first = events[0]!;
    expect(first.SUMMARY).toBe("⚠ Rotate certs\\, then\\; restart\\\\now (checkout)");
    expect(unescape(first.SUMMARY!)).toBe("⚠ Rotate certs, then; restart\\now (checkout)");
    expect([first.DTSTART, first.DTEND, first.DTSTAMP]).toEqual(["20261124T100000Z", "20261124T120000Z", "20261102T000000Z"]);
    expect(unescape(first.DESCRIPTION!)).toContain(`Conflicts:\n- Overlaps change #${ids.b} "Schema migration" on Checkout`);
    expect(unescape(events[3]!.SUMMARY!)).toBe("Freeze: Holidays");
    expect(unescape(events[3]!.DESCRIPTION!)).toContain("Covers every service.\nEveryone is away");
  });

  it("reads the same on every fetch, so calendar apps update events in place", async () => {
    const first = await calendarFeedText(db, { name: "All", team: null }, BASE);
    expect(await calendarFeedText(db, { name: "All", team: null }, BASE)).toBe(first);
    expect(parseEvents(first).map((e) => e.UID)).toContain(`freeze-${ids.searchFreeze}@tandem.example.com`);
  });
});

describe("calendar feed links", () => {
  it("keeps only a digest, opens by its path until revoked, and names an unknown team", async () => {
    const { feed, path } = await createCalendarFeed(db, CLI_ACTOR, newCalendarFeedSchema.parse({ name: "Payments", team: "payments" }));
    const segment = path.split("/").pop()!;
    expect(path).toMatch(/^\/api\/calendar\/cal_[\w-]{32}\.ics$/);
    expect(JSON.stringify(await db.read.select().from(calendarFeeds))).not.toContain(segment.slice(0, -4));
    expect((await openCalendarFeed(db, segment))?.id).toBe(feed.id);
    expect(await openCalendarFeed(db, segment.slice(0, -4))).toBeUndefined();
    await revokeCalendarFeed(db, CLI_ACTOR, feed.id);
    expect(await openCalendarFeed(db, segment)).toBeUndefined();
    await expect(createCalendarFeed(db, CLI_ACTOR, newCalendarFeedSchema.parse({ name: "Typo", team: "paymnets" }))).rejects.toMatchObject({ fields: { team: expect.stringContaining("no service belongs to team paymnets") } });
    await expect(revokeCalendarFeed(db, CLI_ACTOR, 99_999)).rejects.toThrow("The calendar feed was not found.");
  });
});
