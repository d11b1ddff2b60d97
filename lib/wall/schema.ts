import { z } from "zod";
import { oneOf, slugSchema } from "@/lib/validation";
import { singleLineName } from "@/lib/single-line";
import { DAY_MS } from "@/lib/time";
import { wholeNumber } from "@/lib/whole-number";
import { LOCALES } from "@/lib/i18n/locales";
import { DEFAULT_ROTATE_SECONDS, MAX_WALL_VIEWS, WALL_PANELS } from "./limits";
import { WALL_THEMES } from "./theme";

/** An empty form field means "not given", and the field's own schema explains any other mistake. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** "checkout-api, cart" or "checkout-api cart" (or a list): the services a view covers. */
const serviceList = z
  .preprocess((v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v), z.array(slugSchema, { error: "must be a list of service slugs" }).max(50, "may name at most 50 services"))
  .transform((list) => (list.length ? [...new Set(list)] : undefined));

/** A view nobody named is called after what it shows. */
function defaultViewName(view: { team?: string; services?: string[]; panels: string }): string {
  const scope = view.team ? `Team ${view.team}` : view.services ? view.services.join(", ") : "Everything";
  return view.panels === "incidents" ? `${scope}: incidents` : scope;
}

/** One screen of a wall: a team and/or a set of services, every panel or the open incidents alone. */
export const wallViewSchema = z
  .object({
    name: optional(singleLineName(60)),
    team: optional(slugSchema),
    services: optional(serviceList),
    panels: optional(oneOf(WALL_PANELS)).transform((p) => p ?? "all"),
  })
  .transform((view) => ({ ...view, name: view.name ?? defaultViewName(view) }));
export type WallViewSpec = z.output<typeof wallViewSchema>;

const VIEW_FIELD = /^views\.(\d)\.(name|team|services|panels)$/;

/**
 * A form posts flat fields (`views.0.name`, `views.1.team`, …): gather them into `views`, leaving out
 * the spare rows nobody filled in. Only the known field names are read, so no other key reaches the object.
 */
function gatherViews(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input) || "views" in input) return input;
  const rows: Record<string, string>[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const match = VIEW_FIELD.exec(key);
    if (match) (rows[Number(match[1])] ??= {})[match[2]!] = String(value);
    else if (key === "name" || key === "expires" || key === "rotate" || key === "theme" || key === "locale") rest[key] = value;
  }
  // The first row is the wall even when left blank (everything); a spare row still showing the default
  // panel choice is unused, and anything typed or chosen in it makes it a view.
  const filled = rows.filter((row, i) => row && (i === 0 || Object.entries(row).some(([key, value]) => value.trim() !== "" && !(key === "panels" && value === "all"))));
  return { ...rest, views: filled };
}

/** One schema for `tandem wall-link create` and the Settings form. */
export const newWallLinkSchema = z.preprocess(
  gatherViews,
  z.object({
    name: singleLineName(100),
    // The form's date control gives a day, and the link works to the end of it (UTC); the CLI may give an instant.
    expires: optional(z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be a date (2027-01-31) or an ISO-8601 timestamp, e.g. 2027-01-31T00:00:00Z" })).transform((v, ctx) => {
        if (!v) return undefined;
        const at = v.length === 10 ? new Date(Date.parse(`${v}T00:00:00Z`) + DAY_MS) : new Date(v);
        if (at <= new Date()) {
          ctx.addIssue({ code: "custom", message: "must be in the future" });
          return z.NEVER;
        }
        return at;
      }),
    rotate: optional(wholeNumber(5, 3600, "seconds")).transform((v) => v ?? DEFAULT_ROTATE_SECONDS),
    /** Not stored: it only shapes the URL handed out (`?theme=light`). */
    theme: optional(oneOf(WALL_THEMES)).transform((t) => t ?? "dark"),
    /** The language the TV shows whoever watches; absent: the browser's. */
    locale: optional(oneOf(LOCALES)),
    views: z.array(wallViewSchema, { error: "must list the wall's views" }).min(1, "name at least one view").max(MAX_WALL_VIEWS, `may hold at most ${MAX_WALL_VIEWS} views`),
  }),
);
export type NewWallLink = z.output<typeof newWallLinkSchema>;

/**
 * `--view` on the command line: `NAME[;team=T][;services=a,b][;panels=incidents]`, e.g.
 * `--view "Payments;team=payments" --view "Incidents;panels=incidents"`.
 */
export function parseViewOption(spec: string): { view: Record<string, string> } | { problem: string } {
  const [name = "", ...parts] = spec.split(";");
  const view: Record<string, string> = { name: name.trim() };
  for (const part of parts) {
    const eq = part.indexOf("=");
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !["team", "services", "panels"].includes(key)) return { problem: `has "${part.trim()}" where team=…, services=… or panels=… belongs` };
    view[key] = part.slice(eq + 1).trim();
  }
  return { view };
}
