import { z } from "zod";
import { text } from "@/lib/validation";
import { MAX_RECORD_ID, wholeNumber } from "@/lib/whole-number";
import { EVENT_TYPES, type EventType } from "@/db/schema";
import type { TimelineCursor } from "@/db/queries/timeline";

export function encodeCursor(c: TimelineCursor): string {
  return Buffer.from(`${c.at}:${c.id}`).toString("base64url");
}

/** The furthest a Date reaches either side of 1970, in ms. */
const DATE_RANGE_MS = 8.64e15;

/**
 * A cursor's moment (before 1970 too, for events dated so) and id. Digits past a Date's range or a safe
 * integer are no cursor this API returned: read on, they became an Invalid Date or a rounded id, which
 * PostgreSQL refuses as a parameter (a 500 for a client's mistake).
 */
function decodeCursor(value: string): TimelineCursor | null {
  const match = /^(-?\d+):(\d+)$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match) return null;
  const cursor = { at: Number(match[1]), id: Number(match[2]) };
  return cursor.id <= MAX_RECORD_ID && Math.abs(cursor.at) <= DATE_RANGE_MS ? cursor : null;
}

const optional = text()
  .trim()
  .max(100, "must be at most 100 characters")
  .transform((v) => v || undefined)
  .optional();

/** The query of GET /api/v1/timeline and of the timeline page. */
export const timelineQuerySchema = z.object({
  limit: wholeNumber(1, 200).default(50),
  before: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const cursor = decodeCursor(v);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: "is not a cursor this API returned" });
        return z.NEVER;
      }
      return cursor;
    }),
  type: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const types = v.split(",").map((t) => t.trim());
      const bad = types.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `must list ${EVENT_TYPES.join(", ")} (got ${bad || "an empty item"})` });
        return z.NEVER;
      }
      return types as EventType[];
    }),
  service: optional,
  team: optional,
  environment: optional.transform((v) => v?.toLowerCase()),
});
export type TimelineQuery = z.output<typeof timelineQuerySchema>;
