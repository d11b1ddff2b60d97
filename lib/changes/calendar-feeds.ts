import { randomBytes } from "node:crypto";
import ical, { ICalEventStatus } from "ical-generator";
import { z } from "zod";
import type { Database } from "@/db/database";
import type { CalendarFeed } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findCalendarFeedByHash, insertCalendarFeed, revokeCalendarFeedRow } from "@/db/queries/calendar-feeds";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { notFound } from "@/lib/errors";
import { requireScopeTeam } from "@/lib/teams/scope";
import { DAY_MS } from "@/lib/time";
import { singleLineName } from "@/lib/single-line";
import { slugSchema } from "@/lib/validation";
import { calendarEntries, type CalendarEntries } from "./calendar-data";

/** An empty form field means "every team". */
export const newCalendarFeedSchema = z.object({
  name: singleLineName(60),
  team: z.preprocess((v) => (v === "" ? undefined : v), slugSchema.optional()),
});
export type NewCalendarFeed = z.output<typeof newCalendarFeedSchema>;

const FEED_SUFFIX = ".ics";
export const calendarFeedPath = (token: string) => `/api/calendar/${token}${FEED_SUFFIX}`;

/** A feed link for a calendar app: only a digest is stored; the URL is shown once. */
export async function createCalendarFeed(db: Database, actor: Actor, input: NewCalendarFeed): Promise<{ feed: CalendarFeed; path: string }> {
  await requireScopeTeam(db.read, input.team);
  const token = `cal_${randomBytes(24).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const feed = await insertCalendarFeed(tx, {
      name: input.name,
      team: input.team ?? null,
      tokenHash: hashToken(token),
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: new Date(),
    });
    const { tokenHash: _hash, ...visible } = feed;
    await recordAudit(tx, actor, { action: "calendar_feed.create", entityType: "calendar_feed", entityId: feed.id, after: visible });
    return { feed, path: calendarFeedPath(token) };
  });
}

export async function revokeCalendarFeed(db: Database, actor: Actor, id: number): Promise<CalendarFeed> {
  return db.transaction(async (tx) => {
    const feed = await revokeCalendarFeedRow(tx, id, new Date());
    if (!feed) throw notFound("calendarFeed");
    await recordAudit(tx, actor, { action: "calendar_feed.revoke", entityType: "calendar_feed", entityId: id });
    return feed;
  });
}

/**
 * The feed a path segment names ("cal_….ics"), if it is live. A revoked or unknown link gets the same
 * answer, so a link found in an old calendar tells nothing about which links exist.
 */
export async function openCalendarFeed(db: Database, segment: string): Promise<CalendarFeed | undefined> {
  if (!segment.endsWith(FEED_SUFFIX)) return undefined;
  const feed = await findCalendarFeedByHash(db.read, hashToken(segment.slice(0, -FEED_SUFFIX.length)));
  return feed && !feed.revokedAt ? feed : undefined;
}

/** What a calendar app gets: a month back (recent changes stay visible) and half a year ahead. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 183;

/** The feed's changes and freezes now, as iCalendar text. */
export async function calendarFeedText(db: Database, feed: Pick<CalendarFeed, "name" | "team">, baseUrl: string): Promise<string> {
  const now = Date.now();
  const entries = await calendarEntries(db, new Date(now - FEED_PAST_DAYS * DAY_MS), new Date(now + FEED_FUTURE_DAYS * DAY_MS), { team: feed.team ?? undefined });
  return renderCalendar(entries, { name: feed.team ? `Tandem changes: ${feed.team}` : "Tandem changes", baseUrl });
}

/**
 * RFC 5545 text of a calendar's entries. Each UID is the record's kind and id at this Tandem's host, so
 * a calendar app updates an event in place from one fetch to the next; DTSTAMP is when the record was
 * last revised (the calendar has no METHOD), so an unchanged feed reads the same on every fetch.
 */
export function renderCalendar(entries: CalendarEntries, { name, baseUrl }: { name: string; baseUrl: string }): string {
  const host = new URL(baseUrl).hostname;
  const calendar = ical({ name, prodId: { company: "Tandem", product: "Change calendar", language: "EN" }, ttl: 15 * 60 });
  for (const c of entries.changes) {
    const url = `${baseUrl}/changes/${c.id}`;
    const lines = [
      `${c.serviceName} (${c.service}${c.team ? `, team ${c.team}` : ""})`,
      `${c.type} change, ${c.status.replaceAll("_", " ")}`,
      ...(c.conflicts.length ? ["", "Conflicts:", ...c.conflicts.map((line) => `- ${line}`)] : []),
      "",
      url,
    ];
    calendar.createEvent({
      id: `change-${c.id}@${host}`,
      start: c.start,
      end: c.end,
      stamp: c.updatedAt,
      summary: `${c.conflicts.length ? "⚠ " : ""}${c.title} (${c.service})`,
      description: lines.join("\n"),
      url,
      status: c.status === "draft" || c.status === "pending_approval" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      categories: [{ name: "Change" }],
    });
  }
  for (const f of entries.freezes) {
    calendar.createEvent({
      id: `freeze-${f.id}@${host}`,
      start: f.startsAt,
      end: f.endsAt,
      stamp: f.createdAt,
      summary: `Freeze: ${f.name}`,
      description: [`Covers ${f.serviceName ?? "every service"}.`, ...(f.reason ? [f.reason] : []), "", `${baseUrl}/changes/freezes`].join("\n"),
      url: `${baseUrl}/changes/freezes`,
      status: ICalEventStatus.CONFIRMED,
      categories: [{ name: "Freeze" }],
    });
  }
  // Every content line ends in CRLF (RFC 5545 §3.1), the last one too, which the library leaves bare.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
