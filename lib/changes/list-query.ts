import { CHANGE_STATUSES, CHANGE_TYPES, type ChangeStatus } from "@/db/schema";

/** Rows per page of the change list: a screenful or two, and quick to scan. */
export const CHANGE_PAGE_SIZE = 50;

type Raw = Record<string, string | string[] | undefined>;

/** The list's filters as they stand in its URL; only known values survive, so every link built from them is valid. */
export type ChangeListParams = { status?: ChangeStatus; type?: (typeof CHANGE_TYPES)[number]; service?: string; team?: string; requester?: string; waiting?: "1" };
export type ChangeListOptions = { services: string[]; teams: string[]; requesters: string[]; canApprove: boolean };
/** A value the list left out: the page words it ("waiting" is refused for people who decide nothing). */
export type IgnoredParam = { param: (typeof PARAM_KEYS)[number] | "page"; value: string };
export type ChangeListQuery = { params: ChangeListParams; page: number; ignored: IgnoredParam[] };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const PARAM_KEYS = ["status", "type", "service", "team", "requester", "waiting"] as const;

/**
 * The change list's filters and page from its URL. A value the list does not know (a misspelt status,
 * a service that does not exist, "waiting for me" for someone who decides nothing) is left out and named
 * in `ignored`, so the page can say what it did not apply instead of showing a silently wrong list.
 */
export function parseChangeListQuery(raw: Raw, options: ChangeListOptions): ChangeListQuery {
  const known: Record<(typeof PARAM_KEYS)[number], (v: string) => boolean> = {
    status: (v) => (CHANGE_STATUSES as readonly string[]).includes(v),
    type: (v) => (CHANGE_TYPES as readonly string[]).includes(v),
    service: (v) => options.services.includes(v),
    team: (v) => options.teams.includes(v),
    requester: (v) => options.requesters.includes(v),
    waiting: (v) => v === "1" && options.canApprove,
  };
  const params: Record<string, string> = {};
  const ignored: IgnoredParam[] = [];
  for (const key of PARAM_KEYS) {
    const value = one(raw[key]);
    if (value === undefined) continue;
    if (known[key](value)) params[key] = value;
    else ignored.push({ param: key, value });
  }
  const rawPage = one(raw.page);
  const page = rawPage === undefined ? 1 : /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : undefined;
  if (page === undefined) ignored.push({ param: "page", value: rawPage! });
  return { params: params as ChangeListParams, page: page ?? 1, ignored };
}

/** The list's address with these filters, on `page` (the first page needs no number). */
export function changeListHref(params: ChangeListParams, page = 1): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/changes?${text}` : "/changes";
}
