import { z } from "zod";
import { text } from "@/lib/validation";
import { DAY_MS } from "@/lib/time";

export const MAX_WINDOW_DAYS = 731;
export const DEFAULT_WINDOW_DAYS = 30;

/**
 * ISO-8601's four-digit years. A JavaScript Date reaches further (±271,821 years), but a window
 * or its weeks reaching past that edge become invalid dates mid-computation.
 */
const EARLIEST = Date.parse("0000-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

const timestamp = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: `${name} must be an ISO-8601 timestamp, e.g. 2026-01-31T00:00:00Z`, abort: true })
    .refine((v) => Date.parse(v) >= EARLIEST && Date.parse(v) <= LATEST, `${name} must be between the years 0000 and 9999`)
    .transform((v) => new Date(Date.parse(v)));

const optionalText = text()
  .trim()
  .max(100, "must be at most 100 characters")
  .transform((v) => v || undefined)
  .optional();

/** The filters of every metrics view: API query string, page search params and CSV export alike. */
export const metricsQuerySchema = z
  .object({
    from: timestamp("from").optional(),
    to: timestamp("to").optional(),
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
