import { z } from "zod";
import { calendarDaySchema, text, timestampSchema } from "@/lib/validation";
import { DAY_MS } from "@/lib/time";

export const MAX_WINDOW_DAYS = 731;
export const DEFAULT_WINDOW_DAYS = 30;

/**
 * A window's edge: an ISO-8601 timestamp with its offset (the API's timestamps) or a date, meaning its
 * 00:00 UTC. A time without an offset is refused rather than read in the server's own zone, which would
 * give the same link a different window on another server; four-digit years keep every week of a window
 * a valid Date.
 */
const edge = (name: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const day = calendarDaySchema.safeParse(v);
      if (day.success) return new Date(`${day.data}T00:00:00Z`);
      const at = timestampSchema.safeParse(v);
      if (at.success) return at.data;
      ctx.addIssue({ code: "custom", message: `${name} must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31` });
      return z.NEVER;
    });

const optionalText = text()
  .trim()
  .max(100, "must be at most 100 characters")
  .transform((v) => v || undefined)
  .optional();

/** The filters of every metrics view: API query string, page search params and CSV export alike. */
export const metricsQuerySchema = z
  .object({
    from: edge("from").optional(),
    to: edge("to").optional(),
    service: optionalText,
    team: optionalText,
    environment: optionalText.transform((v) => v?.toLowerCase()),
  })
  .transform((q, ctx) => {
    const to = q.to ?? (q.from ? new Date(Math.min(Date.now(), q.from.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS)) : new Date());
    const from = q.from ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
    if (from >= to) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
      return z.NEVER;
    }
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `the window must be at most ${MAX_WINDOW_DAYS} days (2 years)` });
      return z.NEVER;
    }
    return { from, to, service: q.service, team: q.team, environment: q.environment ?? "production" };
  });

/** `services` narrows to a set of services (a wall view); the public API filters by one `service`. */
export type MetricsQuery = z.output<typeof metricsQuerySchema> & { services?: string[] };
