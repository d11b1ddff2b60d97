import { DAY_MS, MINUTE_MS } from "@/lib/time";
import { MAX_WINDOW_DAYS, metricsQuerySchema, type MetricsQuery } from "./query";
import { fieldErrors } from "@/lib/errors";

export const PERIODS = ["7", "30", "90", "180"] as const;
export type Period = (typeof PERIODS)[number] | "custom";

export type DashboardParams = { period: Period; from?: string; to?: string; team?: string; service?: string; environment?: string };

/** Why the filters give no view, for the page to say in its own language (`error` says it in English). */
export type DashboardProblem =
  | { code: "missingRange" }
  | { code: "rangeOrder" }
  | { code: "rangeTooLong"; days: number }
  | { code: "field"; field: string; problem: string };

export type DashboardView =
  | { ok: true; params: DashboardParams; query: MetricsQuery; previous: MetricsQuery }
  | { ok: false; params: DashboardParams; error: string; problem: DashboardProblem };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where a page's period "ending now" ends: at the end of the current minute. Each view in the same minute
 * then asks for the same window, and the metrics cache (keyed by the query) answers it until something is
 * written; a window ending at the millisecond made every overview two cold reports (a 30-day report and
 * the one before it: 225 ms at a slow hour against 3 ms for a cached one).
 */
export function periodEnd(now: number): number {
  return Math.ceil(now / MINUTE_MS) * MINUTE_MS;
}

/**
 * Reads the dashboard's filters from the URL (so a view is a link to share): a period of 7–180 days
 * ending now (periodEnd), or a custom range of whole UTC days (`to` inclusive), plus team, service, environment.
 */
export function parseDashboardParams(searchParams: SearchParams, now = Date.now()): DashboardView {
  const from = one(searchParams.from);
  const to = one(searchParams.to);
  const requested = one(searchParams.period);
  const period: Period = requested === "custom" || (!requested && (from || to)) ? "custom" : PERIODS.includes(requested as never) ? (requested as Period) : "30";
  const params: DashboardParams = { period, team: one(searchParams.team), service: one(searchParams.service), environment: one(searchParams.environment) };
  let window: { from?: string; to?: string };
  if (period === "custom") {
    params.from = from;
    params.to = to;
    if (!from || !to || !DATE.test(from) || !DATE.test(to)) return { ok: false, params, error: "Choose both a start and an end date for a custom range.", problem: { code: "missingRange" } };
    window = { from: `${from}T00:00:00Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() };
  } else {
    const end = periodEnd(now);
    window = { from: new Date(end - Number(period) * DAY_MS).toISOString(), to: new Date(end).toISOString() };
  }
  const parsed = metricsQuerySchema.safeParse({ ...window, team: params.team, service: params.service, environment: params.environment });
  if (!parsed.success) {
    const [field, problem] = Object.entries(fieldErrors(parsed.error.issues))[0]!;
    const reason = problem === "must be before to" ? "the start must be before the end" : problem;
    const error = field === "from" ? `The range is not valid: ${reason}.` : `${field} ${problem}`;
    const span = Date.parse(window.to ?? "") - Date.parse(window.from ?? "");
    if (field === "from" && problem === "must be before to") return { ok: false, params, error, problem: { code: "rangeOrder" } };
    if (field === "from" && span > MAX_WINDOW_DAYS * DAY_MS) return { ok: false, params, error, problem: { code: "rangeTooLong", days: MAX_WINDOW_DAYS } };
    return { ok: false, params, error, problem: { code: "field", field, problem } };
  }
  const query = parsed.data;
  const length = query.to.getTime() - query.from.getTime();
  return { ok: true, params, query, previous: { ...query, from: new Date(query.from.getTime() - length), to: query.from } };
}

/** The dashboard's view when no filter is chosen (the overview's first view). */
export function defaultDashboardQuery(now = Date.now()): MetricsQuery {
  const view = parseDashboardParams({}, now);
  if (!view.ok) throw new Error("the default dashboard view is always valid");
  return view.query;
}

/** The URL search string for a set of filters (empty values left out). */
export function dashboardSearch(params: DashboardParams): string {
  const entries = Object.entries(params).filter(([k, v]) => v && !(k === "period" && v === "30"));
  return entries.length ? `?${new URLSearchParams(entries as [string, string][]).toString()}` : "";
}
