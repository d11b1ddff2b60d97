/** Typed failures that map to an HTTP status and a message safe to show the user. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  request_timeout: 408,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds a rate-limited (429) or turned-away (503) client should wait. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /**
   * How a page says this refusal in the reader's language: a key of the catalogs' `Refusals` namespace and
   * its arguments. The message above stays the API's English; a form in another language says this instead.
   */
  say?: { key: string; values: Record<string, string | number> };

  saying(key: string, values: Record<string, string | number> = {}): this {
    this.say = { key, values };
    return this;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const unauthorized = () => new AppError("unauthorized", "Sign in to continue.");
export const forbidden = (what: string) => new AppError("forbidden", `Your role does not allow you to ${what}.`);
/** What a refusal may find missing, named as the API says it; a page in another language names it from the catalogs' Refusals.notFound. */
const MISSING = {
  actionItem: "action item",
  calendarFeed: "calendar feed",
  changeRequest: "change request",
  channel: "notification channel",
  deployment: "deployment",
  export: "export",
  freeze: "freeze window",
  incident: "incident",
  integration: "integration",
  member: "team member",
  override: "on-call override",
  service: "service",
  template: "standard change template",
  token: "active API token",
  user: "user",
  wallLink: "wall link",
} as const;

/** "Incident 12 was not found.", or without an id "The freeze window was not found." */
export function notFound(thing: keyof typeof MISSING, id?: number | string): AppError {
  const name = MISSING[thing];
  if (id === undefined) return new AppError("not_found", `The ${name} was not found.`).saying("notFound", { thing });
  return new AppError("not_found", `${name.charAt(0).toUpperCase()}${name.slice(1)} ${id} was not found.`).saying("notFoundNamed", { thing, id });
}

/** Turns zod issues into `{ "path.to.field": "problem" }` (first problem per field). */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  // A Map, then own properties: a field path such as "serviceMap.constructor" comes from the input.
  const fields = new Map<string, string>();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    if (!fields.has(key)) fields.set(key, issue.message);
  }
  return Object.fromEntries(fields);
}

export function invalid(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): AppError {
  const fields = fieldErrors(issues);
  const [first] = Object.entries(fields);
  const message = first ? (first[0] === "_" ? first[1] : `${first[0]}: ${first[1]}`) : "Invalid input.";
  return new AppError("bad_request", message, fields);
}
